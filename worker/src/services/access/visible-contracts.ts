import { and, asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contractPrivateMembers, contracts } from '../../db/schema';
import { accessFor, type ContractAccess } from './contract-access';
import { loadProjectAccess } from './project-access';

/**
 * The project's contracts this user may see, each with the user's access (docs/domain.md
 * "Permissions": private contracts only for tool admins, the private list and invoice contacts).
 * 404 for a user who may not see the project. Hidden contracts are simply absent.
 */
export async function visibleContracts(ctx: ServiceCtx, projectId: string): Promise<ContractAccess[]> {
  const pa = await loadProjectAccess(ctx, projectId);
  const [rows, contacts, privates] = await ctx.db.batch([
    ctx.db.select().from(contracts).where(eq(contracts.projectId, projectId)).orderBy(asc(contracts.kind), asc(contracts.number)),
    ctx.db
      .select({ id: contractInvoiceContacts.contractId })
      .from(contractInvoiceContacts)
      .innerJoin(contracts, eq(contracts.id, contractInvoiceContacts.contractId))
      .where(and(eq(contracts.projectId, projectId), eq(contractInvoiceContacts.userId, ctx.user.id))),
    ctx.db
      .select({ id: contractPrivateMembers.contractId })
      .from(contractPrivateMembers)
      .innerJoin(contracts, eq(contracts.id, contractPrivateMembers.contractId))
      .where(and(eq(contracts.projectId, projectId), eq(contractPrivateMembers.userId, ctx.user.id))),
  ]);
  const contactOf = new Set(contacts.map((r) => r.id));
  const privateOf = new Set(privates.map((r) => r.id));
  const member = pa.isMember ? { primeContractsLevel: pa.primeContracts, commitmentsLevel: pa.commitments } : undefined;
  return rows.map((c) => accessFor(c, member, contactOf.has(c.id), privateOf.has(c.id))).filter((a) => a.canSee);
}

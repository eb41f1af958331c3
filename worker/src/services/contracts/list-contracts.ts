import { and, asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contractPrivateMembers, contracts } from '../../db/schema';
import { accessFor } from '../access/contract-access';
import { loadProjectAccess } from '../access/project-access';
import { contractView } from './contract-view';
import { loadContractExtras } from './load-contract-extras';

/** The project's contracts this user may see (others are simply absent). */
export async function listContracts({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } }) {
  const pa = await loadProjectAccess(ctx, input.projectId);
  const [rows, contacts, privates] = await ctx.db.batch([
    ctx.db.select().from(contracts).where(eq(contracts.projectId, input.projectId)).orderBy(asc(contracts.kind), asc(contracts.number)),
    ctx.db
      .select({ id: contractInvoiceContacts.contractId })
      .from(contractInvoiceContacts)
      .innerJoin(contracts, eq(contracts.id, contractInvoiceContacts.contractId))
      .where(and(eq(contracts.projectId, input.projectId), eq(contractInvoiceContacts.userId, ctx.user.id))),
    ctx.db
      .select({ id: contractPrivateMembers.contractId })
      .from(contractPrivateMembers)
      .innerJoin(contracts, eq(contracts.id, contractPrivateMembers.contractId))
      .where(and(eq(contracts.projectId, input.projectId), eq(contractPrivateMembers.userId, ctx.user.id))),
  ]);
  const contactOf = new Set(contacts.map((r) => r.id));
  const privateOf = new Set(privates.map((r) => r.id));
  const member = pa.isMember ? { primeContractsLevel: pa.primeContracts, commitmentsLevel: pa.commitments } : undefined;
  const visible = rows.map((c) => accessFor(c, member, contactOf.has(c.id), privateOf.has(c.id))).filter((a) => a.canSee);
  const extras = await loadContractExtras(
    ctx,
    visible.map((a) => a.contract.id),
  );
  return { contracts: visible.map((a) => contractView(a.contract, extras.get(a.contract.id)!, a)) };
}

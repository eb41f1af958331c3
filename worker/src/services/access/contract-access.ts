import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contractPrivateMembers, contracts, projectMembers } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { atLeast, toolName, toolOf, type Level, type Tool } from './levels';

export type Contract = typeof contracts.$inferSelect;

export type ContractAccess = {
  contract: Contract;
  tool: Tool;
  level: Level;
  isToolAdmin: boolean;
  isInvoiceContact: boolean;
  isOnPrivateList: boolean;
  canSee: boolean;
};

/**
 * docs/domain.md "Permissions": see a contract with read_only+ on its tool; a private contract also needs
 * admin on the tool, the private list, or being an invoice contact. Invoice contacts (the
 * counterparty's people) see their contract even without project membership.
 */
export function accessFor(
  contract: Contract,
  member: { primeContractsLevel: Level; commitmentsLevel: Level } | undefined,
  isInvoiceContact: boolean,
  isOnPrivateList: boolean,
): ContractAccess {
  const tool = toolOf(contract.kind);
  const level: Level = !member ? 'none' : tool === 'prime_contracts' ? member.primeContractsLevel : member.commitmentsLevel;
  const isToolAdmin = level === 'admin';
  const canSee = isInvoiceContact || (atLeast(level, 'read_only') && (!contract.isPrivate || isToolAdmin || isOnPrivateList));
  return { contract, tool, level, isToolAdmin, isInvoiceContact, isOnPrivateList, canSee };
}

export async function loadContractAccess(ctx: ServiceCtx, contractId: string): Promise<ContractAccess> {
  const [row] = await contractAccessQuery(ctx, eq(contracts.id, contractId));
  return accessFromRow(row);
}

/**
 * The user's access row for the contract `which` selects (one row at most); read it alone or inside a
 * db.batch with other statements (services/emails/list-invoice-emails.ts), then decide with accessFromRow.
 */
export function contractAccessQuery(ctx: ServiceCtx, which: SQL) {
  return ctx.db
    .select({
      contract: contracts,
      prime: projectMembers.primeContractsLevel,
      commitments: projectMembers.commitmentsLevel,
      // two user_id columns: named apart, because inside a db.batch drizzle maps D1's rows by column name
      contactUser: sql<string | null>`${contractInvoiceContacts.userId}`.as('contact_user_id'),
      privateUser: sql<string | null>`${contractPrivateMembers.userId}`.as('private_user_id'),
    })
    .from(contracts)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, contracts.projectId), eq(projectMembers.userId, ctx.user.id)))
    .leftJoin(contractInvoiceContacts, and(eq(contractInvoiceContacts.contractId, contracts.id), eq(contractInvoiceContacts.userId, ctx.user.id)))
    .leftJoin(contractPrivateMembers, and(eq(contractPrivateMembers.contractId, contracts.id), eq(contractPrivateMembers.userId, ctx.user.id)))
    .where(which)
    .limit(1);
}

/** 404 when there is no such contract or the user may not see it. */
export function accessFromRow(row: Awaited<ReturnType<typeof contractAccessQuery>>[number] | undefined): ContractAccess {
  if (!row) throw notFound('Contract');
  const member = row.prime ? { primeContractsLevel: row.prime, commitmentsLevel: row.commitments! } : undefined;
  const access = accessFor(row.contract, member, !!row.contactUser, !!row.privateUser);
  if (!access.canSee) throw notFound('Contract');
  return access;
}

/** Visible but not allowed → 403 with the reason; invisible never reaches here (404 above). */
export function requireToolAdmin(access: ContractAccess, action: string): void {
  if (!access.isToolAdmin) {
    throw new AppError('FORBIDDEN', `${action} needs admin permission on ${toolName(access.tool)}`);
  }
}

/**
 * The owner's invoice contact on a prime contract (no level of their own on the tool) sees what the
 * GC submitted, never its drafts or its internal edit history (docs/security-rules.md "Owner
 * contacts"). A commitment's contact writes its own invoices, drafts included.
 */
export function seesOnlySubmitted(access: ContractAccess): boolean {
  return access.contract.kind === 'prime' && access.isInvoiceContact && access.level === 'none';
}

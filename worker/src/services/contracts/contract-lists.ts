import { eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contractPrivateMembers, users } from '../../db/schema';
import { AppError } from '../../lib/app-error';

/** Checks that every named user exists; reports each unknown one by its position in the list. */
export async function requireUsers(ctx: ServiceCtx, field: string, ids: string[]) {
  if (!ids.length) return;
  const found = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  const known = new Set(found.map((u) => u.id));
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `Unknown user(s) in ${field}`, missing.map(({ id, i }) => ({ field: `${field}.${i}`, code: 'UNKNOWN_USER', message: `No user ${id}` })));
  }
}

/** Statements that replace a contract's private list and invoice contacts (run inside the caller's batch). */
export function replaceListStatements(ctx: ServiceCtx, contractId: string, lists: { privateUserIds?: string[]; invoiceContactUserIds?: string[] }) {
  const out = [];
  if (lists.privateUserIds) {
    out.push(ctx.db.delete(contractPrivateMembers).where(eq(contractPrivateMembers.contractId, contractId)));
    for (const userId of new Set(lists.privateUserIds)) out.push(ctx.db.insert(contractPrivateMembers).values({ contractId, userId }));
  }
  if (lists.invoiceContactUserIds) {
    out.push(ctx.db.delete(contractInvoiceContacts).where(eq(contractInvoiceContacts.contractId, contractId)));
    for (const userId of new Set(lists.invoiceContactUserIds)) out.push(ctx.db.insert(contractInvoiceContacts).values({ contractId, userId }));
  }
  return out;
}

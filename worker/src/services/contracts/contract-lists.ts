import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contractPrivateMembers, projectInvitations, projectMembers, projects, users } from '../../db/schema';
import { AppError } from '../../lib/app-error';

/**
 * Checks that every named user is one of the project's people (docs/security-rules.md
 * "Membership"): a user of the project's company, a member, or someone who accepted an invitation
 * to it. Anyone else is reported exactly like an id that does not exist, by position in the list,
 * so naming people is no way to find out who has an account.
 */
export async function requireUsers(ctx: ServiceCtx, field: string, ids: string[], projectId: string) {
  if (!ids.length) return;
  const [found, [project], members, accepted] = await ctx.db.batch([
    ctx.db.select({ id: users.id, email: users.email, companyId: users.companyId }).from(users).where(inArray(users.id, ids)),
    ctx.db.select({ companyId: projects.companyId }).from(projects).where(eq(projects.id, projectId)),
    ctx.db
      .select({ id: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, ids))),
    ctx.db
      .select({ email: projectInvitations.email })
      .from(projectInvitations)
      .where(and(eq(projectInvitations.projectId, projectId), eq(projectInvitations.status, 'accepted'))),
  ]);
  const memberIds = new Set(members.map((m) => m.id));
  const acceptedEmails = new Set(accepted.map((a) => a.email));
  const known = new Set(found.filter((u) => u.companyId === project?.companyId || memberIds.has(u.id) || acceptedEmails.has(u.email)).map((u) => u.id));
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (missing.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown user(s) in ${field}`,
      missing.map(({ id, i }) => ({
        field: `${field}.${i}`,
        code: 'UNKNOWN_USER',
        message: `No user ${id} among this project's people: invite them to the project first`,
      })),
    );
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

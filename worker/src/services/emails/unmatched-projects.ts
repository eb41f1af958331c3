import { eq, inArray } from 'drizzle-orm';
import { contractInvoiceContacts, contracts, emailParticipants, projectMembers, users } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import type { PostmarkInbound } from '../../email/postmark-payloads';
import type { SystemCtx } from '../../email/system-ctx';

export type UnmatchedRule = 'sender_was_recipient' | 'sender_is_project_user' | 'addressed_project_user';

/**
 * Which projects' admins see a reply that matched no thread. The rule (a project qualifies when
 * any holds):
 *   sender_was_recipient    the sender was on To/CC (or sent) a thread of the project;
 *   sender_is_project_user  the sender is a user who is a member or an invoice contact of the project;
 *   addressed_project_user  someone the mail was addressed to (To/CC, not our inbound domain) is a
 *                           user who is a member of the project.
 * A mail that qualifies nowhere stays project-less: stored with its receipt and raw payload, and
 * listed for no project (an operator can find it: email_messages rows with neither thread nor
 * project). Mail is never dropped.
 */
export async function unmatchedProjects(ctx: SystemCtx, p: PostmarkInbound): Promise<Map<string, Set<UnmatchedRule>>> {
  const out = new Map<string, Set<UnmatchedRule>>();
  const add = (projectId: string, rule: UnmatchedRule) => {
    if (!out.has(projectId)) out.set(projectId, new Set());
    out.get(projectId)!.add(rule);
  };
  const sender = normalizeEmail(p.FromFull?.Email || p.From);
  const domain = `@${ctx.env.INBOUND_DOMAIN.toLowerCase()}`;
  const addressed = [...new Set([...p.ToFull, ...p.CcFull].map((a) => normalizeEmail(a.Email)))]
    .filter((e) => e && e !== sender && !e.endsWith(domain))
    .slice(0, 50);

  if (sender) {
    const asRecipient = await ctx.db.selectDistinct({ projectId: emailParticipants.projectId }).from(emailParticipants).where(eq(emailParticipants.email, sender));
    for (const r of asRecipient) add(r.projectId, 'sender_was_recipient');
    const [senderUser] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, sender)).limit(1);
    if (senderUser) {
      const [member, contact] = await ctx.db.batch([
        ctx.db.select({ projectId: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.userId, senderUser.id)),
        ctx.db
          .selectDistinct({ projectId: contracts.projectId })
          .from(contractInvoiceContacts)
          .innerJoin(contracts, eq(contracts.id, contractInvoiceContacts.contractId))
          .where(eq(contractInvoiceContacts.userId, senderUser.id)),
      ]);
      for (const r of [...member, ...contact]) add(r.projectId, 'sender_is_project_user');
    }
  }
  if (addressed.length) {
    const rows = await ctx.db
      .selectDistinct({ projectId: projectMembers.projectId })
      .from(users)
      .innerJoin(projectMembers, eq(projectMembers.userId, users.id))
      .where(inArray(users.email, addressed));
    for (const r of rows) add(r.projectId, 'addressed_project_user');
  }
  return out;
}

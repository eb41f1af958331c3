import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TUnmatchedEmails } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { emailMessages, emailUnmatchedProjects } from '../../db/schema';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';
import { messageViews } from './message-view';
import type { UnmatchedRule } from './unmatched-projects';

/**
 * Replies that matched no thread and were associated with this project (rule in
 * unmatched-projects.ts), newest first. For the project's tool admins (either tool): only they can
 * file a reply onto an invoice thread.
 */
export async function listUnmatchedEmails({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; limit: number } }): Promise<TUnmatchedEmails> {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Seeing unmatched mail');
  const rows = await ctx.db
    .select({ message: emailMessages, matchedBy: emailUnmatchedProjects.matchedBy })
    .from(emailUnmatchedProjects)
    .innerJoin(emailMessages, eq(emailMessages.id, emailUnmatchedProjects.messageId))
    .where(and(eq(emailUnmatchedProjects.projectId, input.projectId), isNull(emailMessages.threadId)))
    .orderBy(desc(emailMessages.createdAt))
    .limit(input.limit);
  const views = await messageViews(ctx.db, rows.map((r) => r.message));
  return {
    projectId: input.projectId,
    messages: views.map((v, i) => ({
      ...v,
      unmatchedReason: rows[i]!.message.unmatchedReason ?? '',
      matchedBy: JSON.parse(rows[i]!.matchedBy) as UnmatchedRule[],
    })),
  };
}

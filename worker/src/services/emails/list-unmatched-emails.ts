import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TUnmatchedEmails } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { emailMessages, emailUnmatchedProjects } from '../../db/schema';
import { loadProjectAccess, requireAnyToolAdmin, type ProjectAccess } from '../access/project-access';
import type { Tool } from '../access/levels';
import { messageViews } from './message-view';
import type { UnmatchedRule } from './unmatched-projects';

/**
 * Who sees a listed reply (docs/security-rules.md "Unmatched replies"): admins of a tool the reply
 * concerns (stored with the listing); a reply whose tool is unknown, only admins of both tools.
 */
export function seesUnmatched(access: ProjectAccess, tools: Tool[]): boolean {
  const isAdmin = (t: Tool) => (t === 'prime_contracts' ? access.primeContracts : access.commitments) === 'admin';
  return tools.length ? tools.some(isAdmin) : isAdmin('prime_contracts') && isAdmin('commitments');
}

/**
 * Replies that matched no thread and were associated with this project (rule in
 * unmatched-projects.ts), newest first, for the admins of the tools each reply concerns: only they
 * can file it onto an invoice thread of that tool.
 */
export async function listUnmatchedEmails({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; limit: number } }): Promise<TUnmatchedEmails> {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Seeing unmatched mail');
  const rows = await ctx.db
    .select({ message: emailMessages, matchedBy: emailUnmatchedProjects.matchedBy, tools: emailUnmatchedProjects.tools })
    .from(emailUnmatchedProjects)
    .innerJoin(emailMessages, eq(emailMessages.id, emailUnmatchedProjects.messageId))
    .where(and(eq(emailUnmatchedProjects.projectId, input.projectId), isNull(emailMessages.threadId)))
    .orderBy(desc(emailMessages.createdAt))
    .limit(input.limit);
  const visible = rows.filter((r) => seesUnmatched(access, JSON.parse(r.tools) as Tool[]));
  const views = await messageViews(
    ctx.db,
    visible.map((r) => r.message),
  );
  return {
    projectId: input.projectId,
    messages: views.map((v, i) => ({
      ...v,
      unmatchedReason: visible[i]!.message.unmatchedReason ?? '',
      matchedBy: JSON.parse(visible[i]!.matchedBy) as UnmatchedRule[],
    })),
  };
}

import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { TSessions } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { nowIso } from '../../lib/ids';

/** The user's live sign-in sessions, newest first (API tokens for scripts are not sessions). */
export async function listSessions({ ctx, input }: { ctx: ServiceCtx; input: { currentTokenHash: string } }): Promise<TSessions> {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, ctx.user.id),
        eq(apiTokens.kind, 'session'),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, nowIso())),
      ),
    )
    .orderBy(desc(apiTokens.createdAt));
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      label: r.label,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      isCurrent: r.tokenHash === input.currentTokenHash,
    })),
  };
}

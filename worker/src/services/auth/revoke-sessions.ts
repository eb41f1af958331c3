import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { notFound } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';

/**
 * Revokes one of the user's sessions (sessionId), or all of them ("sign out everywhere", the
 * current one included). Another user's session, or an API token, answers 404.
 */
export async function revokeSessions({ ctx, input }: { ctx: ServiceCtx; input: { sessionId?: string } }) {
  const mine = and(eq(apiTokens.userId, ctx.user.id), eq(apiTokens.kind, 'session'), isNull(apiTokens.revokedAt));
  const revoked = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: nowIso() })
    .where(input.sessionId ? and(mine, eq(apiTokens.id, input.sessionId)) : mine)
    .returning({ id: apiTokens.id });
  if (input.sessionId && !revoked.length) throw notFound('Session');
  return { revoked: revoked.map((r) => r.id) };
}

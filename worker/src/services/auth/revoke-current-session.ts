import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';

/** Signs out: revokes the session this request was made with. An API token is not a session. */
export async function revokeCurrentSession({ ctx, input }: { ctx: ServiceCtx; input: { currentTokenHash: string } }) {
  const revoked = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: nowIso() })
    .where(and(eq(apiTokens.tokenHash, input.currentTokenHash), eq(apiTokens.userId, ctx.user.id), eq(apiTokens.kind, 'session'), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!revoked.length) {
    throw new AppError('INVALID_STATE', 'This request was made with an API token, not a sign-in session: API tokens are not revoked here');
  }
  return { revoked: revoked.map((r) => r.id) };
}

import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { nowIso } from '../../lib/ids';

/** The signed-in user's tokens of one kind still in force (not revoked, not expired), newest first. */
export function liveTokensOf(ctx: ServiceCtx, kind: 'api' | 'session') {
  return ctx.db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, ctx.user.id),
        eq(apiTokens.kind, kind),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, nowIso())),
      ),
    )
    .orderBy(desc(apiTokens.createdAt));
}

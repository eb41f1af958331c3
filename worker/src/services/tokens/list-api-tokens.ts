import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { nowIso } from '../../lib/ids';

/** The user's API tokens in force (not revoked, not expired), newest first; never the secret. */
export async function listApiTokens({ ctx }: { ctx: ServiceCtx; input: Record<string, never> }) {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, ctx.user.id),
        eq(apiTokens.kind, 'api'),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, nowIso())),
      ),
    )
    .orderBy(desc(apiTokens.createdAt));
  return { tokens: rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, expiresAt: r.expiresAt })) };
}

/** Another user's token, a session or one already revoked: 404. The token in use may revoke itself. */

import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { notFound } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';

export async function revokeApiToken({ ctx, input }: { ctx: ServiceCtx; input: { tokenId: string } }) {
  const [row] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: nowIso() })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, ctx.user.id), eq(apiTokens.kind, 'api'), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound('API token');
  return { revoked: row.id };
}

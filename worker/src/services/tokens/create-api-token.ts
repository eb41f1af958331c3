import type { z } from 'zod';
import type { ZCreateApiToken } from '@shared/api/tokens';
import type { ServiceCtx } from '../../context';
import { apiTokens } from '../../db/schema';
import { newId, newSecret, sha256Hex } from '../../lib/ids';

/**
 * API tokens for scripts (docs/security-rules.md "Tokens"): each expires (at most 365 days), can be
 * listed and revoked by its owner through the API; only the SHA-256 is stored, the token is shown
 * once. Sessions (sign-in by email) are managed under /auth/sessions.
 */
export async function createApiToken({ ctx, input }: { ctx: ServiceCtx; input: z.output<typeof ZCreateApiToken> }) {
  const token = newSecret('pb_');
  const id = newId('tok');
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString();
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ id, userId: ctx.user.id, tokenHash: await sha256Hex(token), kind: 'api', label: input.label, expiresAt })
    .returning();
  return { id, label: row!.label, createdAt: row!.createdAt, expiresAt, token };
}

import type { ServiceCtx } from '../../context';
import { liveTokensOf } from '../auth/live-tokens';

/** The user's API tokens in force (not revoked, not expired), newest first; never the secret. */
export async function listApiTokens({ ctx }: { ctx: ServiceCtx; input: Record<string, never> }) {
  const rows = await liveTokensOf(ctx, 'api');
  return { tokens: rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, expiresAt: r.expiresAt })) };
}

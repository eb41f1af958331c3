import { eq } from 'drizzle-orm';
import type { TSessionGranted } from '@shared/api/emails';
import { apiTokens, users } from '../../db/schema';
import type { SystemCtx } from '../../email/system-ctx';
import { AppError } from '../../lib/app-error';
import { newId, newSecret, nowIso, sha256Hex } from '../../lib/ids';

export const SESSION_DAYS = 30;

/**
 * Sign-in by email, step 2: the one-time token from the link becomes a session token (api_tokens,
 * kind 'session', 30 days). The token is consumed by one conditional UPDATE, so two concurrent
 * exchanges of the same link cannot both succeed. One message for unknown, expired and used links.
 */
export async function exchangeLinkToken({ ctx, input }: { ctx: SystemCtx; input: { token: string; label?: string } }): Promise<TSessionGranted> {
  const now = nowIso();
  const used = await ctx.env.DB.prepare(`UPDATE auth_email_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id`)
    .bind(now, await sha256Hex(input.token), now)
    .first<{ user_id: string | null }>();
  if (!used?.user_id) throw new AppError('UNAUTHENTICATED', 'This sign-in link is not valid any more (unknown, expired or already used); ask for a new one');
  const [user] = await ctx.db.select().from(users).where(eq(users.id, used.user_id)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED', 'The account of this sign-in link no longer exists');
  const token = newSecret('pbs_');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  await ctx.db.insert(apiTokens).values({
    id: newId('ses'),
    userId: user.id,
    tokenHash: await sha256Hex(token),
    kind: 'session',
    label: input.label || `Email sign-in ${now.slice(0, 10)}`,
    expiresAt,
  });
  return { token, expiresAt, user: { id: user.id, name: user.name, email: user.email } };
}

import { and, count, eq, gt } from 'drizzle-orm';
import { emailLabels } from '@shared/i18n/email-labels';
import { authEmailLinks, users } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import { queueOutbound } from '../../email/queue-outbound';
import { renderSignIn } from '../../email/render-sign-in';
import type { SystemCtx } from '../../email/system-ctx';
import { AppError } from '../../lib/app-error';
import { newId, newSecret, sha256Hex } from '../../lib/ids';

export const LINK_TTL_MINUTES = 15;
/** Per address: at most this many links per window, known address or not (no disclosure either way). */
export const LINK_RATE_MAX = 5;
export const LINK_RATE_WINDOW_MINUTES = 15;

/**
 * Sign-in by email, step 1. Answers the same for known and unknown addresses: a row is written for
 * both (it feeds the per-address rate limit), and for a known user the one-time link is mailed in
 * the background (waitUntil) so the answer's timing does not tell either.
 */
export async function requestEmailLink({ ctx, input }: { ctx: SystemCtx; input: { email: string; waitUntil: (p: Promise<unknown>) => void } }) {
  const email = normalizeEmail(input.email);
  const now = Date.now();
  const since = new Date(now - LINK_RATE_WINDOW_MINUTES * 60_000).toISOString();
  const [recent] = await ctx.db.select({ n: count() }).from(authEmailLinks).where(and(eq(authEmailLinks.email, email), gt(authEmailLinks.createdAt, since)));
  if ((recent?.n ?? 0) >= LINK_RATE_MAX) {
    throw new AppError('RATE_LIMITED', `Too many sign-in links were requested for this address; try again in ${LINK_RATE_WINDOW_MINUTES} minutes`, [], {
      retryAfterSeconds: LINK_RATE_WINDOW_MINUTES * 60,
    });
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  const id = newId('eml');
  const expiresAt = new Date(now + LINK_TTL_MINUTES * 60_000).toISOString();
  if (!user) {
    await ctx.db.insert(authEmailLinks).values({ id, email, expiresAt });
    return;
  }
  const token = newSecret('pbl_');
  await ctx.db.insert(authEmailLinks).values({ id, email, userId: user.id, tokenHash: await sha256Hex(token), expiresAt });
  const labels = emailLabels(user.locale);
  const link = `${ctx.env.PUBLIC_URL.replace(/\/$/, '')}/auth/complete?token=${encodeURIComponent(token)}`;
  const mail = renderSignIn(labels, ctx.env.APP_NAME, link, LINK_TTL_MINUTES);
  const messageId = newId('em');
  const sending = queueOutbound(ctx, {
    id: messageId,
    kind: 'sign_in',
    threadId: null,
    projectId: null,
    from: { email: `no-reply@${ctx.env.INBOUND_DOMAIN}`, name: ctx.env.APP_NAME, userId: null },
    replyTo: null,
    to: [{ email, name: user.name, userId: user.id }],
    cc: [],
    subject: mail.subject,
    messageText: '',
    html: mail.html,
    text: mail.text,
    internetMessageId: `<${messageId}@${ctx.env.INBOUND_DOMAIN}>`,
    inReplyTo: null,
    references: null,
    locale: labels.locale,
    sentBy: user.id,
    files: [],
  }).catch((err) => console.error(`Sign-in link for ${user.id} could not be queued`, err));
  input.waitUntil(sending);
}

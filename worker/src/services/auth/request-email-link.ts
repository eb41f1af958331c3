import { and, count, desc, eq, gt, isNotNull } from 'drizzle-orm';
import { emailLabels } from '@shared/i18n/email-labels';
import { authEmailLinks, users } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import { queueOutbound } from '../../email/queue-outbound';
import { renderSignIn } from '../../email/render-sign-in';
import type { SystemCtx } from '../../email/system-ctx';
import { AppError } from '../../lib/app-error';
import { newId, newSecret, sha256Hex } from '../../lib/ids';

export const LINK_TTL_MINUTES = 15;
/** Per requester (IP): at most this many requests per window, whatever the addresses (429 to that requester only). */
export const REQUESTER_RATE_MAX = 30;
export const REQUESTER_RATE_WINDOW_MINUTES = 15;
/** Per address: this many links an hour are mailed at once; after that each waits 2, 4, 8… (≤ 60) minutes after the last. */
export const ADDRESS_FREE_LINKS = 5;
const ADDRESS_WINDOW_MINUTES = 60;

/** Minutes the next link for an address must wait after the last mailed one, given how many went out this hour. */
export function addressBackoffMinutes(mailedThisHour: number): number {
  return mailedThisHour < ADDRESS_FREE_LINKS ? 0 : Math.min(ADDRESS_WINDOW_MINUTES, 2 ** (mailedThisHour - ADDRESS_FREE_LINKS + 1));
}

/**
 * Sign-in by email, step 1 (docs/security-rules.md "Sign-in"). Answers 202 alike for known and
 * unknown addresses, doing the same work for both before answering (look-ups, a secret and its
 * hash, one row); for a known user the mail is rendered and queued in the background (waitUntil).
 * Limits: a requester (IP) that asks too often gets 429, never the address's owner; an address
 * that was sent many links backs off (links are recorded but not mailed), so nobody can lock a
 * user out: the links the flood mailed are in the user's own inbox and work.
 */
export async function requestEmailLink({
  ctx,
  input,
}: {
  ctx: SystemCtx;
  input: { email: string; requesterIp: string; waitUntil: (p: Promise<unknown>) => void };
}) {
  const email = normalizeEmail(input.email);
  const now = Date.now();
  const requester = await sha256Hex(`requester:${input.requesterIp}`);
  const since = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const [[byRequester], [byAddress], [lastMailed], [user]] = await ctx.db.batch([
    ctx.db
      .select({ n: count() })
      .from(authEmailLinks)
      .where(and(eq(authEmailLinks.requester, requester), gt(authEmailLinks.createdAt, since(REQUESTER_RATE_WINDOW_MINUTES)))),
    ctx.db
      .select({ n: count() })
      .from(authEmailLinks)
      .where(and(eq(authEmailLinks.email, email), isNotNull(authEmailLinks.tokenHash), gt(authEmailLinks.createdAt, since(ADDRESS_WINDOW_MINUTES)))),
    ctx.db
      .select({ at: authEmailLinks.createdAt })
      .from(authEmailLinks)
      .where(and(eq(authEmailLinks.email, email), isNotNull(authEmailLinks.tokenHash)))
      .orderBy(desc(authEmailLinks.createdAt))
      .limit(1),
    ctx.db.select().from(users).where(eq(users.email, email)).limit(1),
  ]);
  if ((byRequester?.n ?? 0) >= REQUESTER_RATE_MAX) {
    throw new AppError('RATE_LIMITED', `Too many sign-in links were requested from here; try again in ${REQUESTER_RATE_WINDOW_MINUTES} minutes`, [], {
      retryAfterSeconds: REQUESTER_RATE_WINDOW_MINUTES * 60,
    });
  }
  const wait = addressBackoffMinutes(byAddress?.n ?? 0);
  const isDue = !lastMailed || now - Date.parse(lastMailed.at) >= wait * 60_000;
  const token = newSecret('pbl_');
  const tokenHash = await sha256Hex(token);
  const id = newId('eml');
  const expiresAt = new Date(now + LINK_TTL_MINUTES * 60_000).toISOString();
  const mails = !!user && isDue;
  await ctx.db.insert(authEmailLinks).values({ id, email, userId: user?.id ?? null, tokenHash: mails ? tokenHash : null, expiresAt, requester });
  if (!mails) return;
  input.waitUntil(
    (async () => {
      const labels = emailLabels(user.locale);
      const link = `${ctx.env.PUBLIC_URL.replace(/\/$/, '')}/auth/complete?token=${encodeURIComponent(token)}`;
      const mail = renderSignIn(labels, ctx.env.APP_NAME, link, LINK_TTL_MINUTES);
      const messageId = newId('em');
      await queueOutbound(ctx, {
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
      });
    })().catch((err) => console.error(`Sign-in link for ${user.id} could not be queued`, err)),
  );
}

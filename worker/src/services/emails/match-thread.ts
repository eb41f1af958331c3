import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { emailMessages, emailParticipants, emailThreads } from '../../db/schema';
import { messageIdsIn, normalizeEmail, replyTokenOf } from '../../email/addresses';
import { headerValue, type PostmarkInbound } from '../../email/postmark-payloads';
import type { SystemCtx } from '../../email/system-ctx';

export type Thread = typeof emailThreads.$inferSelect;

export type ThreadMatch = { thread: Thread; participantEmails: Set<string>; matchedBy: 'reply_token' | 'in_reply_to' } | { thread: null; reason: string };

/** Tokens from MailboxHash and from every reply+<token>@<inbound domain> the mail was addressed to. */
function replyTokens(p: PostmarkInbound, inboundDomain: string): string[] {
  const tokens = new Set<string>();
  if (/^[a-z0-9]{8,64}$/i.test(p.MailboxHash)) tokens.add(p.MailboxHash.toLowerCase());
  const addresses = [...p.ToFull, ...p.CcFull, ...p.BccFull].map((a) => a.Email);
  if (p.OriginalRecipient) addresses.push(p.OriginalRecipient);
  for (const a of addresses) {
    const token = replyTokenOf(a, inboundDomain);
    if (token) tokens.add(token);
  }
  return [...tokens].slice(0, 20);
}

/**
 * The thread a reply belongs to: by its reply address token first (any mail program keeps the
 * address), else by In-Reply-To / References naming a message of a thread (our Message-ID, or
 * Postmark's <MessageID@mtasv.net> when a relay replaced ours).
 */
/** A thread and its participants' addresses, in one query (participants joined). */
async function loadThread(ctx: SystemCtx, where: SQL): Promise<{ thread: Thread; emails: Set<string> } | null> {
  const rows = await ctx.db
    .select({ thread: emailThreads, email: emailParticipants.email })
    .from(emailThreads)
    .leftJoin(emailParticipants, eq(emailParticipants.threadId, emailThreads.id))
    .where(where);
  const thread = rows[0]?.thread;
  if (!thread) return null;
  const emails = rows.filter((r) => r.thread.id === thread.id && r.email).map((r) => normalizeEmail(r.email!));
  return { thread, emails: new Set(emails) };
}

export async function matchThread(ctx: SystemCtx, p: PostmarkInbound): Promise<ThreadMatch> {
  const tokens = replyTokens(p, ctx.env.INBOUND_DOMAIN);
  const byToken = tokens.length ? await loadThread(ctx, inArray(emailThreads.replyToken, tokens)) : null;
  if (byToken) return { thread: byToken.thread, participantEmails: byToken.emails, matchedBy: 'reply_token' };

  const ids = [...messageIdsIn(headerValue(p, 'In-Reply-To')), ...messageIdsIn(headerValue(p, 'References'))].slice(0, 40);
  const postmarkIds = ids.map((id) => /^<([0-9a-f-]{36})@mtasv\.net>$/i.exec(id)?.[1]).filter((x): x is string => !!x);
  const byHeader = ids.length
    ? await ctx.db
        .select({ threadId: emailMessages.threadId })
        .from(emailMessages)
        .where(and(isNotNull(emailMessages.threadId), inArray(emailMessages.internetMessageId, ids)))
        .limit(1)
    : [];
  const byPostmark =
    !byHeader.length && postmarkIds.length
      ? await ctx.db
          .select({ threadId: emailMessages.threadId })
          .from(emailMessages)
          .where(and(isNotNull(emailMessages.threadId), inArray(emailMessages.providerMessageId, postmarkIds)))
          .limit(1)
      : [];
  const threadId = byHeader[0]?.threadId ?? byPostmark[0]?.threadId;
  const found = threadId ? await loadThread(ctx, eq(emailThreads.id, threadId)) : null;
  if (found) return { thread: found.thread, participantEmails: found.emails, matchedBy: 'in_reply_to' };
  const reason = tokens.length
    ? `No thread has the reply address reply+${tokens[0]}@${ctx.env.INBOUND_DOMAIN}, and In-Reply-To/References name no message of a thread`
    : 'The mail was not sent to a thread reply address, and In-Reply-To/References name no message of a thread';
  return { thread: null, reason };
}

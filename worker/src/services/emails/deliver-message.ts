import { eq } from 'drizzle-orm';
import type { ServerClient } from 'postmark';
import { emailMessageFiles, emailMessages } from '../../db/schema';
import { formatAddress, parsePeople, toHeaderList, viaName } from '../../email/addresses';
import { bytesToBase64 } from '../../email/base64';
import { asPostmarkFailure, isRetryable, postmarkClient } from '../../email/postmark-client';
import type { DeliverJob } from '../../email/queue-outbound';
import type { SystemCtx } from '../../email/system-ctx';
import { nowIso } from '../../lib/ids';

type Message = typeof emailMessages.$inferSelect;

/** Delivery attempts before a message is marked failed (the queue's max_retries is 5). */
export const MAX_DELIVERY_ATTEMPTS = 5;
/**
 * A claim older than this belongs to an attempt that died: one attempt is R2 reads plus one Postmark
 * call that times out after 30 s. Then Postmark is asked (by our metadata) whether it went out.
 */
export const STALE_CLAIM_MS = 60_000;

/** Thrown to have the queue retry with backoff (429, 5xx, network): the message stays `retrying`. */
export class RetryLater extends Error {}

/**
 * Delivers one queued message, at most once: the row is claimed (queued|retrying → sending) with a
 * conditional update before Postmark is called, and a message already sent or failed is skipped, so
 * a redelivered queue message never sends twice. Without a Postmark token the local outbox keeps it.
 */
export async function deliverMessage({ ctx, input }: { ctx: SystemCtx; input: { messageId: string } }): Promise<void> {
  const [msg] = await ctx.db.select().from(emailMessages).where(eq(emailMessages.id, input.messageId)).limit(1);
  if (msg?.direction !== 'outbound' || msg.status === 'sent' || msg.status === 'failed') return;
  const client = postmarkClient(ctx.env);
  if (msg.status === 'sending') {
    const age = Date.now() - Date.parse(msg.sendingAt ?? msg.createdAt);
    if (age < STALE_CLAIM_MS) {
      // Another attempt holds it: look again once that attempt must have finished (not a retry).
      const delaySeconds = Math.ceil((STALE_CLAIM_MS - age) / 1000) + 1;
      await ctx.env.JOBS.send({ type: 'email.deliver', messageId: msg.id } satisfies DeliverJob, { delaySeconds });
      return;
    }
    if (client && (await markIfPostmarkHasIt(ctx, client, msg))) return;
  }
  const claimedAt = nowIso();
  const claimed = await ctx.env.DB.prepare(
    `UPDATE email_messages SET status = 'sending', attempts = attempts + 1, sending_at = ?
     WHERE id = ? AND status = ? RETURNING attempts`,
  )
    .bind(claimedAt, msg.id, msg.status)
    .first<{ attempts: number }>();
  if (!claimed) throw new RetryLater(`Message ${msg.id} was claimed by a concurrent attempt`);
  if (!client) {
    await markSent(ctx, msg, `local-${crypto.randomUUID()}`, claimedAt);
    return;
  }
  let postmarkId: string;
  let submittedAt: string;
  try {
    const sent = await client.sendEmail(await postmarkMessage(ctx, msg));
    postmarkId = sent.MessageID;
    submittedAt = sent.SubmittedAt ? new Date(sent.SubmittedAt).toISOString() : nowIso();
  } catch (err) {
    const f = asPostmarkFailure(err);
    const what = f.statusCode
      ? `Postmark answered ${f.statusCode}${f.code ? ` (error ${f.code})` : ''}: ${f.message}`
      : `Postmark could not be reached: ${f.message}`;
    if (isRetryable(f) && claimed.attempts < MAX_DELIVERY_ATTEMPTS) {
      await setStatus(ctx, msg.id, { status: 'retrying', failureReason: `Attempt ${claimed.attempts} of ${MAX_DELIVERY_ATTEMPTS}: ${what}` });
      throw new RetryLater(what);
    }
    const reason = isRetryable(f) ? `Gave up after ${claimed.attempts} attempts. ${what}` : what;
    await setStatus(ctx, msg.id, { status: 'failed', failureReason: reason });
    return;
  }
  await markSent(ctx, msg, postmarkId, submittedAt);
}

async function setStatus(ctx: SystemCtx, id: string, patch: Partial<Message>) {
  await ctx.db.update(emailMessages).set(patch).where(eq(emailMessages.id, id));
}

async function markSent(ctx: SystemCtx, msg: Message, providerMessageId: string, sentAt: string) {
  await setStatus(ctx, msg.id, { status: 'sent', providerMessageId, sentAt, failureReason: null });
  // A sign-in mail's body holds a live one-time link: once Postmark has it, do not keep a copy.
  // (The local outbox keeps it: it is the only way to read the link without a mail server.)
  if (msg.kind === 'sign_in' && msg.bodyR2Key && !providerMessageId.startsWith('local-')) await ctx.env.FILES.delete(msg.bodyR2Key);
}

/** After a dead attempt: did Postmark accept the message anyway? Found by the Metadata we send. */
async function markIfPostmarkHasIt(ctx: SystemCtx, client: ServerClient, msg: Message): Promise<boolean> {
  let found: { MessageID: string; ReceivedAt?: string } | undefined;
  try {
    const page = await client.getOutboundMessages({ count: 1, offset: 0, metadata_pbMessageId: msg.id });
    found = page.Messages?.[0];
  } catch (err) {
    throw new RetryLater(`Could not ask Postmark whether message ${msg.id} went out: ${asPostmarkFailure(err).message}`);
  }
  if (!found) return false;
  await markSent(ctx, msg, found.MessageID, found.ReceivedAt ? new Date(found.ReceivedAt).toISOString() : nowIso());
  return true;
}

async function postmarkMessage(ctx: SystemCtx, msg: Message) {
  const body = msg.bodyR2Key ? await ctx.env.FILES.get(msg.bodyR2Key) : null;
  if (!body) throw new Error(`The body of message ${msg.id} is missing from storage (${msg.bodyR2Key})`);
  const { html, text } = (await body.json()) as { html: string; text: string };
  const files = await ctx.db.select().from(emailMessageFiles).where(eq(emailMessageFiles.messageId, msg.id)).orderBy(emailMessageFiles.position);
  const attachments = [];
  for (const f of files) {
    const obj = await ctx.env.FILES.get(f.r2Key);
    if (!obj) throw new Error(`Attachment ${f.fileName} of message ${msg.id} is missing from storage`);
    attachments.push({ Name: f.fileName, Content: bytesToBase64(new Uint8Array(await obj.arrayBuffer())), ContentType: f.contentType, ContentID: null });
  }
  const from = msg.replyTo ? formatAddress(viaName(msg.fromName, ctx.env.APP_NAME), msg.replyTo) : formatAddress(msg.fromName, msg.fromEmail);
  const headers = [{ Name: 'Message-ID', Value: msg.internetMessageId! }];
  if (msg.inReplyTo) headers.push({ Name: 'In-Reply-To', Value: msg.inReplyTo });
  if (msg.referencesHeader) headers.push({ Name: 'References', Value: msg.referencesHeader });
  const cc = parsePeople(msg.ccJson);
  return {
    From: from,
    To: toHeaderList(parsePeople(msg.toJson)),
    ...(cc.length ? { Cc: toHeaderList(cc) } : {}),
    ...(msg.replyTo ? { ReplyTo: from } : {}),
    Subject: msg.subject,
    HtmlBody: html,
    TextBody: text,
    MessageStream: 'outbound',
    Headers: headers,
    Attachments: attachments,
    Metadata: { pbMessageId: msg.id },
  };
}

import { eq } from 'drizzle-orm';
import { htmlToText } from '@shared/email/sanitize-html';
import { replyText } from '@shared/email/strip-reply';
import { storedUnderstanding } from './reply-understanding';
import { understandReply } from '@shared/email/replies/understand';
import { attachments, emailMessageFiles, emailMessages, emailUnmatchedProjects, inboundReceipts } from '../../db/schema';
import { messageIdsIn, normalizeEmail } from '../../email/addresses';
import { base64ToBytes } from '../../email/base64';
import { headerValue, ZPostmarkInbound, type PostmarkInbound } from '../../email/postmark-payloads';
import { inboundFileKey } from '../../email/r2-keys';
import type { SystemCtx } from '../../email/system-ctx';
import { runBatch, type BatchStatement } from '../../lib/batch';
import { newId, nowIso, sha256Hex } from '../../lib/ids';
import { invoiceLineRefs } from './invoice-line-refs';
import { matchThread } from './match-thread';
import { senderAuth } from '../../email/sender-auth';
import { unmatchedProjects } from './unmatched-projects';

/** The receipt being processed: from the job (new payloads) or from its `received` row (older jobs). */
type Receipt = { id: string; r2Key: string; receivedAt: string; sizeBytes: number };
type ReceiptOutcome = Partial<Pick<typeof inboundReceipts.$inferInsert, 'status' | 'providerMessageId' | 'messageId' | 'error'>>;
type InboundInput = { receiptId: string; r2Key?: string; receivedAt?: string };

/** Characters of text / HTML kept in the row (D1 rows stay far below 2 MB); the raw payload keeps all. */
export const MAX_STORED_BODY_CHARS = 200_000;

const people = (list: PostmarkInbound['ToFull']) =>
  JSON.stringify(list.filter((a) => a.Email).map((a) => ({ email: normalizeEmail(a.Email), name: a.Name, userId: null })));

/**
 * The receipt row with its outcome, written by the consumer (the webhook only stores the payload):
 * inserted, or updated when it exists (a job queued before the receipt moved here, a re-run).
 */
function settleStatement(ctx: SystemCtx, receipt: Receipt, outcome: ReceiptOutcome) {
  const set = { ...outcome, processedAt: nowIso() };
  return ctx.db
    .insert(inboundReceipts)
    .values({ id: receipt.id, r2Key: receipt.r2Key, sizeBytes: receipt.sizeBytes, receivedAt: receipt.receivedAt, ...set })
    .onConflictDoUpdate({ target: inboundReceipts.id, set });
}

async function finish(ctx: SystemCtx, receipt: Receipt, outcome: ReceiptOutcome) {
  await settleStatement(ctx, receipt, outcome);
}

/** A second delivery of a mail already stored: note it, and drop its copy of the raw payload. */
async function markDuplicate(ctx: SystemCtx, receipt: Receipt, providerMessageId: string, messageId: string | null) {
  await finish(ctx, receipt, { status: 'duplicate', providerMessageId, messageId });
  await ctx.env.FILES.delete(receipt.r2Key);
}

/** Where to start: the job's own data, or the receipt row of an older job (null when already processed). */
async function startReceipt(ctx: SystemCtx, input: InboundInput): Promise<Receipt | null> {
  if (input.r2Key && input.receivedAt) return { id: input.receiptId, r2Key: input.r2Key, receivedAt: input.receivedAt, sizeBytes: 0 };
  const [row] = await ctx.db.select().from(inboundReceipts).where(eq(inboundReceipts.id, input.receiptId)).limit(1);
  return row && row.status === 'received' ? row : null;
}

const isSettled = async (ctx: SystemCtx, receiptId: string) =>
  (await ctx.db.select({ status: inboundReceipts.status }).from(inboundReceipts).where(eq(inboundReceipts.id, receiptId)).limit(1)).length > 0;

function parseDate(text: string, fallback: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

/**
 * Turns one stored inbound payload into a message: deduplicated by Postmark MessageID, put on its
 * thread (or the unmatched list), reply text stripped of history, classified, attachments to R2.
 * Idempotent: a receipt is processed once; the message id derives from the MessageID, so a
 * concurrent duplicate fails the atomic batch on the key and is recorded as a duplicate.
 */
export async function processInbound({ ctx, input }: { ctx: SystemCtx; input: InboundInput }): Promise<void> {
  const receipt = await startReceipt(ctx, input);
  if (!receipt) return;
  const raw = await ctx.env.FILES.get(receipt.r2Key);
  if (!raw) {
    // a re-run of a receipt already settled as a duplicate (its copy was deleted): nothing to do
    if (input.r2Key && (await isSettled(ctx, receipt.id))) return;
    return finish(ctx, receipt, { status: 'invalid', error: `The raw payload ${receipt.r2Key} is missing from storage` });
  }
  receipt.sizeBytes = raw.size;
  let p: PostmarkInbound;
  try {
    const parsed = ZPostmarkInbound.safeParse(JSON.parse(await raw.text()));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
      return finish(ctx, receipt, { status: 'invalid', error: `Not a Postmark inbound payload: ${problems}`.slice(0, 2000) });
    }
    p = parsed.data;
  } catch (err) {
    return finish(ctx, receipt, { status: 'invalid', error: `The payload is not JSON: ${(err as Error).message}`.slice(0, 2000) });
  }
  // the dedupe check and the thread lookup are independent: one wait for both
  const [[existing], match] = await Promise.all([
    ctx.db
      .select({ id: emailMessages.id, receiptId: emailMessages.receiptId })
      .from(emailMessages)
      .where(eq(emailMessages.providerMessageId, p.MessageID))
      .limit(1),
    matchThread(ctx, p),
  ]);
  // the same receipt again (a redriven or retried job): stored already, not a duplicate
  if (existing?.receiptId === receipt.id) return;
  if (existing) return markDuplicate(ctx, receipt, p.MessageID, existing.id);

  const id = `em_in_${(await sha256Hex(`postmark:${p.MessageID}`)).slice(0, 24)}`;
  const projectId = match.thread?.projectId ?? null;
  const fromEmail = normalizeEmail(p.FromFull?.Email || p.From);
  const auth = senderAuth(p, fromEmail);
  const candidates = match.thread ? new Map() : await unmatchedProjects(ctx, p, auth.verdict === 'pass');
  const textBody = p.TextBody || (p.HtmlBody ? htmlToText(p.HtmlBody) : '');
  const reply = replyText(p.StrippedTextReply, textBody);
  // lines are resolved against the invoice the reply is filed on (none yet for an unmatched reply)
  const lines = match.thread ? await invoiceLineRefs(ctx.db, match.thread.invoiceId) : [];
  const understood = understandReply({
    text: p.TextBody || null,
    html: p.HtmlBody || null,
    stripped: p.StrippedTextReply,
    subject: p.Subject,
    headers: p.Headers,
    // a sender its own domain does not vouch for may be forged: never suggest a status on its word
    isSenderAuthenticated: auth.verdict === 'pass',
    lines,
  });
  const isTruncated = textBody.length > MAX_STORED_BODY_CHARS || p.HtmlBody.length > MAX_STORED_BODY_CHARS;

  const statements: BatchStatement[] = [
    ctx.db.insert(emailMessages).values({
      id,
      kind: 'inbound',
      direction: 'inbound',
      threadId: match.thread?.id ?? null,
      projectId,
      status: 'received',
      fromEmail,
      fromName: p.FromFull?.Name || p.FromName,
      toJson: people(p.ToFull),
      ccJson: people(p.CcFull),
      subject: p.Subject,
      messageText: reply.slice(0, MAX_STORED_BODY_CHARS),
      textBody: textBody.slice(0, MAX_STORED_BODY_CHARS),
      htmlBody: p.HtmlBody ? p.HtmlBody.slice(0, MAX_STORED_BODY_CHARS) : null,
      isBodyTruncated: isTruncated,
      internetMessageId: messageIdsIn(headerValue(p, 'Message-ID'))[0] ?? null,
      inReplyTo: headerValue(p, 'In-Reply-To'),
      referencesHeader: headerValue(p, 'References'),
      providerMessageId: p.MessageID,
      receivedAt: parseDate(p.Date, receipt.receivedAt),
      classification: understood.kind,
      classificationReason: understood.reason,
      classificationMatched: understood.matched,
      understanding: storedUnderstanding(understood),
      isFromOutsider: match.thread ? !match.participantEmails.has(fromEmail) : false,
      unmatchedReason: match.thread ? null : match.reason,
      senderAuth: auth.verdict,
      senderAuthDetail: auth.detail,
      receiptId: receipt.id,
    }),
  ];
  let position = 0;
  for (const a of p.Attachments) {
    const bytes = base64ToBytes(a.Content);
    if (!bytes) continue; // unreadable content: the raw payload still holds it
    const fileName = a.Name || `attachment-${position + 1}`;
    const contentType = a.ContentType || 'application/octet-stream';
    const r2Key = inboundFileKey(projectId, id, position, fileName);
    await ctx.env.FILES.put(r2Key, bytes, { httpMetadata: { contentType } });
    let attachmentId: string | null = null;
    if (projectId) {
      attachmentId = newId('att');
      statements.push(
        ctx.db.insert(attachments).values({ id: attachmentId, projectId, fileName, contentType, sizeBytes: bytes.length, r2Key, origin: 'inbound_email' }),
      );
    }
    statements.push(ctx.db.insert(emailMessageFiles).values({ messageId: id, position, attachmentId, fileName, contentType, sizeBytes: bytes.length, r2Key }));
    position++;
  }
  for (const [candidate, rules] of candidates) {
    statements.push(
      ctx.db
        .insert(emailUnmatchedProjects)
        .values({ messageId: id, projectId: candidate, matchedBy: JSON.stringify([...rules.rules]), tools: JSON.stringify([...rules.tools]) }),
    );
  }
  statements.push(settleStatement(ctx, receipt, { status: 'stored', providerMessageId: p.MessageID, messageId: id }));
  try {
    await runBatch(ctx.env.DB, statements);
  } catch (err) {
    if (/UNIQUE constraint failed: email_messages\.(id|provider_message_id)/.test(String((err as Error)?.message ?? err))) {
      const [winner] = await ctx.db.select({ receiptId: emailMessages.receiptId }).from(emailMessages).where(eq(emailMessages.id, id)).limit(1);
      if (winner?.receiptId === receipt.id) return; // the same receipt processed twice at once
      return markDuplicate(ctx, receipt, p.MessageID, id);
    }
    throw err;
  }
}

import type { ServerClient } from 'postmark';
import { POSTMARK_MAX_MESSAGE_BYTES } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { nowIso } from '../../lib/ids';
import { RetryLater } from '../emails/deliver-message';
import type { SendBatch } from './batch-access';
import { batchMessage, contentBytes, requestBytes, type Sender } from './batch-message';
import { sendBatchCall, type PostmarkBatchMessage } from './batch-postmark';
import { failClaimStatement, giveUpOrReleaseStatements, refreshClaim, releaseStatement, type ClaimedItem } from './claims';
import { storedInvoiceContent, type InvoiceContent } from './invoice-content';
import { settleStatements, type Settled } from './settle-items';

/** Postmark's batch API takes at most 500 messages per call. */
export const MAX_MESSAGES_PER_CALL = 500;
/**
 * Postmark accepts 50 MB per call; calls are cut at 25 MB so the request's JSON text and its
 * UTF-8 copy stay well inside a worker's 128 MB (messages of one invoice share their body strings).
 */
export const MAX_CALL_BYTES = 25 * 1024 * 1024;

type Call = { items: ClaimedItem[]; messages: PostmarkBatchMessage[] };
type SendCtx = { ctx: ServiceCtx; batch: SendBatch; sender: Sender & { userId: string }; claimId: string; client: ServerClient | null };

const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);

/** Each invoice's content once; an invoice that cannot be sent (no longer visible to the sender, too big) gets a reason. */
async function contentsOf(s: SendCtx, items: ClaimedItem[]): Promise<Map<string, InvoiceContent | { error: string }>> {
  const out = new Map<string, InvoiceContent | { error: string }>();
  for (const invoiceId of new Set(items.map((i) => i.invoiceId))) {
    try {
      const content = await storedInvoiceContent(s.ctx, s.batch, invoiceId);
      const bytes = contentBytes(content);
      out.set(
        invoiceId,
        bytes > POSTMARK_MAX_MESSAGE_BYTES
          ? { error: `The message would be ${mb(bytes)} MB; Postmark accepts at most ${mb(POSTMARK_MAX_MESSAGE_BYTES)} MB per message` }
          : content,
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.set(invoiceId, { error: `The invoice could not be prepared as ${s.sender.name} sees it: ${err.message}` });
    }
  }
  return out;
}

/**
 * The claim's messages in as few calls as the limits allow (500 messages, MAX_CALL_BYTES), the
 * bytes spread evenly over them: 44 MB of messages go out as two calls of 22 MB, not 25 + 19.
 */
function splitCalls(s: SendCtx, items: ClaimedItem[], contents: Map<string, InvoiceContent | { error: string }>): Call[] {
  const sizes = new Map([...contents].flatMap(([id, c]) => ('error' in c ? [] : [[id, requestBytes(c)] as const])));
  const total = items.reduce((n, i) => n + sizes.get(i.invoiceId)!, 0);
  const target = total / Math.max(Math.ceil(items.length / MAX_MESSAGES_PER_CALL), Math.ceil(total / MAX_CALL_BYTES), 1);
  const calls: Call[] = [];
  let current: Call = { items: [], messages: [] };
  let bytes = 0;
  for (const item of items) {
    const content = contents.get(item.invoiceId) as InvoiceContent;
    const size = sizes.get(item.invoiceId)!;
    if (current.items.length && (current.items.length >= MAX_MESSAGES_PER_CALL || bytes + size > MAX_CALL_BYTES || bytes + size / 2 > target)) {
      calls.push(current);
      current = { items: [], messages: [] };
      bytes = 0;
    }
    current.items.push(item);
    current.messages.push(batchMessage(s.ctx.env, s.sender, item, content, { sendBatchId: s.batch.id, sendBatchItem: item.id, sendBatchClaim: s.claimId }));
    bytes += size;
  }
  if (current.items.length) calls.push(current);
  return calls;
}

async function isStillSending(s: SendCtx): Promise<boolean> {
  const row = await s.ctx.env.DB.prepare('SELECT status, run_no AS runNo FROM send_batches WHERE id = ?1')
    .bind(s.batch.id)
    .first<{ status: string; runNo: number }>();
  return row?.status === 'sending' && row.runNo === s.batch.runNo;
}

/**
 * Sends the items of one claim through Postmark's batch API and records each result. Between
 * calls a stop is honoured (the rest returns to pending). 429/5xx: nothing was accepted, the
 * items return to pending (or fail after MAX_SEND_ATTEMPTS) and the job is retried with backoff.
 * No answer at all: the items stay claimed; the retry reconciles them with Postmark once stale.
 */
export async function sendClaimed(s: SendCtx, items: ClaimedItem[]): Promise<void> {
  const { DB: d1 } = s.ctx.env;
  let contents: Map<string, InvoiceContent | { error: string }>;
  try {
    contents = await contentsOf(s, items);
  } catch (err) {
    await releaseStatement(d1, s.claimId, `Will retry: preparing the messages failed: ${(err as Error).message}`).run();
    throw err;
  }
  const waiverIds = new Map([...contents].map(([id, c]) => [id, 'error' in c ? [] : c.waivers.map((w) => w.waiverId)]));
  const settle = (settled: Settled[]) => runBatch(d1, settleStatements(d1, s.ctx.env, s.batch, s.sender, s.claimId, settled, waiverIds));
  const unsendable = items.flatMap((item) => {
    const c = contents.get(item.invoiceId)!;
    return 'error' in c ? [{ item, outcome: { isSent: false as const, reason: c.error } }] : [];
  });
  await settle(unsendable);
  const calls = splitCalls(
    s,
    items.filter((i) => !('error' in contents.get(i.invoiceId)!)),
    contents,
  );
  for (const [n, call] of calls.entries()) {
    if (n > 0 && !(await isStillSending(s))) {
      await releaseStatement(d1, s.claimId, null).run();
      return;
    }
    await refreshClaim(d1, s.claimId, nowIso());
    if (!s.client) {
      // the local outbox: recording the message is the delivery, in the same atomic batch
      const at = nowIso();
      await settle(call.items.map((item) => ({ item, outcome: { isSent: true, postmarkMessageId: `local-${crypto.randomUUID()}`, sentAt: at } })));
      continue;
    }
    const outcome = await sendBatchCall(s.client, call.messages);
    if (outcome.kind === 'results') {
      await settle(
        call.items.map((item, i) => {
          const r = outcome.results[i]!;
          return { item, outcome: r.isSent ? { isSent: true, postmarkMessageId: r.messageId, sentAt: r.submittedAt } : { isSent: false, reason: r.reason } };
        }),
      );
    } else if (outcome.kind === 'rejected') {
      await failClaimStatement(
        d1,
        s.claimId,
        outcome.reason,
        call.items.map((i) => i.id),
      ).run();
    } else if (outcome.kind === 'retryable') {
      const [, released] = await runBatch(
        d1,
        giveUpOrReleaseStatements(
          d1,
          s.claimId,
          outcome.reason,
          call.items.map((i) => i.id),
        ),
      );
      // retry (with the queue's backoff) only if something is left to send
      if (released?.meta.changes) throw new RetryLater(outcome.reason);
      return;
    } else {
      // this call's items stay claimed (they may have gone out); the later calls' certainly did not
      const later = calls.slice(n + 1).flatMap((c) => c.items.map((i) => i.id));
      if (later.length) {
        await d1
          .prepare(
            `UPDATE send_batch_items SET status = 'pending', claim_id = NULL, claimed_at = NULL WHERE claim_id = ?1 AND status = 'claimed' AND id IN (SELECT value FROM json_each(?2))`,
          )
          .bind(s.claimId, JSON.stringify(later))
          .run();
      }
      throw new RetryLater(outcome.reason);
    }
  }
}

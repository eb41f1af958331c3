import { and, eq, lt, or } from 'drizzle-orm';
import { emailMessages, inboundReceipts } from '../../db/schema';
import type { DeliverJob } from '../../email/queue-outbound';
import { systemCtx, type SystemCtx } from '../../email/system-ctx';
import type { Env } from '../../env';
import type { InboundJob } from './receive-inbound';

/** Work untouched this long lost its queue message (a dead-lettered job, a local restart): queue it again. */
export const STUCK_AFTER_MS = 2 * 60_000;
/** A message between retries waits at most 32 s (the consumer's backoff); ten minutes means its job is gone. */
export const RETRY_LOST_AFTER_MS = 10 * 60_000;
const BATCH = 50;

/**
 * Re-queues inbound receipts still `received` and outbound messages still queued, retrying or
 * claimed long after they should have moved. Safe to run any time: both jobs are idempotent (a
 * receipt is processed once; a delivery is claimed atomically, and a stale claim asks Postmark first).
 */
export async function redriveStuck({ ctx, input }: { ctx: SystemCtx; input: { now?: number } }) {
  const now = input.now ?? Date.now();
  const stuck = new Date(now - STUCK_AFTER_MS).toISOString();
  const lost = new Date(now - RETRY_LOST_AFTER_MS).toISOString();
  const [receipts, outbound] = await ctx.db.batch([
    ctx.db
      .select({ id: inboundReceipts.id })
      .from(inboundReceipts)
      .where(and(eq(inboundReceipts.status, 'received'), lt(inboundReceipts.receivedAt, stuck)))
      .limit(BATCH),
    ctx.db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.direction, 'outbound'),
          or(
            and(eq(emailMessages.status, 'queued'), lt(emailMessages.createdAt, stuck)),
            and(eq(emailMessages.status, 'sending'), lt(emailMessages.sendingAt, stuck)),
            and(eq(emailMessages.status, 'retrying'), lt(emailMessages.sendingAt, lost)),
          ),
        ),
      )
      .limit(BATCH),
  ]);
  const jobs = [
    ...receipts.map((r) => ({ body: { type: 'email.inbound', receiptId: r.id } satisfies InboundJob })),
    ...outbound.map((m) => ({ body: { type: 'email.deliver', messageId: m.id } satisfies DeliverJob })),
  ];
  if (jobs.length) await ctx.env.JOBS.sendBatch(jobs);
  return { receipts: receipts.map((r) => r.id), messages: outbound.map((m) => m.id) };
}

let lastRun = 0;

/**
 * At most once a minute per isolate, after a webhook call or a send (in waitUntil): mail keeps
 * flowing after lost queue messages even without a cron trigger. Failures are logged, not thrown:
 * the request it rides on has already been answered.
 */
export function maybeRedriveStuck(env: Env): Promise<void> {
  if (Date.now() - lastRun < 60_000) return Promise.resolve();
  lastRun = Date.now();
  return redriveStuck({ ctx: systemCtx(env), input: {} }).then(
    (r) => {
      if (r.receipts.length || r.messages.length) console.warn(`Re-queued ${r.receipts.length} inbound receipt(s) and ${r.messages.length} outbound message(s) that were stuck`);
    },
    (err) => console.error('Re-queueing stuck email work failed', err),
  );
}

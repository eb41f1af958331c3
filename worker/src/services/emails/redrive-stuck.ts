import { and, eq, lt, or } from 'drizzle-orm';
import { emailMessages, inboundReceipts } from '../../db/schema';
import type { DeliverJob } from '../../email/queue-outbound';
import { inboundRawKey, inboundRawPrefix, receiptIdOfRawKey } from '../../email/r2-keys';
import { systemCtx, type SystemCtx } from '../../email/system-ctx';
import type { Env } from '../../env';
import type { InboundJob } from './receive-inbound';

/** Work untouched this long lost its queue message (a dead-lettered job, a local restart): queue it again. */
export const STUCK_AFTER_MS = 2 * 60_000;
/** A message between retries waits at most 32 s (the consumer's backoff); ten minutes means its job is gone. */
export const RETRY_LOST_AFTER_MS = 10 * 60_000;
const BATCH = 50;
/** Payloads stored this long ago or less are looked at (the cron runs every 5 minutes). */
export const RAW_LOOKBACK_MS = 30 * 60_000;

/**
 * Raw payloads stored between `from` and `to` that have no receipt row: their job never ran to
 * the end (the webhook writes only R2 and the queue; the consumer writes the receipt). Keys sort
 * by arrival time within a day folder, so only the window is listed.
 */
async function payloadsWithoutReceipt(ctx: SystemCtx, from: Date, to: Date) {
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const upTo = inboundRawKey(toIso, 'rcp_'); // every key stored before `to` sorts below this
  const found: Array<{ receiptId: string; r2Key: string; receivedAt: string }> = [];
  for (const day of new Set([fromIso, toIso].map(inboundRawPrefix))) {
    let cursor: string | undefined;
    do {
      const page = await ctx.env.FILES.list({
        prefix: day,
        startAfter: day === inboundRawPrefix(fromIso) ? inboundRawKey(fromIso, '') : undefined,
        cursor,
        limit: 1000,
      });
      for (const o of page.objects) {
        if (o.key >= upTo) break;
        const receiptId = receiptIdOfRawKey(o.key);
        if (receiptId) found.push({ receiptId, r2Key: o.key, receivedAt: o.uploaded.toISOString() });
      }
      const last = page.objects.at(-1);
      cursor = page.truncated && last && last.key < upTo ? page.cursor : undefined;
    } while (cursor && found.length < 5000);
  }
  if (!found.length) return [];
  const known = new Set<string>();
  for (let i = 0; i < found.length; i += 1000) {
    const ids = JSON.stringify(found.slice(i, i + 1000).map((f) => f.receiptId));
    const { results } = await ctx.env.DB.prepare('SELECT id FROM inbound_receipts WHERE id IN (SELECT value FROM json_each(?1))')
      .bind(ids)
      .all<{ id: string }>();
    for (const r of results) known.add(r.id);
  }
  return found.filter((f) => !known.has(f.receiptId)).slice(0, BATCH);
}

/**
 * Re-queues inbound payloads stored without a receipt (and receipts still `received`, from jobs
 * queued before the receipt moved to the consumer) and outbound messages still queued, retrying or
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
  const orphans = await payloadsWithoutReceipt(ctx, new Date(now - RAW_LOOKBACK_MS), new Date(now - STUCK_AFTER_MS));
  const jobs = [
    ...receipts.map((r) => ({ body: { type: 'email.inbound', receiptId: r.id } satisfies InboundJob })),
    ...orphans.map((o) => ({ body: { type: 'email.inbound', ...o } satisfies InboundJob })),
    ...outbound.map((m) => ({ body: { type: 'email.deliver', messageId: m.id } satisfies DeliverJob })),
  ];
  if (jobs.length) await ctx.env.JOBS.sendBatch(jobs);
  return { receipts: [...receipts.map((r) => r.id), ...orphans.map((o) => o.receiptId)], messages: outbound.map((m) => m.id) };
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
      if (r.receipts.length || r.messages.length)
        console.warn(`Re-queued ${r.receipts.length} inbound receipt(s) and ${r.messages.length} outbound message(s) that were stuck`);
    },
    (err) => console.error('Re-queueing stuck email work failed', err),
  );
}

import type { ExecutionContext, Message, MessageBatch } from '@cloudflare/workers-types';
import type { Env } from '../env';
import { giveUp } from './dead-letters';
import { jobHandlers, type Job } from './jobs';
import { QUEUE_MAX_ATTEMPTS } from './limits';

// Small I/O-bound jobs run side by side; heavy ones (PDF compilation, a 500-message bulk chunk)
// run one at a time so a batch of them never holds several documents in one 128 MB isolate.
const CONCURRENT = new Set(['email.deliver', 'email.inbound']);

/**
 * Light jobs in flight at once, started in the batch's order. All 50 of a full batch at once would
 * advance in lockstep (every job's D1 and R2 calls interleave) and finish together at the batch's
 * end, so a reply that waited for the previous batch waited for its whole own batch too; a window
 * of 8 keeps I/O overlapped while the oldest messages are done (and on their thread) first.
 */
export const LIGHT_JOBS_IN_FLIGHT = 8;

async function inOrder(messages: Message<unknown>[], limit: number, work: (m: Message<unknown>) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < messages.length) await work(messages[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, messages.length) }, lane));
}

async function handle(message: Message<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const job = message.body as Job;
  const handler = jobHandlers[job.type as keyof typeof jobHandlers];
  if (!handler) {
    console.error(`Unknown job type ${String(job.type)}; dropping message ${message.id}`);
    message.ack();
    return;
  }
  try {
    await handler(job as never, env, ctx);
    message.ack();
  } catch (err) {
    console.error(`Job ${job.type} failed (attempt ${message.attempts})`, err);
    if (message.attempts >= QUEUE_MAX_ATTEMPTS) {
      // The last attempt: settle the work as failed with this error while we still know it (the
      // dead-letter queue only sees the message). If even that fails, the message is dead-lettered.
      try {
        await giveUp(job, `${String((err as Error)?.message ?? err)} (after ${message.attempts} attempts)`, env);
        message.ack();
        return;
      } catch (settleErr) {
        console.error(`Settling the failed job ${job.type} failed`, settleErr);
      }
    }
    message.retry({ delaySeconds: Math.min(300, 2 ** message.attempts) });
  }
}

/**
 * One queue for all background work. Delivery is at least once: each handler is idempotent.
 * A message whose handler throws is retried with backoff; on its last attempt the work is marked
 * failed with the error (queues/dead-letters.ts), and a message that never reports back lands in
 * the dead-letter queue, whose consumer does the same.
 */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const light = batch.messages.filter((m) => CONCURRENT.has((m.body as Job).type));
  const heavy = batch.messages.filter((m) => !CONCURRENT.has((m.body as Job).type));
  await inOrder(light, LIGHT_JOBS_IN_FLIGHT, (m) => handle(m, env, ctx));
  for (const m of heavy) await handle(m, env, ctx);
}

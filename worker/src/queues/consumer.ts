import type { ExecutionContext, Message, MessageBatch } from '@cloudflare/workers-types';
import type { Env } from '../env';
import { jobHandlers, type Job } from './jobs';

// Small I/O-bound jobs run side by side; heavy ones (PDF compilation, a 500-message bulk chunk)
// run one at a time so a batch of them never holds several documents in one 128 MB isolate.
const CONCURRENT = new Set(['email.deliver', 'email.inbound']);

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
    message.retry({ delaySeconds: Math.min(300, 2 ** message.attempts) });
  }
}

/**
 * One queue for all background work. Delivery is at least once: each handler is idempotent.
 * A message whose handler throws is retried with backoff, and lands in the dead-letter queue
 * after max_retries.
 */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const light = batch.messages.filter((m) => CONCURRENT.has((m.body as Job).type));
  const heavy = batch.messages.filter((m) => !CONCURRENT.has((m.body as Job).type));
  await Promise.all(light.map((m) => handle(m, env, ctx)));
  for (const m of heavy) await handle(m, env, ctx);
}

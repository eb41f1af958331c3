import type { ExecutionContext, MessageBatch } from '@cloudflare/workers-types';
import type { Env } from '../env';
import { jobHandlers, type Job } from './jobs';

/**
 * One queue for all background work. Delivery is at least once: each handler is idempotent.
 * A message whose handler throws is retried (and lands in the dead-letter queue after max_retries).
 */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  for (const message of batch.messages) {
    const job = message.body as Job;
    const handler = jobHandlers[job.type as keyof typeof jobHandlers];
    if (!handler) {
      console.error(`Unknown job type ${String(job.type)}; dropping message ${message.id}`);
      message.ack();
      continue;
    }
    try {
      await handler(job as never, env, ctx);
      message.ack();
    } catch (err) {
      console.error(`Job ${job.type} failed (attempt ${message.attempts})`, err);
      message.retry({ delaySeconds: Math.min(300, 2 ** message.attempts) });
    }
  }
}

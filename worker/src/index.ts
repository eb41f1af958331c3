import type { ExecutionContext, MessageBatch, ScheduledController } from '@cloudflare/workers-types';
import { app } from './app';
import type { Env } from './env';
import { handleQueueBatch } from './queues/consumer';
import { redriveStuck } from './services/emails/redrive-stuck';
import { systemCtx } from './email/system-ctx';

export default {
  fetch: (request: Request, env: Env, ctx: ExecutionContext) => app.fetch(request, env, ctx),
  queue: (batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext) => handleQueueBatch(batch, env, ctx),
  // Every few minutes: re-queue inbound replies and outbound mail whose queue message was lost
  // (both jobs are idempotent), so mail keeps flowing even when no request arrives.
  scheduled: async (_controller: ScheduledController, env: Env) => {
    const r = await redriveStuck({ ctx: systemCtx(env), input: {} });
    if (r.receipts.length || r.messages.length) console.warn(`Re-queued ${r.receipts.length} inbound receipt(s) and ${r.messages.length} outbound message(s)`);
  },
};

import type { ExecutionContext, MessageBatch } from '@cloudflare/workers-types';
import { app } from './app';
import type { Env } from './env';
import { handleQueueBatch } from './queues/consumer';

export default {
  fetch: (request: Request, env: Env, ctx: ExecutionContext) => app.fetch(request, env, ctx),
  queue: (batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext) => handleQueueBatch(batch, env, ctx),
};

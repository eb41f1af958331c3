import { z } from 'zod';
import type { Env } from '../env';
import { deliverMessage } from '../services/emails/deliver-message';
import { processInbound } from '../services/emails/process-inbound';
import { systemCtx } from './system-ctx';

const ZDeliverJob = z.object({ type: z.literal('email.deliver'), messageId: z.string().min(1) });
const ZInboundJob = z.object({
  type: z.literal('email.inbound'),
  receiptId: z.string().min(1),
  r2Key: z.string().min(1).optional(),
  receivedAt: z.string().min(1).optional(),
});

/** Queue jobs of the email feature; registered in queues/jobs.ts. Both are idempotent (at-least-once delivery). */
export const emailJobHandlers = {
  'email.deliver': async (job: unknown, env: Env) => {
    const { messageId } = ZDeliverJob.parse(job);
    await deliverMessage({ ctx: systemCtx(env), input: { messageId } });
  },
  'email.inbound': async (job: unknown, env: Env) => {
    const { receiptId, r2Key, receivedAt } = ZInboundJob.parse(job);
    await processInbound({ ctx: systemCtx(env), input: { receiptId, r2Key, receivedAt } });
  },
};

import { z } from 'zod';
import type { Env } from '../../env';
import { sendChunk } from './send-chunk';

const ZChunkJob = z.object({
  type: z.literal('send-batch.chunk'),
  batchId: z.string().min(1),
  runNo: z.number().int().min(1),
  chunkNo: z.number().int().min(0),
});

/** Queue jobs of bulk sending; registered in queues/jobs.ts. Idempotent (at-least-once delivery). */
export const sendBatchJobHandlers = {
  'send-batch.chunk': async (job: unknown, env: Env) => sendChunk(env, ZChunkJob.parse(job)),
};

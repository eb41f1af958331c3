import { requireMailTransport } from '../../email/postmark-client';
import type { TSendBatchView } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId, nowIso } from '../../lib/ids';
import { loadBatchForAdmin } from './batch-access';
import { requireSendingQuota } from '../emails/sending-quota';
import { sendBatchItems } from '../../db/schema';
import { and, count, eq } from 'drizzle-orm';
import { batchView } from './batch-view';
import type { ChunkJob } from './send-chunk';
import { MAX_MESSAGES_PER_CALL } from './send-claimed';

/** Items per chunk job: one Postmark batch call's worth. */
export const CHUNK_SIZE = MAX_MESSAGES_PER_CALL;
/** Queue.sendBatch takes at most 100 messages. */
const QUEUE_SEND_MAX = 100;

/**
 * Starts (or resumes) sending: a new run numbers the items not yet sent into chunks of 500 and
 * queues one job per chunk. Items already sent or failed are never part of a run again, so a
 * resumed batch sends only what is left. The status change and the chunk assignment commit
 * together, and the assignment applies only under this start's nonce (two clicks: one start).
 */
export async function startSendBatch({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; batchId: string } }): Promise<TSendBatchView> {
  requireMailTransport(ctx.env); // never mark a batch sent that no one can deliver
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  if (batch.status === 'sending') throw new AppError('INVALID_STATE', 'The batch is already sending');
  if (batch.status === 'finished') {
    throw new AppError('INVALID_STATE', 'The batch is finished: every message was sent or failed. Register a new batch to send again.');
  }
  const [toSend] = await ctx.db
    .select({ n: count() })
    .from(sendBatchItems)
    .where(and(eq(sendBatchItems.batchId, batch.id), eq(sendBatchItems.status, 'pending')));
  await requireSendingQuota(ctx, toSend?.n ?? 0);
  const runNo = batch.runNo + 1;
  const nonce = newId('run');
  const d1 = ctx.env.DB;
  const [started, assigned] = await runBatch(d1, [
    d1
      .prepare(
        `UPDATE send_batches SET status = 'sending', run_no = ?2, run_claim = ?3, started_at = coalesce(started_at, ?4), stopped_at = NULL
         WHERE id = ?1 AND status IN ('registered', 'stopped') AND run_no = ?5`,
      )
      .bind(batch.id, runNo, nonce, nowIso(), batch.runNo),
    d1
      .prepare(
        `UPDATE send_batch_items SET run_no = ?2, chunk_no = c.n / CAST(?3 AS INTEGER)
         FROM (SELECT id, row_number() OVER (ORDER BY position) - 1 AS n FROM send_batch_items WHERE batch_id = ?1 AND status = 'pending') AS c
         WHERE send_batch_items.id = c.id AND EXISTS (SELECT 1 FROM send_batches WHERE id = ?1 AND run_claim = ?4)`,
      )
      .bind(batch.id, runNo, CHUNK_SIZE, nonce),
  ]);
  if (!started?.meta.changes) throw new AppError('CONFLICT', 'The batch was started or stopped by someone else meanwhile; reload it');
  const pending = assigned?.meta.changes ?? 0;
  // at least one job: it also settles items a dead attempt left in flight
  const chunks = Math.max(1, Math.ceil(pending / CHUNK_SIZE));
  const jobs = Array.from({ length: chunks }, (_, chunkNo): ChunkJob => ({ type: 'send-batch.chunk', batchId: batch.id, runNo, chunkNo }));
  try {
    for (let i = 0; i < jobs.length; i += QUEUE_SEND_MAX) await ctx.env.JOBS.sendBatch(jobs.slice(i, i + QUEUE_SEND_MAX).map((body) => ({ body })));
  } catch (err) {
    await d1.prepare(`UPDATE send_batches SET status = 'stopped', stopped_at = ?2 WHERE id = ?1 AND run_no = ?3`).bind(batch.id, nowIso(), runNo).run();
    console.error(`Send batch ${batch.id}: queueing run ${runNo} failed`, err);
    throw new AppError('INTERNAL', 'The batch could not be queued for sending and was stopped; start it again');
  }
  return batchView(ctx, batch.id);
}

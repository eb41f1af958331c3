import type { TSendBatchView } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { AppError } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';
import { loadBatchForAdmin } from './batch-access';
import { batchView } from './batch-view';

/**
 * Stops a sending batch. Chunk jobs claim items only while the batch is sending, so after this
 * commits nothing more goes out but the chunk already in flight (whose next call, if it was split
 * in several, is not made either). Start resumes with what is left.
 */
export async function stopSendBatch({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; batchId: string } }): Promise<TSendBatchView> {
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  const res = await ctx.env.DB.prepare(`UPDATE send_batches SET status = 'stopped', stopped_at = ?2 WHERE id = ?1 AND status = 'sending'`)
    .bind(batch.id, nowIso())
    .run();
  if (!res.meta.changes) {
    const [now] = await ctx.env.DB.prepare('SELECT status FROM send_batches WHERE id = ?1').bind(batch.id).raw<[string]>();
    throw new AppError('INVALID_STATE', `Only a sending batch can be stopped; this one is ${now?.[0] ?? batch.status}`);
  }
  return batchView(ctx, batch.id);
}

import type { TSendBatchProgress } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { loadBatchForAdmin } from './batch-access';
import { progressOf, statusCounts } from './batch-view';

/** Sent / failed / pending (in flight included) at any time: one grouped count. */
export async function getSendBatchProgress({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; batchId: string } }): Promise<TSendBatchProgress> {
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  return progressOf(batch.status, batch.itemCount, await statusCounts(ctx.env.DB, batch.id));
}

import type { TSendBatchView } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { loadBatchForAdmin } from './batch-access';
import { batchView } from './batch-view';

/** One batch: settings, progress, billing periods and invoices (each openable by id). */
export async function getSendBatch({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; batchId: string } }): Promise<TSendBatchView> {
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  return batchView(ctx, batch.id);
}

import { desc, eq } from 'drizzle-orm';
import type { SendBatchItemStatus, TSendBatchSummary } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { sendBatches, users } from '../../db/schema';
import { requireBulkSendAdmin } from './batch-access';
import { batchSummary, type StatusCounts } from './batch-view';

/** The project's send batches, newest first, each with its progress. */
export async function listSendBatches({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { projectId: string };
}): Promise<{ projectId: string; batches: TSendBatchSummary[] }> {
  await requireBulkSendAdmin(ctx, input.projectId);
  const rows = await ctx.db
    .select({ batch: sendBatches, creatorName: users.name })
    .from(sendBatches)
    .innerJoin(users, eq(users.id, sendBatches.createdBy))
    .where(eq(sendBatches.projectId, input.projectId))
    .orderBy(desc(sendBatches.createdAt), desc(sendBatches.id));
  const { results } = await ctx.env.DB.prepare(
    `SELECT i.batch_id, i.status, count(*) AS n FROM send_batch_items i
     JOIN send_batches b ON b.id = i.batch_id WHERE b.project_id = ?1 GROUP BY i.batch_id, i.status`,
  )
    .bind(input.projectId)
    .all<{ batch_id: string; status: SendBatchItemStatus; n: number }>();
  const counts = new Map<string, StatusCounts>();
  for (const r of results) counts.set(r.batch_id, { ...counts.get(r.batch_id), [r.status]: r.n });
  return { projectId: input.projectId, batches: rows.map((r) => batchSummary(r.batch, r.creatorName, counts.get(r.batch.id) ?? {})) };
}

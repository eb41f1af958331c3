import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sendBatches } from '../../db/schema';
import { notFound } from '../../lib/app-error';
import { loadProjectAccess, requireProjectToolAdmin, type ProjectAccess } from '../access/project-access';

export type SendBatch = typeof sendBatches.$inferSelect;

/** docs/domain.md "Permissions": bulk-sending owner invoices needs admin on prime contracts (invisible project → 404). */
export async function requireBulkSendAdmin(ctx: ServiceCtx, projectId: string): Promise<ProjectAccess> {
  const access = await loadProjectAccess(ctx, projectId);
  requireProjectToolAdmin(access, 'prime_contracts', 'Sending invoices in bulk');
  return access;
}

/** The batch, scoped by project, for a prime-contracts admin of that project. */
export async function loadBatchForAdmin(ctx: ServiceCtx, projectId: string, batchId: string): Promise<{ access: ProjectAccess; batch: SendBatch }> {
  const access = await requireBulkSendAdmin(ctx, projectId);
  const [batch] = await ctx.db
    .select()
    .from(sendBatches)
    .where(and(eq(sendBatches.id, batchId), eq(sendBatches.projectId, projectId)))
    .limit(1);
  if (!batch) throw notFound('Send batch');
  return { access, batch };
}

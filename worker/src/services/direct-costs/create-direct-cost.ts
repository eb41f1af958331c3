import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZCreateDirectCost } from '@shared/api/backups';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { attachments, contracts, directCosts } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';
import { directCostView } from './direct-cost-view';

/**
 * Records a direct cost (amount, date, vendor, receipt). Direct costs are the contractor's own
 * books: recording one needs admin on Prime Contracts or Commitments. The receipt must be a file
 * of this project; the optional contract must be one of its contracts.
 */
export async function createDirectCost({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: z.output<typeof ZCreateDirectCost> } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Recording direct costs');
  const body = input.body;
  const problems: ErrorDetail[] = [];
  if (body.receiptAttachmentId) {
    const [file] = await ctx.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.id, body.receiptAttachmentId), eq(attachments.projectId, input.projectId)))
      .limit(1);
    if (!file)
      problems.push({
        field: 'receiptAttachmentId',
        code: 'UNKNOWN_ATTACHMENT',
        message: `No attachment ${body.receiptAttachmentId} in this project; upload the receipt first`,
      });
  }
  if (body.contractId) {
    const [contract] = await ctx.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, body.contractId), eq(contracts.projectId, input.projectId)))
      .limit(1);
    if (!contract) problems.push({ field: 'contractId', code: 'UNKNOWN_CONTRACT', message: `No contract ${body.contractId} in this project` });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The direct cost refers to unknown records', problems);
  const [row] = await ctx.db
    .insert(directCosts)
    .values({ id: newId('dc'), projectId: input.projectId, ...body, createdBy: ctx.user.id })
    .returning();
  return directCostView(row!);
}

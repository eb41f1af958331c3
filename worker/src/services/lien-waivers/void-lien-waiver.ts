import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { invoiceAttachments, lienWaiverEvents, lienWaivers } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch, type BatchStatement } from '../../lib/batch';
import { requireToolAdmin } from '../access/contract-access';
import { loadWaiver, waiverView } from './waiver-view';

/**
 * Voids a waiver (draft, signed or received), with the reason, in its audit trail. Its file stays
 * stored for the record but leaves the invoice's attachments, so a void waiver never goes out with
 * the invoice's email again. Needs admin on the contract's tool.
 */
export async function voidLienWaiver({ ctx, input }: { ctx: ServiceCtx; input: { waiverId: string; reason: string } }) {
  const { waiver, invoice, access } = await loadWaiver(ctx, input.waiverId);
  requireToolAdmin(access, 'Voiding a lien waiver');
  if (waiver.status === 'void') throw new AppError('INVALID_STATE', 'This waiver is already void');
  const statements: BatchStatement[] = [
    ctx.db
      .update(lienWaivers)
      .set({ status: 'void' })
      .where(and(eq(lienWaivers.id, waiver.id), eq(lienWaivers.status, waiver.status))),
    ctx.db
      .insert(lienWaiverEvents)
      .values({ waiverId: waiver.id, action: 'voided', userId: ctx.user.id, detailJson: JSON.stringify({ reason: input.reason, was: waiver.status }) }),
  ];
  if (waiver.attachmentId) {
    statements.push(
      ctx.db.delete(invoiceAttachments).where(and(eq(invoiceAttachments.invoiceId, invoice.id), eq(invoiceAttachments.attachmentId, waiver.attachmentId))),
    );
  }
  await runBatch(ctx.env.DB, statements);
  return waiverView(ctx, waiver.id);
}

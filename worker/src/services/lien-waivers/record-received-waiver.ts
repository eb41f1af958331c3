import { and, eq, max } from 'drizzle-orm';
import type { TRecordReceivedWaiver } from '@shared/api/lien-waivers';
import type { ServiceCtx } from '../../context';
import { attachments, invoiceAttachments, lienWaiverEvents, lienWaivers } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { requireToolAdmin } from '../access/contract-access';
import { readableViaInvoices } from '../invoice-attachments/attach-to-invoice';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { waiverView } from './waiver-view';

/**
 * Records a subcontractor's waiver received for one of its invoices (a commitment's): the signed
 * file, uploaded first in the invoice's project, with the type, amount and through date read from
 * it. The file joins the invoice's attachments. Needs admin on Commitments.
 */
export async function recordReceivedWaiver({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: TRecordReceivedWaiver } }) {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  if (access.contract.kind !== 'commitment') {
    throw new AppError(
      'INVALID_STATE',
      'Received waivers are a subcontractor’s, on subcontractor invoices; an owner invoice’s waivers are generated here (POST /invoices/{id}/lien-waivers)',
    );
  }
  requireToolAdmin(access, 'Recording a subcontractor’s lien waiver');
  const { body } = input;
  const [[found], links] = await ctx.db.batch([
    ctx.db
      .select({ id: attachments.id, uploadedBy: attachments.uploadedBy })
      .from(attachments)
      .where(and(eq(attachments.id, body.attachmentId), eq(attachments.projectId, invoice.projectId)))
      .limit(1),
    ctx.db
      .select({ attachmentId: invoiceAttachments.attachmentId, invoiceId: invoiceAttachments.invoiceId })
      .from(invoiceAttachments)
      .where(eq(invoiceAttachments.attachmentId, body.attachmentId)),
  ]);
  // as when attaching files to an invoice (attach-to-invoice.ts): one's own upload, or a file already
  // on an invoice the user can see; a waiver never makes readable a file the user could not open
  const file = found && (found.uploadedBy === ctx.user.id || (await readableViaInvoices(ctx, links)).has(found.id)) ? found : null;
  if (!file) {
    const message = `No attachment ${body.attachmentId} in this invoice's project: upload the signed waiver first (POST /attachments)`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'attachmentId', code: 'UNKNOWN_ATTACHMENT', message }]);
  }
  const [{ last }] = await ctx.db
    .select({ last: max(invoiceAttachments.position) })
    .from(invoiceAttachments)
    .where(eq(invoiceAttachments.invoiceId, invoice.id));
  const id = newId('lw');
  await runBatch(ctx.env.DB, [
    ctx.db.insert(lienWaivers).values({
      id,
      invoiceId: invoice.id,
      contractId: invoice.contractId,
      direction: 'received',
      type: body.type,
      form: body.form,
      amountCents: body.amountCents,
      throughDate: body.throughDate,
      status: 'signed',
      attachmentId: file.id,
      createdBy: ctx.user.id,
    }),
    ctx.db.insert(lienWaiverEvents).values({
      waiverId: id,
      action: 'received',
      userId: ctx.user.id,
      detailJson: JSON.stringify({ type: body.type, amountCents: body.amountCents, throughDate: body.throughDate, attachmentId: file.id }),
    }),
    ctx.db
      .insert(invoiceAttachments)
      .values({ invoiceId: invoice.id, attachmentId: file.id, source: 'lien_waiver', position: (last ?? -1) + 1, addedBy: ctx.user.id })
      .onConflictDoNothing(),
  ]);
  return waiverView(ctx, id);
}

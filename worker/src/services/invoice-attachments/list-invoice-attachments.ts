import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { attachments, invoiceAttachments } from '../../db/schema';
import { loadInvoiceRow } from '../invoices/invoice-state';

/** The invoice's attachments in backup order, for whoever may see the invoice. */
export async function listInvoiceAttachments({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const { invoice } = await loadInvoiceRow(ctx, input.invoiceId);
  const rows = await ctx.db
    .select({ link: invoiceAttachments, file: attachments })
    .from(invoiceAttachments)
    .innerJoin(attachments, eq(attachments.id, invoiceAttachments.attachmentId))
    .where(eq(invoiceAttachments.invoiceId, invoice.id))
    .orderBy(asc(invoiceAttachments.position), asc(invoiceAttachments.createdAt));
  return {
    attachments: rows.map(({ link, file }) => ({
      id: file.id,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      origin: file.origin,
      source: link.source,
      position: link.position,
      addedAt: link.createdAt,
    })),
  };
}

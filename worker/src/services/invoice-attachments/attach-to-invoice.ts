import { and, eq, inArray, max } from 'drizzle-orm';
import type { TAttachToInvoice } from '@shared/api/backups';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { attachments, invoiceAttachments } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { accessByContract, loadInvoiceRows } from '../backups/backup-invoices';
import { canWriteInvoices } from '../invoices/editability';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { listInvoiceAttachments } from './list-invoice-attachments';
import { toolNameOfKind } from '../access/levels';

/**
 * Appends already uploaded files to an invoice's attachments (its backup, after the invoice PDF).
 * Who may write the invoice may attach: admin on the contract's tool, or for a subcontractor
 * invoice an invoice contact of the commitment. A file can be attached by its uploader, or when
 * it is already attached to an invoice the user can see (so attaching never reveals a file the
 * user could not open). Attaching a file twice is a no-op.
 */
export async function attachToInvoice({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: TAttachToInvoice } }) {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  if (!canWriteInvoices({ access })) {
    throw new AppError('FORBIDDEN', `Attaching files to this invoice needs admin on ${toolNameOfKind(access.contract.kind)}`);
  }
  const ids = input.body.attachmentIds;
  const [files, links] = await ctx.db.batch([
    ctx.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.projectId, invoice.projectId), inArray(attachments.id, ids))),
    ctx.db
      .select({ attachmentId: invoiceAttachments.attachmentId, invoiceId: invoiceAttachments.invoiceId })
      .from(invoiceAttachments)
      .where(inArray(invoiceAttachments.attachmentId, ids)),
  ]);
  const readable = await readableViaInvoices(ctx, links);
  const problems: ErrorDetail[] = [];
  ids.forEach((id, i) => {
    const f = files.find((x) => x.id === id);
    if (!f || (f.uploadedBy !== ctx.user.id && !readable.has(id))) {
      problems.push({ field: `attachmentIds.${i}`, code: 'UNKNOWN_ATTACHMENT', message: `No attachment ${id} that you can attach in this invoice's project` });
    }
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', `${problems.length} attachment(s) cannot be attached`, problems);
  const [{ last }] = await ctx.db
    .select({ last: max(invoiceAttachments.position) })
    .from(invoiceAttachments)
    .where(eq(invoiceAttachments.invoiceId, invoice.id));
  const start = (last ?? -1) + 1;
  await runBatch(
    ctx.env.DB,
    ids.map((attachmentId, i) =>
      ctx.db
        .insert(invoiceAttachments)
        .values({ invoiceId: invoice.id, attachmentId, source: 'upload', position: start + i, addedBy: ctx.user.id })
        .onConflictDoNothing(),
    ),
  );
  return listInvoiceAttachments({ ctx, input: { invoiceId: invoice.id } });
}

/** Attachment ids linked to at least one invoice the user can see. */
export async function readableViaInvoices(ctx: ServiceCtx, links: Array<{ attachmentId: string; invoiceId: string }>): Promise<Set<string>> {
  if (!links.length) return new Set();
  const rows = await loadInvoiceRows(
    ctx,
    links.map((l) => l.invoiceId),
  );
  const access = await accessByContract(
    ctx,
    [...rows.values()].map((r) => r.contract.id),
  );
  const isVisible = (invoiceId: string) => {
    const r = rows.get(invoiceId);
    return !!r && !!access.get(r.contract.id);
  };
  return new Set(links.filter((l) => isVisible(l.invoiceId)).map((l) => l.attachmentId));
}

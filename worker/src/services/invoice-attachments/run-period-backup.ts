import type { ExecutionContext } from '@cloudflare/workers-types';
import { and, asc, between, eq, inArray, isNotNull, max } from 'drizzle-orm';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import type { ServiceCtx } from '../../context';
import { attachments, billingPeriods, contracts, directCosts, invoiceAttachments, invoices } from '../../db/schema';
import type { Env } from '../../env';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { sha256Hex } from '../../lib/ids';
import { invoicePdfFileName, renderInvoicePdf } from '../../pdf/render-invoice';
import { workerTtf } from '../../pdf/worker-fonts';
import type { Job } from '../../queues/jobs';
import { accessByContract } from '../backups/backup-invoices';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { loadInvoicePdfInput } from '../pdf/load-pdf-input';
import { serviceCtxFor } from '../../lib/service-ctx';
import { settlePeriodBackup, type PeriodBackupJob } from './attach-period-backup';

/** Same owner invoice + subcontractor invoice → same attachment id: a retried job finds its own work. */
async function generatedId(ownerInvoiceId: string, subInvoiceId: string): Promise<string> {
  return `att_${(await sha256Hex(`period-backup:${ownerInvoiceId}:${subInvoiceId}`)).slice(0, 24)}`;
}

/**
 * Queue handler: attaches to an owner invoice created with "include backup" its billing period's
 * approved subcontractor invoices (approved or approved as noted), each rendered to a PDF stored
 * in R2 (origin "generated"), then the receipts of direct costs dated inside the period. Only
 * subcontractor invoices the creator may see are attached. Idempotent.
 */
export async function runPeriodBackup(message: Job, env: Env, exec: ExecutionContext): Promise<void> {
  const { invoiceId, userId } = message as unknown as PeriodBackupJob;
  try {
    const ctx = await serviceCtxFor(env, userId, { requestId: `queue:period-backup:${invoiceId}`, waitUntil: (p) => exec.waitUntil(p) });
    await attach(ctx, invoiceId);
    await settlePeriodBackup(env, invoiceId, { status: 'done' });
  } catch (err) {
    if (!(err instanceof AppError)) throw err; // retried by the queue; the last failure is settled by queues/dead-letters.ts
    // A refusal (invoice gone, access lost) will not change on retry: acknowledge it, and say why on the invoice.
    console.warn(`Period backup of invoice ${invoiceId} skipped: ${err.code} ${err.message}`);
    await settlePeriodBackup(env, invoiceId, { status: 'failed', error: err.message });
  }
}

async function attach(ctx: ServiceCtx, ownerInvoiceId: string): Promise<void> {
  const { invoice, access } = await loadInvoiceRow(ctx, ownerInvoiceId);
  if (!invoice.includeBackup || access.contract.kind !== 'prime') return;
  const [period] = await ctx.db.select().from(billingPeriods).where(eq(billingPeriods.id, invoice.billingPeriodId)).limit(1);
  if (!period) return;
  const subs = await ctx.db
    .select({ invoice: invoices, contract: contracts })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(
      and(
        eq(invoices.projectId, invoice.projectId),
        eq(invoices.billingPeriodId, period.id),
        eq(contracts.kind, 'commitment'),
        inArray(invoices.status, ['approved', 'approved_as_noted']),
      ),
    )
    .orderBy(asc(contracts.number), asc(invoices.number));
  const visible = await accessByContract(
    ctx,
    subs.map((s) => s.contract.id),
  );
  const [existing, [{ last }]] = await ctx.db.batch([
    ctx.db.select({ id: invoiceAttachments.attachmentId }).from(invoiceAttachments).where(eq(invoiceAttachments.invoiceId, invoice.id)),
    ctx.db
      .select({ last: max(invoiceAttachments.position) })
      .from(invoiceAttachments)
      .where(eq(invoiceAttachments.invoiceId, invoice.id)),
  ]);
  const attached = new Set(existing.map((e) => e.id));
  let position = (last ?? -1) + 1;
  const labels = pdfLabels(ctx.user.locale);
  for (const sub of subs) {
    if (!visible.get(sub.contract.id)) continue;
    const id = await generatedId(invoice.id, sub.invoice.id);
    if (attached.has(id)) continue;
    const pdfInput = await loadInvoicePdfInput(ctx, sub.invoice.id);
    const bytes = await renderInvoicePdf(pdfInput, labels, workerTtf);
    const fileName = invoicePdfFileName(pdfInput);
    const r2Key = `projects/${invoice.projectId}/generated/${invoice.id}/${sub.invoice.id}.pdf`;
    await ctx.env.FILES.put(r2Key, bytes, { httpMetadata: { contentType: 'application/pdf' } });
    await runBatch(ctx.env.DB, [
      ctx.db
        .insert(attachments)
        .values({
          id,
          projectId: invoice.projectId,
          fileName,
          contentType: 'application/pdf',
          sizeBytes: bytes.byteLength,
          r2Key,
          origin: 'generated',
          uploadedBy: ctx.user.id,
        })
        .onConflictDoNothing(),
      ctx.db
        .insert(invoiceAttachments)
        .values({ invoiceId: invoice.id, attachmentId: id, source: 'subcontractor_invoice', position: position++, addedBy: ctx.user.id })
        .onConflictDoNothing(),
    ]);
  }
  const receipts = await ctx.db
    .select({ attachmentId: directCosts.receiptAttachmentId })
    .from(directCosts)
    .where(
      and(
        eq(directCosts.projectId, invoice.projectId),
        between(directCosts.incurredOn, period.startDate, period.endDate),
        isNotNull(directCosts.receiptAttachmentId),
      ),
    )
    .orderBy(asc(directCosts.incurredOn), asc(directCosts.createdAt));
  const fresh = [...new Set(receipts.map((r) => r.attachmentId!))].filter((id) => !attached.has(id));
  await runBatch(
    ctx.env.DB,
    fresh.map((attachmentId) =>
      ctx.db
        .insert(invoiceAttachments)
        .values({ invoiceId: invoice.id, attachmentId, source: 'direct_cost', position: position++, addedBy: ctx.user.id })
        .onConflictDoNothing(),
    ),
  );
}

import { asc, count, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { idChunks } from '../../db/client';
import { attachments, billingPeriods, contracts, invoiceAttachments, invoiceLines, invoices } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import type { BackupAttachment, BackupInvoice } from '../../pdf/backup/types';
import { loadContractAccess, type ContractAccess } from '../access/contract-access';

// Loading the invoices of a backup: rows, the user's access to their contracts, billing periods,
// attachments and line counts. IN lists are chunked: D1 binds at most 100 parameters.

export type InvoiceRow = {
  invoice: typeof invoices.$inferSelect;
  contract: typeof contracts.$inferSelect;
  period: typeof billingPeriods.$inferSelect | null;
};

/** Invoice rows by id, with contract and (when it still exists) billing period. Unknown ids are absent. */
export async function loadInvoiceRows(ctx: ServiceCtx, invoiceIds: string[]): Promise<Map<string, InvoiceRow>> {
  const out = new Map<string, InvoiceRow>();
  for (const ids of idChunks([...new Set(invoiceIds)])) {
    const rows = await ctx.db
      .select({ invoice: invoices, contract: contracts, period: billingPeriods })
      .from(invoices)
      .innerJoin(contracts, eq(contracts.id, invoices.contractId))
      .leftJoin(billingPeriods, eq(billingPeriods.id, invoices.billingPeriodId))
      .where(inArray(invoices.id, ids));
    for (const r of rows) out.set(r.invoice.id, r);
  }
  return out;
}

/** The user's access per contract; null for contracts the user may not see (never an error here). */
export async function accessByContract(ctx: ServiceCtx, contractIds: Iterable<string>): Promise<Map<string, ContractAccess | null>> {
  const out = new Map<string, ContractAccess | null>();
  for (const id of new Set(contractIds)) {
    try {
      out.set(id, await loadContractAccess(ctx, id));
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') out.set(id, null);
      else throw err;
    }
  }
  return out;
}

/**
 * 404 unless the user may see every one of these invoices (downloads of a backup). The answer
 * names nothing: which invoice is hidden is itself not disclosed.
 */
export async function requireSeesAll(ctx: ServiceCtx, invoiceIds: string[], notFoundMessage: string): Promise<Map<string, InvoiceRow>> {
  const rows = await loadInvoiceRows(ctx, invoiceIds);
  const access = await accessByContract(
    ctx,
    [...rows.values()].map((r) => r.contract.id),
  );
  const isVisible = invoiceIds.every((id) => {
    const row = rows.get(id);
    return row && access.get(row.contract.id);
  });
  if (!isVisible) throw new AppError('NOT_FOUND', notFoundMessage);
  return rows;
}

/** Attachments per invoice, in each invoice's order; line counts per invoice. */
async function attachmentsAndLineCounts(ctx: ServiceCtx, invoiceIds: string[]) {
  const files = new Map<string, BackupAttachment[]>();
  const lineCounts = new Map<string, number>();
  for (const ids of idChunks([...new Set(invoiceIds)])) {
    const [fileRows, countRows] = await ctx.db.batch([
      ctx.db
        .select({ invoiceId: invoiceAttachments.invoiceId, a: attachments })
        .from(invoiceAttachments)
        .innerJoin(attachments, eq(attachments.id, invoiceAttachments.attachmentId))
        .where(inArray(invoiceAttachments.invoiceId, ids))
        .orderBy(asc(invoiceAttachments.position), asc(invoiceAttachments.createdAt)),
      ctx.db
        .select({ invoiceId: invoiceLines.invoiceId, n: count() })
        .from(invoiceLines)
        .where(inArray(invoiceLines.invoiceId, ids))
        .groupBy(invoiceLines.invoiceId),
    ]);
    for (const { invoiceId, a } of fileRows) {
      const list = files.get(invoiceId) ?? [];
      list.push({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, r2Key: a.r2Key });
      files.set(invoiceId, list);
    }
    for (const r of countRows) lineCounts.set(r.invoiceId, r.n);
  }
  return { files, lineCounts };
}

/** The backup's invoices in the requested order, as the planner and the compiler see them. Rows must have periods. */
export async function backupInvoicesOf(ctx: ServiceCtx, invoiceIds: string[], rows: Map<string, InvoiceRow>): Promise<BackupInvoice[]> {
  const { files, lineCounts } = await attachmentsAndLineCounts(ctx, invoiceIds);
  return invoiceIds.map((id) => {
    const r = rows.get(id)!;
    if (!r.period) throw new AppError('INVALID_STATE', `Invoice #${r.invoice.number} of contract #${r.contract.number} has no billing period`);
    return {
      invoiceId: id,
      number: r.invoice.number,
      contractNumber: r.contract.number,
      contractTitle: r.contract.title,
      periodStart: r.period.startDate,
      periodEnd: r.period.endDate,
      lineCount: lineCounts.get(id) ?? 0,
      attachments: files.get(id) ?? [],
    };
  });
}

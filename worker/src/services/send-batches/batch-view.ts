import type { D1Database } from '@cloudflare/workers-types';
import { eq } from 'drizzle-orm';
import type { SendBatchItemStatus, TSendBatchInvoice, TSendBatchProgress, TSendBatchSummary, TSendBatchView } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { sendBatches, users } from '../../db/schema';
import { notFound } from '../../lib/app-error';
import type { SendBatch } from './batch-access';

export type StatusCounts = Partial<Record<SendBatchItemStatus, number>>;

export function progressOf(status: SendBatch['status'], total: number, counts: StatusCounts): TSendBatchProgress {
  const inFlight = counts.claimed ?? 0;
  return { status, total, sent: counts.sent ?? 0, failed: counts.failed ?? 0, pending: (counts.pending ?? 0) + inFlight, inFlight };
}

/** Item counts by status for one batch (index send_batch_items_status_idx). */
export async function statusCounts(d1: D1Database, batchId: string): Promise<StatusCounts> {
  const { results } = await d1
    .prepare('SELECT status, count(*) AS n FROM send_batch_items WHERE batch_id = ?1 GROUP BY status')
    .bind(batchId)
    .all<{ status: SendBatchItemStatus; n: number }>();
  return Object.fromEntries(results.map((r) => [r.status, r.n]));
}

export function batchSummary(b: SendBatch, creatorName: string, counts: StatusCounts): TSendBatchSummary {
  return {
    id: b.id,
    projectId: b.projectId,
    name: b.name,
    status: b.status,
    recipientMode: b.recipientMode,
    subjectTemplate: b.subjectTemplate,
    message: b.message,
    attachPdf: b.attachPdf,
    locale: b.locale,
    invoiceCount: b.invoiceCount,
    itemCount: b.itemCount,
    createdAt: b.createdAt,
    createdBy: { id: b.createdBy, name: creatorName },
    startedAt: b.startedAt,
    stoppedAt: b.stoppedAt,
    finishedAt: b.finishedAt,
    progress: progressOf(b.status, b.itemCount, counts),
  };
}

type InvoiceRow = {
  invoice_id: string;
  number: number;
  status: string;
  contract_id: string;
  contract_number: number;
  contract_title: string;
  period_id: string;
  start_date: string;
  end_date: string;
  due_date: string;
  subject: string;
  recipients: number;
};

/** The batch as registered: settings, progress, its billing periods and invoices (each with its current status). */
export async function batchView(ctx: ServiceCtx, batchId: string): Promise<TSendBatchView> {
  const [row] = await ctx.db
    .select({ batch: sendBatches, creatorName: users.name })
    .from(sendBatches)
    .innerJoin(users, eq(users.id, sendBatches.createdBy))
    .where(eq(sendBatches.id, batchId))
    .limit(1);
  if (!row) throw notFound('Send batch');
  const { results } = await ctx.env.DB.prepare(
    `SELECT i.invoice_id, inv.number, inv.status, c.id AS contract_id, c.number AS contract_number, c.title AS contract_title,
            p.id AS period_id, p.start_date, p.end_date, p.due_date, min(i.subject) AS subject, count(*) AS recipients
     FROM send_batch_items i
     JOIN invoices inv ON inv.id = i.invoice_id
     JOIN contracts c ON c.id = inv.contract_id
     JOIN billing_periods p ON p.id = inv.billing_period_id
     WHERE i.batch_id = ?1
     GROUP BY i.invoice_id
     ORDER BY min(i.position)`,
  )
    .bind(batchId)
    .all<InvoiceRow>();
  const invoices: TSendBatchInvoice[] = results.map((r) => ({
    id: r.invoice_id,
    number: r.number,
    status: r.status,
    contract: { id: r.contract_id, number: r.contract_number, title: r.contract_title },
    billingPeriod: { id: r.period_id, start: r.start_date, end: r.end_date, due: r.due_date },
    subject: r.subject,
    recipientCount: r.recipients,
  }));
  const periods = new Map(invoices.map((i) => [i.billingPeriod.id, i.billingPeriod]));
  const counts = await statusCounts(ctx.env.DB, batchId);
  return {
    ...batchSummary(row.batch, row.creatorName, counts),
    periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start)),
    invoices,
  };
}

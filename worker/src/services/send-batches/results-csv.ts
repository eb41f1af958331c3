import type { ServiceCtx } from '../../context';
import { safeFileName } from '@shared/file-name';
import { AppError } from '../../lib/app-error';
import { loadBatchForAdmin } from './batch-access';
import { toCsv } from './csv';

const HEADER = ['Invoice', 'Contract', 'Contract title', 'Recipient email', 'Recipient name', 'Status', 'Postmark message ID', 'Reason', 'Sent at'];

type Row = {
  invoice_number: number;
  contract_number: number;
  title: string;
  recipient_email: string;
  recipient_name: string;
  status: string;
  postmark_message_id: string | null;
  reason: string | null;
  sent_at: string | null;
};

/** The results of a finished batch, one line per message in registration order. */
export async function sendBatchResultsCsv({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { projectId: string; batchId: string };
}): Promise<{ fileName: string; csv: string }> {
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  if (batch.status !== 'finished') {
    throw new AppError('INVALID_STATE', `The results are available once the batch is finished; it is ${batch.status}. Its progress is at …/progress.`);
  }
  const { results } = await ctx.env.DB.prepare(
    `SELECT i.invoice_number, i.contract_number, c.title, i.recipient_email, i.recipient_name, i.status, i.postmark_message_id, i.reason, i.sent_at
     FROM send_batch_items i JOIN contracts c ON c.id = i.contract_id WHERE i.batch_id = ?1 ORDER BY i.position`,
  )
    .bind(batch.id)
    .all<Row>();
  const csv = toCsv(
    HEADER,
    results.map((r) => [
      r.invoice_number,
      r.contract_number,
      r.title,
      r.recipient_email,
      r.recipient_name,
      r.status,
      r.postmark_message_id,
      r.reason,
      r.sent_at,
    ]),
  );
  return { fileName: safeFileName(`Send batch ${batch.name || batch.id} - results.csv`), csv };
}

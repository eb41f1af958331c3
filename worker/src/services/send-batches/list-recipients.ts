import { and, asc, eq } from 'drizzle-orm';
import type { TSendBatchRecipients } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { sendBatchItems } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { loadBatchForAdmin } from './batch-access';

/** The recipients of each invoice of the batch (optionally one invoice), with each message's status. */
export async function listSendBatchRecipients({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { projectId: string; batchId: string; invoiceId?: string };
}): Promise<TSendBatchRecipients> {
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  const where = input.invoiceId
    ? and(eq(sendBatchItems.batchId, batch.id), eq(sendBatchItems.invoiceId, input.invoiceId))
    : eq(sendBatchItems.batchId, batch.id);
  const items = await ctx.db.select().from(sendBatchItems).where(where).orderBy(asc(sendBatchItems.position));
  if (input.invoiceId && !items.length) {
    throw new AppError('NOT_FOUND', `Invoice ${input.invoiceId} is not part of this send batch`);
  }
  const out = new Map<string, TSendBatchRecipients['invoices'][number]>();
  for (const it of items) {
    let group = out.get(it.invoiceId);
    if (!group) {
      group = { invoiceId: it.invoiceId, invoiceNumber: it.invoiceNumber, contractNumber: it.contractNumber, subject: it.subject, recipients: [] };
      out.set(it.invoiceId, group);
    }
    group.recipients.push({
      itemId: it.id,
      email: it.recipientEmail,
      name: it.recipientName,
      userId: it.recipientUserId,
      status: it.status,
      postmarkMessageId: it.postmarkMessageId,
      reason: it.reason,
      sentAt: it.sentAt,
      threadId: it.status === 'sent' ? it.threadId : null,
    });
  }
  return { batchId: batch.id, invoices: [...out.values()] };
}

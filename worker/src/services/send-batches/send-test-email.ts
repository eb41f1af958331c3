import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TSendBatchTestResult, ZSendBatchTestEmail } from '@shared/api/send-batches';
import type { ServiceCtx } from '../../context';
import { emailMessages, sendBatchItems } from '../../db/schema';
import { newReplyToken, normalizeEmail, replyAddress } from '../../email/addresses';
import { outboundBodyKey } from '../../email/r2-keys';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';
import { serviceCtxFor } from '../../lib/service-ctx';
import { loadBatchForAdmin } from './batch-access';
import { batchMessage, internetMessageId } from './batch-message';
import { batchPostmarkClient, sendBatchCall } from './batch-postmark';
import { renderInvoiceContent } from './invoice-content';
import { TEST_SUBJECT_PREFIX, withTestBanner } from './test-banner';

type Body = z.output<typeof ZSendBatchTestEmail>;

/**
 * Sends ONE message to the test address only: the message a chosen recipient of the batch will
 * get (same sender, subject, body, PDF, signed lien waivers), marked as a test ("[TEST]" subject, a banner), through
 * the same path as the batch (Postmark's batch API, or the local outbox). It opens no thread on
 * the invoice; it is recorded as an outbound message so the outbox shows it.
 */
export async function sendTestEmail({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { projectId: string; batchId: string; body: Body };
}): Promise<TSendBatchTestResult> {
  const { batch } = await loadBatchForAdmin(ctx, input.projectId, input.batchId);
  if (batch.status !== 'registered' && batch.status !== 'stopped') {
    throw new AppError('INVALID_STATE', `A test email is sent before the batch goes out (registered or stopped); this one is ${batch.status}`);
  }
  const { invoiceId, recipientEmail, to } = input.body;
  const filters: SQL[] = [eq(sendBatchItems.batchId, batch.id)];
  if (invoiceId) filters.push(eq(sendBatchItems.invoiceId, invoiceId));
  if (recipientEmail) filters.push(eq(sendBatchItems.recipientEmail, normalizeEmail(recipientEmail)));
  const [item] = await ctx.db
    .select()
    .from(sendBatchItems)
    .where(and(...filters))
    .orderBy(asc(sendBatchItems.position))
    .limit(1);
  if (!item) {
    const message = `This batch sends no message${invoiceId ? ` of invoice ${invoiceId}` : ''}${recipientEmail ? ` to ${recipientEmail}` : ''}`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: recipientEmail ? 'recipientEmail' : 'invoiceId', code: 'NOT_IN_BATCH', message }]);
  }
  const senderCtx = await serviceCtxFor(ctx.env, batch.createdBy);
  const sender = { name: senderCtx.user.name, email: normalizeEmail(senderCtx.user.email), userId: senderCtx.user.id };
  const content = await renderInvoiceContent(senderCtx, batch, item.invoiceId);
  const body = withTestBanner(content, batch.locale, {
    recipient: item.recipientName ? `${item.recipientName} <${item.recipientEmail}>` : item.recipientEmail,
    batchName: batch.name,
  });
  const messageId = newId('em');
  const token = newReplyToken();
  const subject = `${TEST_SUBJECT_PREFIX}${item.subject}`;
  const testee = { email: normalizeEmail(to), name: '' };
  const message = batchMessage(
    ctx.env,
    sender,
    { ...item, emailMessageId: messageId, replyToken: token, subject },
    { ...body, pdf: content.pdf, waivers: content.waivers },
    { sendBatchId: batch.id, sendBatchTest: 'true' },
    testee,
  );

  const client = batchPostmarkClient(ctx.env);
  let providerMessageId = `local-${crypto.randomUUID()}`;
  let failure: AppError | null = null;
  if (client) {
    const outcome = await sendBatchCall(client, [message]);
    const result = outcome.kind === 'results' ? outcome.results[0]! : null;
    if (result?.isSent) providerMessageId = result.messageId;
    else if (result || outcome.kind === 'rejected') {
      const reason = result && !result.isSent ? result.reason : 'reason' in outcome ? outcome.reason : '';
      failure = new AppError('VALIDATION_FAILED', `Postmark refused the test email: ${reason}`, [{ field: 'to', code: 'POSTMARK_REFUSED', message: reason }]);
    } else {
      failure = new AppError('UPSTREAM_UNAVAILABLE', `The test email did not go out; try again. ${'reason' in outcome ? outcome.reason : ''}`);
    }
  }
  const bodyR2Key = outboundBodyKey(batch.projectId, messageId);
  await ctx.env.FILES.put(bodyR2Key, JSON.stringify(body), { httpMetadata: { contentType: 'application/json' } });
  await ctx.db.insert(emailMessages).values({
    id: messageId,
    kind: 'invoice',
    direction: 'outbound',
    threadId: null,
    projectId: batch.projectId,
    status: failure ? 'failed' : 'sent',
    fromEmail: sender.email,
    fromName: sender.name,
    toJson: JSON.stringify([{ ...testee, userId: null }]),
    replyTo: replyAddress(token, ctx.env.INBOUND_DOMAIN),
    subject,
    messageText: batch.message,
    bodyR2Key,
    internetMessageId: internetMessageId(ctx.env, messageId),
    providerMessageId: failure ? null : providerMessageId,
    locale: batch.locale,
    sentBy: ctx.user.id,
    attempts: 1,
    sentAt: failure ? null : nowIso(),
    failureReason: failure?.message ?? null,
  });
  if (failure) throw failure;
  return { to: testee.email, subject, providerMessageId, asRecipient: { email: item.recipientEmail, name: item.recipientName }, invoiceId: item.invoiceId };
}

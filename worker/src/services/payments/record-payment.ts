import { and, eq, isNull } from 'drizzle-orm';
import type { TRecordPayment } from '@shared/api/payments';
import { receivedOnProblems } from '@shared/payments/payment-rules';
import type { ServiceCtx } from '../../context';
import { emailMessages, emailThreads, payments } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { cannotRecordReason, invoicePayments, latestTodayOnEarth } from './invoice-payments';

/**
 * Records a payment received on an approved invoice. Admin on the contract's tool (403 with the
 * reason; an invoice the user may not see is a 404). Over-payment is accepted and flagged 'over'.
 * With sourceMessageId, the payment confirms an owner's payment notice received on this invoice's
 * thread, which then stops being suggested.
 */
export async function recordPayment({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: TRecordPayment } }) {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  const refused = cannotRecordReason(invoice, access);
  if (refused) throw new AppError(access.isToolAdmin ? 'INVALID_STATE' : 'FORBIDDEN', refused);
  const body = input.body;
  const dateProblems = receivedOnProblems(body.receivedOn, latestTodayOnEarth(), invoice.submittedOn, invoice.number);
  if (dateProblems.length) throw new AppError('VALIDATION_FAILED', dateProblems[0]!.message, dateProblems);
  const id = newId('pay');
  const source = body.sourceMessageId;
  if (!source) {
    await ctx.db.insert(payments).values({ id, invoiceId: invoice.id, ...body, recordedBy: ctx.user.id });
    return invoicePayments(ctx, invoice, access);
  }
  await checkSourceMessage(ctx, invoice, source);
  // conditional on the notice not being confirmed meanwhile: of two admins confirming it at once, one payment is recorded
  const inserted = await ctx.env.DB.prepare(
    `INSERT INTO payments (id, invoice_id, received_on, amount_cents, method, reference, note, source_message_id, recorded_by)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
     WHERE NOT EXISTS (SELECT 1 FROM payments WHERE source_message_id = ?8 AND voided_at IS NULL)`,
  )
    .bind(id, invoice.id, body.receivedOn, body.amountCents, body.method, body.reference, body.note, source, ctx.user.id)
    .run();
  if (!inserted.meta.changes) throw alreadyRecorded(source, null);
  return invoicePayments(ctx, invoice, access);
}

function alreadyRecorded(messageId: string, paymentId: string | null) {
  const message = `The reply ${messageId} is already confirmed as ${paymentId ? `payment ${paymentId}` : 'a payment'}`;
  return new AppError('VALIDATION_FAILED', message, [{ field: 'sourceMessageId', code: 'ALREADY_RECORDED', message }]);
}

/** The notice must be a reply received on a thread of this invoice, not already confirmed as a payment. */
async function checkSourceMessage(ctx: ServiceCtx, invoice: { id: string; number: number }, messageId: string) {
  const [found, linked] = await ctx.db.batch([
    ctx.db
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .innerJoin(emailThreads, eq(emailThreads.id, emailMessages.threadId))
      .where(and(eq(emailMessages.id, messageId), eq(emailMessages.direction, 'inbound'), eq(emailThreads.invoiceId, invoice.id)))
      .limit(1),
    ctx.db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.sourceMessageId, messageId), isNull(payments.voidedAt)))
      .limit(1),
  ]);
  if (!found.length) {
    throw new AppError('VALIDATION_FAILED', `No reply ${messageId} was received on a thread of invoice #${invoice.number}`, [
      { field: 'sourceMessageId', code: 'UNKNOWN_MESSAGE', message: `No reply ${messageId} was received on a thread of invoice #${invoice.number}` },
    ]);
  }
  if (linked.length) throw alreadyRecorded(messageId, linked[0]!.id);
}

import { and, eq, isNull } from 'drizzle-orm';
import type { TRecordPayment } from '@shared/api/payments';
import { receivedOnProblems } from '@shared/payments/payment-rules';
import type { ServiceCtx } from '../../context';
import { emailMessages, emailThreads, payments } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { cannotRecordReason, invoicePayments, todayUtc } from './invoice-payments';

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
  const dateProblems = receivedOnProblems(body.receivedOn, todayUtc(), invoice.submittedOn, invoice.number);
  if (dateProblems.length) throw new AppError('VALIDATION_FAILED', dateProblems[0]!.message, dateProblems);
  if (body.sourceMessageId) await checkSourceMessage(ctx, invoice, body.sourceMessageId);
  await ctx.db.insert(payments).values({
    id: newId('pay'),
    invoiceId: invoice.id,
    receivedOn: body.receivedOn,
    amountCents: body.amountCents,
    method: body.method,
    reference: body.reference,
    note: body.note,
    sourceMessageId: body.sourceMessageId ?? null,
    recordedBy: ctx.user.id,
  });
  return invoicePayments(ctx, invoice, access);
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
  if (linked.length) {
    throw new AppError('VALIDATION_FAILED', `The reply ${messageId} is already confirmed as payment ${linked[0]!.id}`, [
      { field: 'sourceMessageId', code: 'ALREADY_RECORDED', message: `The reply ${messageId} is already confirmed as payment ${linked[0]!.id}` },
    ]);
  }
}

import { and, eq, isNull } from 'drizzle-orm';
import type { TVoidPayment } from '@shared/api/payments';
import type { ServiceCtx } from '../../context';
import { payments } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';
import { toolNameOfKind } from '../access/levels';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { invoicePayments } from './invoice-payments';

/**
 * Voids a payment recorded by mistake: it stays in the ledger with who, when and why, and no longer
 * counts. Admin on the contract's tool. A payment of another invoice is a 404, as if it did not exist.
 */
export async function voidPayment({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; paymentId: string; body: TVoidPayment } }) {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  if (!access.isToolAdmin) throw new AppError('FORBIDDEN', `Voiding a payment needs admin on ${toolNameOfKind(access.contract.kind)}`);
  const [payment] = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.id, input.paymentId), eq(payments.invoiceId, invoice.id)))
    .limit(1);
  if (!payment) throw notFound('Payment');
  if (payment.voidedAt) throw new AppError('INVALID_STATE', `Payment ${payment.id} was already voided on ${payment.voidedAt.slice(0, 10)}`);
  // conditional on not voided yet: of two voids at once, the second changes nothing and keeps the first's reason
  await ctx.db
    .update(payments)
    .set({ voidedAt: nowIso(), voidedBy: ctx.user.id, voidReason: input.body.reason })
    .where(and(eq(payments.id, payment.id), isNull(payments.voidedAt)));
  return invoicePayments(ctx, invoice, access);
}

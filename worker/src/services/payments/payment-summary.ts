import type { TPaymentSummary } from '@shared/api/payments';
import { dueOn } from '@shared/payments/clock';
import { amountDueCents, paymentSummary } from '@shared/payments/ledger';
import { todayUtc } from './invoice-payments';

/**
 * What the invoice view and the project invoice list show of an invoice's payments, from figures
 * already read (the frozen lines 6, the contract's terms, Σ payments not voided): no query of its own.
 */
export function paymentSummaryOf(
  invoice: { line6FrozenCents: number | null; submittedOn: string | null },
  previousLine6FrozenCents: number | null,
  paymentTermsDays: number,
  paid: number,
): TPaymentSummary {
  const { overpaidCents: _over, ...shown } = paymentSummary({
    amountDueCents: amountDueCents(invoice.line6FrozenCents, previousLine6FrozenCents),
    paidCents: paid,
    dueOn: dueOn(invoice.submittedOn, paymentTermsDays),
    asOf: todayUtc(),
  });
  return shown;
}

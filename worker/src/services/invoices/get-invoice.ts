import type { ServiceCtx } from '../../context';
import { loadPeriodBackup } from '../invoice-attachments/attach-period-backup';
import { paidQuery } from '../payments/payment-rows';
import { paymentSummaryOf } from '../payments/payment-summary';
import { computeState, loadInvoiceState } from './invoice-state';
import { readerOf } from '../contracts/contract-view';
import { invoiceDeadlinesOf } from './invoice-deadlines';
import { invoiceView } from './invoice-view';
import { pendingChangeOrdersQuery } from './pending-change-orders';

export async function getInvoice({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  const isLatest = state.invoice.id === state.latestInvoice.id;
  const [pending, periodBackup, paid] = await Promise.all([
    isLatest ? pendingChangeOrdersQuery(ctx, state.invoice) : [],
    state.invoice.includeBackup ? loadPeriodBackup(ctx, state.invoice.id) : null,
    // drafts take no payment: no statement for them
    state.invoice.status === 'draft' ? [] : paidQuery(ctx, state.invoice.id),
  ]);
  const { invoice, previousLine6Cents, access } = state;
  const payment = paymentSummaryOf(invoice, previousLine6Cents, access.contract.paymentTermsDays, Number(paid[0]?.paidCents ?? 0));
  const result = computeState(state);
  return {
    ...invoiceView(state, result, pending.length, periodBackup, payment),
    // a paid invoice's prompt-payment clocks are over: they read the open balance
    deadlines: invoiceDeadlinesOf(state, result, payment.openCents, readerOf(ctx)),
  };
}

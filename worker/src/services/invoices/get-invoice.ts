import type { ServiceCtx } from '../../context';
import { loadPeriodBackup } from '../invoice-attachments/attach-period-backup';
import { computeState, loadInvoiceState } from './invoice-state';
import { invoiceView } from './invoice-view';
import { pendingChangeOrdersQuery } from './pending-change-orders';

export async function getInvoice({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  const isLatest = state.invoice.id === state.latestInvoice.id;
  const [pending, periodBackup] = await Promise.all([
    isLatest ? pendingChangeOrdersQuery(ctx, state.invoice) : [],
    state.invoice.includeBackup ? loadPeriodBackup(ctx, state.invoice.id) : null,
  ]);
  return invoiceView(state, computeState(state), pending.length, periodBackup);
}

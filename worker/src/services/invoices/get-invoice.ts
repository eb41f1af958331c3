import type { ServiceCtx } from '../../context';
import { computeState, loadInvoiceState } from './invoice-state';
import { invoiceView } from './invoice-view';
import { pendingChangeOrdersQuery } from './pending-change-orders';

export async function getInvoice({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  const isLatest = state.invoice.id === state.latestInvoice.id;
  const pending = isLatest ? await pendingChangeOrdersQuery(ctx, state.invoice) : [];
  return invoiceView(state, computeState(state), pending.length);
}

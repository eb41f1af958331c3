import type { ServiceCtx } from '../../context';
import { changeOrderViews } from '../change-orders/change-order-view';
import { loadInvoiceRow } from './invoice-state';
import { pendingChangeOrdersQuery } from './pending-change-orders';

/** Change orders approved since the invoice was created (or otherwise not on it): the notice's list. */
export async function listPendingChangeOrders({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const { invoice } = await loadInvoiceRow(ctx, input.invoiceId);
  const rows = await pendingChangeOrdersQuery(ctx, invoice);
  return { changeOrders: await changeOrderViews(ctx, rows) };
}

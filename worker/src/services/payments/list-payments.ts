import type { ServiceCtx } from '../../context';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { invoicePayments } from './invoice-payments';

/** GET /invoices/{id}/payments: whoever may see the invoice (404 otherwise, loadInvoiceRow). */
export async function listPayments({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string } }) {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  return invoicePayments(ctx, invoice, access);
}

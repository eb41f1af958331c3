// Invoices this workbook already holds (the excel layer's bindings, stored in the workbook's
// settings): reopening the file reconnects to them. A thin read through the workbook layer; the
// pane never touches Excel itself. Imported from excel/binding.ts, not the layer's index: the
// early-reads entry (addin/src/early-reads-entry.ts) uses this too and must not pull the whole layer.
import { readBindings } from '../../excel/binding';
import type { InvoiceBinding } from '../../excel/binding';

export type BoundInvoice = Pick<InvoiceBinding, 'invoiceId' | 'invoiceNumber' | 'g703Sheet' | 'updatedAt'>;

/** Most recently synced first; empty when the workbook has none or cannot be read. */
export async function invoicesInWorkbook(): Promise<BoundInvoice[]> {
  try {
    const { invoices } = await readBindings();
    return [...invoices].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  } catch {
    // a workbook without our settings, or a host refusing the read: nothing to reconnect
    return [];
  }
}

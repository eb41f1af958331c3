// The first invoice the pane opens (the harness's ?invoice=, or the invoice a reopened workbook
// holds: workbook-invoices.ts) is read while the stored token is being checked (GET /me in
// app.tsx), not after it: one round trip less before its sheets are drawn, in Excel as in the
// harness. The read is used once, by the first open of that invoice (use-invoice-session.ts);
// any other open, and every later one, reads the server as before.
import type { InvoiceView } from '../../api';

type InvoiceReader = { getInvoice: (invoiceId: string) => Promise<InvoiceView> };

export type FirstInvoice = {
  /**
   * The invoice's view for its first open: the early read when it was for this invoice, else a
   * fresh GET. null once taken (or when nothing was read early): the caller reads the server.
   */
  take: (invoiceId: string) => Promise<InvoiceView> | null;
};

/**
 * Starts reading `invoiceId`, or when null the invoice the workbook last synced
 * (`boundInvoiceId`), at once. A failed early read is not reported here: its first open reads
 * again and reports that read's error as any open does.
 */
export function readFirstInvoice(api: InvoiceReader, invoiceId: string | null, boundInvoiceId: () => Promise<string | null>): FirstInvoice {
  const earlyId = invoiceId ? Promise.resolve(invoiceId) : boundInvoiceId().catch(() => null);
  const early = earlyId.then((id) => (id ? api.getInvoice(id) : null));
  early.catch(() => undefined); // not an unhandled rejection when nobody opens it (e.g. sign-in needed)
  let isTaken = false;
  return {
    take(id) {
      if (isTaken) return null;
      isTaken = true;
      return earlyId.then((readId) =>
        readId === id
          ? early.then(
              (view) => view ?? api.getInvoice(id),
              () => api.getInvoice(id),
            )
          : api.getInvoice(id),
      );
    },
  };
}

// The first invoice the pane opens (the harness's ?invoice=, or the invoice a reopened workbook
// holds: workbook-invoices.ts) is read while the stored token is being checked (GET /me in
// app.tsx), not after it: one round trip less before its sheets are drawn, in Excel as in the
// harness. The page's first script usually started that read before the app ran
// (api/early-reads.ts); else it starts here. The read is used once, by the first open of that
// invoice (use-invoice-session.ts); any other open, and every later one, reads the server as before.
import type { InvoiceView } from '../../api';
import type { EarlyGet } from '../../api/early-reads';

type InvoiceReader = {
  getInvoice: (invoiceId: string) => Promise<InvoiceView>;
  earlyInvoice: (invoiceId: string, early: EarlyGet) => Promise<InvoiceView> | null;
};

export type FirstInvoice = {
  /**
   * The invoice's view for its first open: the early read when it was for this invoice, else a
   * fresh GET. null once taken (or when nothing was read early): the caller reads the server.
   */
  take: (invoiceId: string) => Promise<InvoiceView> | null;
};

/**
 * The early read of the first invoice: `early` when the page's first script looked for it (a
 * promise of its read, or of null when there was nothing to open), else a read started now of
 * `invoiceId`, or when null of the invoice the workbook last synced (`boundInvoiceId`). A failed
 * early read is not reported here: its first open reads again and reports that read's error as any
 * open does.
 */
export function readFirstInvoice(
  api: InvoiceReader,
  invoiceId: string | null,
  boundInvoiceId: () => Promise<string | null>,
  early: Promise<EarlyGet | null> | null = null,
): FirstInvoice {
  const read: Promise<ReadOf | null> = early
    ? early.then((got) => got && ((id: string) => api.earlyInvoice(id, got)))
    : startRead(api, invoiceId, boundInvoiceId);
  let isTaken = false;
  return {
    take(id) {
      if (isTaken) return null;
      isTaken = true;
      return read.then((readOf) => {
        const answer = readOf?.(id);
        return answer ? answer.catch(() => api.getInvoice(id)) : api.getInvoice(id);
      });
    },
  };
}

/** The early read's answer when it was of invoice `id`, else null. */
type ReadOf = (id: string) => Promise<InvoiceView> | null;

/** The early read made by the app itself, when the page's first script did not look for the invoice. */
function startRead(api: InvoiceReader, invoiceId: string | null, boundInvoiceId: () => Promise<string | null>): Promise<ReadOf | null> {
  const readId = invoiceId ? Promise.resolve(invoiceId) : boundInvoiceId().catch(() => null);
  return readId.then((first) => {
    if (!first) return null;
    const view = api.getInvoice(first);
    view.catch(() => undefined); // not an unhandled rejection when nobody opens it (e.g. sign-in needed)
    return (id: string) => (id === first ? view : null);
  });
}

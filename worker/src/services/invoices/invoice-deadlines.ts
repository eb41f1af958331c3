import type { InvoiceResult } from '@shared/engine/types';
import { invoiceDeadlines, type Deadline } from '@shared/jurisdiction/deadlines';
import type { InvoiceState } from './invoice-state';

/**
 * The invoice's jurisdiction deadlines (shared/jurisdiction/rules.ts) from what the view already
 * read: the project's place (invoice-state.ts), the contract's and lines' retainage rates, the
 * contract sum to date (G702 line 3), the submission day and the open balance (null: not known,
 * counted as open). No query of its own.
 */
export function invoiceDeadlinesOf(state: InvoiceState, result: InvoiceResult, openCents: number | null, reader: { asOf: string; locale: string }): Deadline[] {
  const c = state.access.contract;
  let maxRetainageBps = Math.max(c.workRetainageBps, c.storedRetainageBps);
  for (const l of state.sov) maxRetainageBps = Math.max(maxRetainageBps, l.workRetainageBps ?? 0, l.storedRetainageBps ?? 0);
  return invoiceDeadlines(
    {
      jurisdiction: state.place.jurisdiction,
      workType: state.place.workType,
      kind: c.kind,
      contractDate: c.contractDate,
      contractSumCents: result.g702.line3ContractSumToDateCents,
      maxRetainageBps,
      workRetainageBps: c.workRetainageBps,
    },
    { submittedOn: state.invoice.submittedOn, openCents },
    reader.asOf,
    reader.locale,
  );
}

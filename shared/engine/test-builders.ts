// Builders for the engine's tests (not used by product code): terse lines and entries with
// defaults, and a runner that chains invoices the way the worker does (priors from the stored
// computed lines, line 7 = the previous invoice's line 6).

import { computeInvoice, defaultEntry, priorFromComputed, ZERO_PRIOR } from './compute-invoice';

export { ZERO_PRIOR };
import type { ChangeOrderOnInvoice, ContractTerms, InvoiceResult, LineEntry, PriorLine, SovLineOnInvoice } from './types';

export function terms(overrides: Partial<ContractTerms> = {}): ContractTerms {
  return {
    accountingMethod: 'amount',
    workRetainageBps: 1000,
    storedRetainageBps: 500,
    reduction: null,
    allowOverbilling: false,
    ...overrides,
  };
}

export function sov(itemNo: string, overrides: Partial<SovLineOnInvoice> = {}): SovLineOnInvoice {
  return {
    lineId: `line-${itemNo}`,
    itemNo,
    description: `Line ${itemNo}`,
    originalScheduledValueCents: 0,
    changeOrderCents: 0,
    scheduledQty: null,
    unitPrice: null,
    unitOfMeasure: null,
    hasSubtotalOverride: false,
    workRetainageBpsOverride: null,
    storedRetainageBpsOverride: null,
    ...overrides,
  };
}

export function entry(overrides: Partial<LineEntry> = {}): LineEntry {
  return {
    workCompletedThisPeriodCents: 0,
    materialsPresentlyStoredCents: 0,
    workQtyThisPeriod: 0,
    storedQty: 0,
    retainageReleasedCents: 0,
    ...overrides,
  };
}

export type InvoiceStep = {
  /** per line, merged over defaultEntry(prior): E = 0, F and storedQty carried, no release */
  entries: Array<Partial<LineEntry>>;
  /** change orders included on this invoice (cumulative list) — C must already reflect them */
  changeOrders?: ChangeOrderOnInvoice[];
  /** SOV lines for this invoice when C changes; defaults to the previous invoice's */
  sovLines?: SovLineOnInvoice[];
  period?: { start: string; end: string };
};

/** Compute invoices 1..n in order, each one's priors derived from the previous result. */
export function runInvoices(contractTerms: ContractTerms, sovLines: SovLineOnInvoice[], steps: InvoiceStep[]): InvoiceResult[] {
  const results: InvoiceResult[] = [];
  let priors: PriorLine[] = sovLines.map(() => ZERO_PRIOR);
  let lines = sovLines;
  let previousCertificatesCents = 0;
  steps.forEach((step, n) => {
    lines = step.sovLines ?? lines;
    const month = String(n + 1).padStart(2, '0');
    const result = computeInvoice({
      terms: contractTerms,
      period: step.period ?? { start: `2025-${month}-01`, end: `2025-${month}-28` },
      changeOrders: step.changeOrders ?? [],
      previousCertificatesCents,
      lines: lines.map((s, i) => ({ sov: s, prior: priors[i], entry: { ...defaultEntry(priors[i]), ...step.entries[i] } })),
    });
    results.push(result);
    priors = result.lines.map(priorFromComputed);
    previousCertificatesCents = result.g702.line6TotalEarnedLessRetainageCents;
  });
  return results;
}

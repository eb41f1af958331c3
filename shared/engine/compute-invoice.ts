// The single entry point: one invoice's G703 lines, totals, G702 and change order summary, plus
// the warnings and per-cell errors of what was entered. Pure: no IO, no clock. Integer cents,
// basis points, ten-thousandths of a unit throughout.

import { summarizeChangeOrders } from './change-orders';
import { assertContractSumMatches, computeG702, computeTotals } from './g702';
import { computeLine } from './g703';
import { computeLineRetainage, isReductionReached } from './retainage';
import type { ComputedLine, InvoiceInput, InvoiceResult, LineEntry, LineError, LineWarning, PriorLine, SovLineOnInvoice } from './types';

/**
 * Errors (NEGATIVE_TO_DATE, RELEASE_EXCEEDS_HELD, blocking OVERBILLED…) are returned, not thrown,
 * and every figure is still computed from the entry as given, so a caller can show the sheet and
 * reject the edit. It throws only on programming/data errors: non-integer inputs, a quantity line
 * without a unit price, or G702 line 3 ≠ ΣC.
 */
export function computeInvoice(input: InvoiceInput): InvoiceResult {
  assertIntegerInputs(input);
  const { terms } = input;
  const changeOrderSummary = summarizeChangeOrders(input.changeOrders, input.period);
  const errors: LineError[] = [];
  const warnings: LineWarning[] = [];

  const checked = input.lines.map((l) => computeLine({ sov: l.sov, prior: l.prior, entry: l.entry, terms }));

  const line1 = input.lines.reduce((sum, l) => sum + l.sov.originalScheduledValueCents, 0);
  const line3 = line1 + changeOrderSummary.netChangesCents;
  assertContractSumMatches(
    line3,
    checked.reduce((sum, c) => sum + c.figures.scheduledValueCents, 0),
  );
  const line4 = checked.reduce((sum, c) => sum + c.figures.totalCompletedAndStoredCents, 0);
  // The reduction threshold is a property of the whole invoice (line 4 vs line 3), so column I is
  // computed in a second pass once every line's G is known.
  const isReached = isReductionReached(terms.reduction, line4, line3);

  const lines: ComputedLine[] = input.lines.map(({ sov, prior, entry }, i) => {
    const { figures, errors: lineErrors, warnings: lineWarnings } = checked[i];
    const { retainage, errors: retainageErrors } = computeLineRetainage({
      sov,
      prior,
      entry,
      terms,
      workCompletedPreviousCents: figures.workCompletedPreviousCents,
      workCompletedThisPeriodCents: figures.workCompletedThisPeriodCents,
      materialsPresentlyStoredCents: figures.materialsPresentlyStoredCents,
      isReductionReached: isReached,
    });
    // Most lines have no error or warning: skip the spread-push of empty arrays.
    if (lineErrors.length > 0) errors.push(...lineErrors);
    if (retainageErrors.length > 0) errors.push(...retainageErrors);
    if (lineWarnings.length > 0) warnings.push(...lineWarnings);
    return {
      lineId: sov.lineId,
      itemNo: sov.itemNo,
      description: sov.description,
      scheduledValueCents: figures.scheduledValueCents,
      workCompletedPreviousCents: figures.workCompletedPreviousCents,
      workCompletedThisPeriodCents: figures.workCompletedThisPeriodCents,
      materialsPresentlyStoredCents: figures.materialsPresentlyStoredCents,
      totalCompletedAndStoredCents: figures.totalCompletedAndStoredCents,
      percentCompleteDisplay: figures.percentCompleteDisplay,
      balanceToFinishCents: figures.balanceToFinishCents,
      workRetainageCents: retainage.workRetainageCents,
      storedRetainageCents: retainage.storedRetainageCents,
      retainageReleasedThisPeriodCents: retainage.retainageReleasedThisPeriodCents,
      retainageReleasedToDateCents: retainage.retainageReleasedToDateCents,
      retainageCents: retainage.retainageCents,
      // Unit data is shown on every line of a unit contract (a subtotal-override line keeps its
      // unit, quantity and price for display); the progress quantities only on quantity-billed lines.
      scheduledQty: sov.scheduledQty,
      unitPrice: sov.unitPrice,
      unitOfMeasure: sov.unitOfMeasure,
      workQtyPrevious: figures.workQtyPrevious,
      workQtyThisPeriod: figures.workQtyThisPeriod,
      workQtyToDate: figures.workQtyToDate,
      storedQty: figures.storedQty,
    };
  });

  return {
    lines,
    totals: computeTotals(lines),
    g702: computeG702({
      lines,
      line1OriginalContractSumCents: line1,
      changeOrderSummary,
      previousCertificatesCents: input.previousCertificatesCents,
    }),
    changeOrderSummary,
    warnings,
    errors,
  };
}

/** The prior state of a line no invoice has billed yet (the contract's first invoice, or a line added since). */
export const ZERO_PRIOR: Readonly<PriorLine> = Object.freeze({
  workCompletedToDateCents: 0,
  materialsPresentlyStoredCents: 0,
  workQtyToDate: 0,
  storedQty: 0,
  workRetainageCents: 0,
  retainageReleasedToDateCents: 0,
});

/** The next invoice's prior state for a line, from this invoice's stored computed line. */
export function priorFromComputed(line: ComputedLine): PriorLine {
  return {
    workCompletedToDateCents: line.workCompletedPreviousCents + line.workCompletedThisPeriodCents,
    materialsPresentlyStoredCents: line.materialsPresentlyStoredCents,
    workQtyToDate: line.workQtyToDate ?? 0,
    storedQty: line.storedQty ?? 0,
    workRetainageCents: line.workRetainageCents,
    retainageReleasedToDateCents: line.retainageReleasedToDateCents,
  };
}

/**
 * A fresh entry for a new invoice: nothing this period, stored material carried over (the user
 * lowers it when material is installed), no release.
 * A prior with a stored quantity comes from a quantity-billed line, whose stored amount derives
 * from storedQty; carrying its cents as well would trip QUANTITY_NOT_ALLOWED, so they stay 0.
 */
export function defaultEntry(prior: PriorLine): LineEntry {
  return {
    workCompletedThisPeriodCents: 0,
    materialsPresentlyStoredCents: prior.storedQty !== 0 ? 0 : prior.materialsPresentlyStoredCents,
    workQtyThisPeriod: 0,
    storedQty: prior.storedQty,
    retainageReleasedCents: 0,
  };
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new Error(`computeInvoice: ${what} must be a safe integer, got ${value}`);
}

// The numeric fields of a line's parts, listed once: walking them by name instead of
// Object.entries keeps the check allocation-free (it was 40% of computeInvoice on 10,000 lines,
// see scripts/bench/engine-bench.ts). Nullable fields are checked when they hold a number.
const SOV_NUMBERS = [
  'originalScheduledValueCents',
  'changeOrderCents',
  'scheduledQty',
  'unitPrice',
  'workRetainageBpsOverride',
  'storedRetainageBpsOverride',
] as const satisfies readonly (keyof SovLineOnInvoice)[];
const PRIOR_NUMBERS = [
  'workCompletedToDateCents',
  'materialsPresentlyStoredCents',
  'workQtyToDate',
  'storedQty',
  'workRetainageCents',
  'retainageReleasedToDateCents',
] as const satisfies readonly (keyof PriorLine)[];
const ENTRY_NUMBERS = [
  'workCompletedThisPeriodCents',
  'materialsPresentlyStoredCents',
  'workQtyThisPeriod',
  'storedQty',
  'retainageReleasedCents',
] as const satisfies readonly (keyof LineEntry)[];

function assertFields<T>(record: T, keys: readonly (keyof T)[], itemNo: string, part: string): void {
  for (const k of keys) {
    const v = record[k];
    if (typeof v === 'number' && !Number.isSafeInteger(v)) assertInteger(v, `line ${itemNo} ${part}.${String(k)}`);
  }
}

const isSafeOrNull = (v: number | null) => v === null || Number.isSafeInteger(v);

// The common case in one monomorphic test per line; assertFields then names the offending field.
function isLineAllSafe(sov: SovLineOnInvoice, prior: PriorLine, entry: LineEntry): boolean {
  return (
    Number.isSafeInteger(sov.originalScheduledValueCents) &&
    Number.isSafeInteger(sov.changeOrderCents) &&
    isSafeOrNull(sov.scheduledQty) &&
    isSafeOrNull(sov.unitPrice) &&
    isSafeOrNull(sov.workRetainageBpsOverride) &&
    isSafeOrNull(sov.storedRetainageBpsOverride) &&
    Number.isSafeInteger(prior.workCompletedToDateCents) &&
    Number.isSafeInteger(prior.materialsPresentlyStoredCents) &&
    Number.isSafeInteger(prior.workQtyToDate) &&
    Number.isSafeInteger(prior.storedQty) &&
    Number.isSafeInteger(prior.workRetainageCents) &&
    Number.isSafeInteger(prior.retainageReleasedToDateCents) &&
    Number.isSafeInteger(entry.workCompletedThisPeriodCents) &&
    Number.isSafeInteger(entry.materialsPresentlyStoredCents) &&
    Number.isSafeInteger(entry.workQtyThisPeriod) &&
    Number.isSafeInteger(entry.storedQty) &&
    Number.isSafeInteger(entry.retainageReleasedCents)
  );
}

function assertIntegerInputs(input: InvoiceInput): void {
  const t = input.terms;
  assertInteger(t.workRetainageBps, 'terms.workRetainageBps');
  assertInteger(t.storedRetainageBps, 'terms.storedRetainageBps');
  if (t.reduction) {
    assertInteger(t.reduction.thresholdPercentCompleteBps, 'terms.reduction.thresholdPercentCompleteBps');
    assertInteger(t.reduction.reducedWorkRateBps, 'terms.reduction.reducedWorkRateBps');
  }
  assertInteger(input.previousCertificatesCents, 'previousCertificatesCents');
  input.changeOrders.forEach((co, i) => assertInteger(co.amountCents, `changeOrders[${i}].amountCents`));
  for (const { sov, prior, entry } of input.lines) {
    if (isLineAllSafe(sov, prior, entry)) continue;
    assertFields(sov, SOV_NUMBERS, sov.itemNo, 'sov');
    assertFields(prior, PRIOR_NUMBERS, sov.itemNo, 'prior');
    assertFields(entry, ENTRY_NUMBERS, sov.itemNo, 'entry');
  }
}

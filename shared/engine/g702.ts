// G702 summary lines 1–9 and the G703 column totals, from the computed lines. Cents.

import { splitNetRetainage } from './retainage';
import type { ChangeOrderSummary, ComputedLine, G702, Totals } from './types';

export type G702Args = {
  lines: ComputedLine[];
  /** Σ original scheduled values (before change orders) */
  line1OriginalContractSumCents: number;
  changeOrderSummary: ChangeOrderSummary;
  /** the previous invoice's stored line 6, never recomputed; 0 on the first invoice */
  previousCertificatesCents: number;
};

export function computeTotals(lines: ComputedLine[]): Totals {
  const totals: Totals = {
    scheduledValueCents: 0,
    workCompletedPreviousCents: 0,
    workCompletedThisPeriodCents: 0,
    materialsPresentlyStoredCents: 0,
    totalCompletedAndStoredCents: 0,
    balanceToFinishCents: 0,
    retainageCents: 0,
  };
  for (const l of lines) {
    totals.scheduledValueCents += l.scheduledValueCents;
    totals.workCompletedPreviousCents += l.workCompletedPreviousCents;
    totals.workCompletedThisPeriodCents += l.workCompletedThisPeriodCents;
    totals.materialsPresentlyStoredCents += l.materialsPresentlyStoredCents;
    totals.totalCompletedAndStoredCents += l.totalCompletedAndStoredCents;
    totals.balanceToFinishCents += l.balanceToFinishCents;
    totals.retainageCents += l.retainageCents;
  }
  return totals;
}

/**
 * Line 3 = 1 + 2 must equal ΣC. A mismatch means a change order was applied to a line without
 * being listed on the invoice (or the reverse): a programming/data error, so it throws instead of
 * printing a G702 that does not add up.
 */
export function assertContractSumMatches(line3: number, sumOfScheduledValues: number): void {
  if (line3 !== sumOfScheduledValues) {
    throw new Error(
      `G702 line 3 (original sum + change orders = ${line3} cents) does not equal the sum of the ` +
        `lines' scheduled values (${sumOfScheduledValues} cents): the change orders on the invoice ` +
        `and those applied to its lines differ by ${line3 - sumOfScheduledValues} cents`,
    );
  }
}

export function computeG702(args: G702Args): G702 {
  const { lines } = args;
  const line1 = args.line1OriginalContractSumCents;
  const line2 = args.changeOrderSummary.netChangesCents;
  const line3 = line1 + line2;
  let sumC = 0;
  let line4 = 0;
  let line5a = 0;
  let line5b = 0;
  for (const l of lines) {
    sumC += l.scheduledValueCents;
    line4 += l.totalCompletedAndStoredCents;
    // Σ per-line figures, never rate × total (fixture invoice 1: 165802, where 10% × ΣD+E = 165801).
    const net = splitNetRetainage(l);
    line5a += net.workNetCents;
    line5b += net.storedNetCents;
  }
  assertContractSumMatches(line3, sumC);
  const line5 = line5a + line5b; // = ΣI
  const line6 = line4 - line5;
  const line7 = args.previousCertificatesCents;
  return {
    line1OriginalContractSumCents: line1,
    line2NetChangeByChangeOrdersCents: line2,
    line3ContractSumToDateCents: line3,
    line4TotalCompletedAndStoredCents: line4,
    line5aWorkRetainageCents: line5a,
    line5bStoredRetainageCents: line5b,
    line5TotalRetainageCents: line5,
    line6TotalEarnedLessRetainageCents: line6,
    line7PreviousCertificatesCents: line7,
    line8CurrentPaymentDueCents: line6 - line7,
    line9BalanceToFinishInclRetainageCents: line3 - line6, // = ΣH + ΣI
  };
}

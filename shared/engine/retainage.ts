// Column I: retainage per line, with per-line rate overrides, the contract's reduction rule and
// releases. Cents and basis points; every rate × amount goes through applyBps (BigInt, half away
// from zero), once per line — never rate × total.

import { applyBps, formatCents } from '../money';
import type { ContractTerms, LineEntry, LineError, PriorLine, RetainageReduction, SovLineOnInvoice } from './types';

export type LineRetainage = {
  workRetainageCents: number; // gross, before releases
  storedRetainageCents: number; // gross, before releases
  retainageReleasedThisPeriodCents: number;
  retainageReleasedToDateCents: number;
  retainageCents: number; // I = work + stored − released to date
};

/**
 * Whether this invoice has reached the reduction threshold: line 4 (ΣG) ≥ threshold × line 3,
 * compared as integers (ΣG × 10 000 ≥ bps × line 3) so no float decides it. Evaluated on THIS
 * invoice's figures only, as decided: if ΣG later falls back below, the normal rate applies again.
 */
export function isReductionReached(
  reduction: RetainageReduction | null,
  line4TotalCompletedAndStoredCents: number,
  line3ContractSumToDateCents: number,
): boolean {
  if (reduction === null) return false;
  return BigInt(line4TotalCompletedAndStoredCents) * 10_000n >= BigInt(reduction.thresholdPercentCompleteBps) * BigInt(line3ContractSumToDateCents);
}

export type LineRetainageArgs = {
  sov: SovLineOnInvoice;
  prior: PriorLine;
  entry: LineEntry;
  terms: ContractTerms;
  /** D, E, F of this line as computed by computeLine */
  workCompletedPreviousCents: number;
  workCompletedThisPeriodCents: number;
  materialsPresentlyStoredCents: number;
  isReductionReached: boolean;
};

export function computeLineRetainage(args: LineRetainageArgs): { retainage: LineRetainage; errors: LineError[] } {
  const { sov, prior, entry, terms } = args;
  const d = args.workCompletedPreviousCents;
  const e = args.workCompletedThisPeriodCents;
  const f = args.materialsPresentlyStoredCents;
  const errors: LineError[] = [];
  const label = `Line ${sov.itemNo}`;

  // The line's own rate (variable-rate column) wins over the contract's.
  const workRate = sov.workRetainageBpsOverride ?? terms.workRetainageBps;
  const storedRate = sov.storedRetainageBpsOverride ?? terms.storedRetainageBps;

  let work: number;
  const reduction = terms.reduction;
  if (reduction !== null && args.isReductionReached) {
    // A reduction never raises a line's rate: a line retained at 0% (or below the reduced rate)
    // keeps its own rate after the threshold.
    const reducedRate = Math.min(workRate, reduction.reducedWorkRateBps);
    if (reduction.mode === 'rerate_all') {
      // All work to date at the reduced rate: the excess held so far is released through this
      // invoice simply because the cumulative figure drops.
      work = applyBps(d + e, reducedRate);
    } else {
      // new_work_only: retainage already held stays held; only this period's work is retained
      // at the reduced rate (reduced rate 0 = stop withholding). The whole E of the invoice that
      // reaches the threshold counts as work after the threshold.
      work = prior.workRetainageCents + applyBps(e, reducedRate);
    }
  } else {
    // CUMULATIVE, not incremental: round(rate × (D + E)) each invoice, so per-period rounding
    // never accumulates (fixture invoice 2 line 1: 100000, not 62345 + 37656).
    work = applyBps(d + e, workRate);
  }
  const stored = applyBps(f, storedRate);
  if (reduction?.mode === 'rerate_all' && args.isReductionReached) {
    // Rerating can bring the gross below what earlier invoices already released (a partial
    // release before the threshold). The drop then releases what is still held, never more:
    // the gross is floored at the releases to date so I stays ≥ 0 and the invoice does not
    // report RELEASE_EXCEEDS_HELD for a release nobody entered. Capped at the normal-rate
    // figure, so the floor never holds more than the contract's own rate would.
    const floor = Math.min(applyBps(d + e, workRate), Math.max(0, prior.retainageReleasedToDateCents - stored));
    work = Math.max(work, floor);
  }

  const releasedThisPeriod = entry.retainageReleasedCents;
  const releasedToDate = prior.retainageReleasedToDateCents + releasedThisPeriod;
  if (releasedThisPeriod < 0) {
    errors.push({
      lineId: sov.lineId,
      itemNo: sov.itemNo,
      field: 'retainageReleasedCents',
      code: 'NEGATIVE_RELEASE',
      message: `${label}: retainage released (${formatCents(releasedThisPeriod)}) cannot be negative`,
    });
  }
  const held = work + stored;
  if (releasedToDate > held) {
    const available = Math.max(0, held - prior.retainageReleasedToDateCents);
    errors.push({
      lineId: sov.lineId,
      itemNo: sov.itemNo,
      field: 'retainageReleasedCents',
      code: 'RELEASE_EXCEEDS_HELD',
      message:
        `${label}: retainage released to date (${formatCents(releasedToDate)}) would exceed the retainage held ` +
        `(${formatCents(held)}); at most ${formatCents(available)} can be released on this invoice`,
    });
  }

  return {
    retainage: {
      workRetainageCents: work,
      storedRetainageCents: stored,
      retainageReleasedThisPeriodCents: releasedThisPeriod,
      retainageReleasedToDateCents: releasedToDate,
      retainageCents: held - releasedToDate,
    },
    errors,
  };
}

/**
 * Net retainage split for G702 lines 5a/5b: releases are taken from work retainage first, then
 * from stored-material retainage, so 5a + 5b = I on every line.
 */
export function splitNetRetainage(line: { workRetainageCents: number; storedRetainageCents: number; retainageReleasedToDateCents: number }): {
  workNetCents: number;
  storedNetCents: number;
} {
  const fromWork = Math.min(line.retainageReleasedToDateCents, line.workRetainageCents);
  const remainder = line.retainageReleasedToDateCents - fromWork;
  return { workNetCents: line.workRetainageCents - fromWork, storedNetCents: line.storedRetainageCents - remainder };
}

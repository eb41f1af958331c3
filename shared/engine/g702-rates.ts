// The retainage percentages printed on G702 lines 5a and 5b ("__% of completed work", "__% of
// stored material"). Per-line rates (the variable-rate column) and retainage reduction make one
// contract rate untrue, so the rate shown is the effective one: what the line holds over its base,
// 5a ÷ (D + E) and 5b ÷ F of the G703 totals, in hundredths of a percent rounded half away from zero
// (docs/billing-rules.md "G702 retainage percentages"). With every line at the contract's rate it
// is that rate up to per-line cent rounding. Null when the base is zero (nothing billed yet).

import { percentDisplay } from '../money';
import type { G702, Totals } from './types';

export function retainageRates(
  totals: Pick<Totals, 'workCompletedPreviousCents' | 'workCompletedThisPeriodCents' | 'materialsPresentlyStoredCents'>,
  g702: Pick<G702, 'line5aWorkRetainageCents' | 'line5bStoredRetainageCents'>,
): { work: string | null; stored: string | null } {
  const work = totals.workCompletedPreviousCents + totals.workCompletedThisPeriodCents;
  const stored = totals.materialsPresentlyStoredCents;
  return {
    work: work === 0 ? null : percentDisplay(g702.line5aWorkRetainageCents, work),
    stored: stored === 0 ? null : percentDisplay(g702.line5bStoredRetainageCents, stored),
  };
}

// "% complete" typed by a user on an amount-billed line: the only place a percentage drives a
// figure. Cents and basis points.

import { applyBps } from '../money';

/**
 * cumulative work to date = round(C × pct) (half away from zero, BigInt), E = cumulative − D.
 * E comes out negative when the percentage is below what was already billed (a correction); the
 * engine then checks D + E ≥ 0 like any other E. Stored material (F) is not part of the percentage.
 */
export function entryFromPercentComplete(
  scheduledValueCents: number,
  workCompletedPreviousCents: number,
  percentCompleteBps: number,
): { workCompletedToDateCents: number; workCompletedThisPeriodCents: number } {
  const workCompletedToDateCents = applyBps(scheduledValueCents, percentCompleteBps);
  return {
    workCompletedToDateCents,
    workCompletedThisPeriodCents: workCompletedToDateCents - workCompletedPreviousCents,
  };
}

// "% complete" typed by a user: the only place a percentage drives a figure. One rule for both
// ways a line bills (docs/billing-rules.md "% complete"): the cumulative figure the line bills by
// becomes round(scheduled × pct), and this period's entry is that minus what earlier invoices
// billed. Cents, quantities in ten-thousandths of a unit, basis points.

import { applyBps } from '../money';

/**
 * Amount lines: cumulative work to date = round(C × pct) (half away from zero, BigInt), E =
 * cumulative − D. E comes out negative when the percentage is below what was already billed (a
 * correction); the engine then checks D + E ≥ 0 like any other E. Stored material (F) is not part
 * of the percentage.
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

/**
 * Unit lines, where the quantity is the source of truth: cumulative quantity = round(scheduled qty ×
 * pct) to the quantity precision (a ten-thousandth of a unit, half away from zero), quantity this
 * period = cumulative − previous; the engine then derives D/E from the quantities
 * (amountForQty), exactly as if that quantity had been typed. Stored quantity is not part of it.
 */
export function qtyFromPercentComplete(
  scheduledQty: number,
  workQtyPrevious: number,
  percentCompleteBps: number,
): { workQtyToDate: number; workQtyThisPeriod: number } {
  const workQtyToDate = applyBps(scheduledQty, percentCompleteBps);
  return { workQtyToDate, workQtyThisPeriod: workQtyToDate - workQtyPrevious };
}

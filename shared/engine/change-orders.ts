// The G702 change order summary over the change orders included on this invoice. Cents.

import type { ChangeOrderOnInvoice, ChangeOrderSummary } from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertIsoDate(value: string, what: string): void {
  // Dates are compared as YYYY-MM-DD strings; anything else would compare wrongly.
  if (!ISO_DATE.test(value)) throw new Error(`${what} must be a YYYY-MM-DD date, got '${value}'`);
}

/**
 * Approved before the period start → "previous periods"; otherwise (inside the period, or later:
 * an admin may add a change order approved after the period to the latest invoice) → "this period".
 * Additions are positive amounts, deductions the absolute value of negative ones, both reported as
 * positive numbers; net = additions − deductions = G702 line 2.
 */
export function summarizeChangeOrders(changeOrders: ChangeOrderOnInvoice[], period: { start: string; end: string }): ChangeOrderSummary {
  assertIsoDate(period.start, 'period.start');
  let previousAdditionsCents = 0;
  let previousDeductionsCents = 0;
  let thisPeriodAdditionsCents = 0;
  let thisPeriodDeductionsCents = 0;
  for (const co of changeOrders) {
    assertIsoDate(co.approvedOn, 'change order approvedOn');
    const isPrevious = co.approvedOn < period.start;
    if (co.amountCents >= 0) {
      if (isPrevious) previousAdditionsCents += co.amountCents;
      else thisPeriodAdditionsCents += co.amountCents;
    } else if (isPrevious) {
      previousDeductionsCents += -co.amountCents;
    } else {
      thisPeriodDeductionsCents += -co.amountCents;
    }
  }
  const totalAdditionsCents = previousAdditionsCents + thisPeriodAdditionsCents;
  const totalDeductionsCents = previousDeductionsCents + thisPeriodDeductionsCents;
  return {
    previousAdditionsCents,
    previousDeductionsCents,
    thisPeriodAdditionsCents,
    thisPeriodDeductionsCents,
    totalAdditionsCents,
    totalDeductionsCents,
    netChangesCents: totalAdditionsCents - totalDeductionsCents,
  };
}

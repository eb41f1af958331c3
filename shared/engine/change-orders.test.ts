import { describe, expect, it } from 'vitest';
import { summarizeChangeOrders } from './change-orders';
import { computeInvoice } from './compute-invoice';
import { entry, sov, terms, ZERO_PRIOR } from './test-builders';

const period = { start: '2025-02-01', end: '2025-02-28' };

describe('change order summary', () => {
  it('splits by approval date and sign; deductions are reported as positive numbers', () => {
    const summary = summarizeChangeOrders(
      [
        { amountCents: 500_000, approvedOn: '2025-01-15' }, // before the period → previous addition
        { amountCents: -100_000, approvedOn: '2025-01-31' }, // previous deduction
        { amountCents: -200_000, approvedOn: '2025-02-01' }, // on the start day → this period
        { amountCents: 30_000, approvedOn: '2025-02-28' }, // on the end day → this period
        { amountCents: 7_000, approvedOn: '2025-03-05' }, // after the period, added by an admin → this period
        { amountCents: 0, approvedOn: '2025-02-10' }, // zero: an addition of nothing
      ],
      period,
    );
    expect(summary).toEqual({
      previousAdditionsCents: 500_000,
      previousDeductionsCents: 100_000,
      thisPeriodAdditionsCents: 37_000,
      thisPeriodDeductionsCents: 200_000,
      totalAdditionsCents: 537_000,
      totalDeductionsCents: 300_000,
      netChangesCents: 237_000, // 537,000 − 300,000
    });
  });

  it('no change orders: all zero', () => {
    expect(summarizeChangeOrders([], period).netChangesCents).toBe(0);
  });

  it('refuses dates it cannot compare', () => {
    expect(() => summarizeChangeOrders([{ amountCents: 1, approvedOn: '2/1/2025' }], period)).toThrow(/YYYY-MM-DD/);
  });
});

describe('G702 line 3 must equal ΣC', () => {
  it('throws when a change order is listed but not applied to any line', () => {
    expect(() =>
      computeInvoice({
        terms: terms(),
        period,
        changeOrders: [{ amountCents: 500_000, approvedOn: '2025-02-03' }],
        previousCertificatesCents: 0,
        lines: [{ sov: sov('1', { originalScheduledValueCents: 1_000_000 }), prior: ZERO_PRIOR, entry: entry() }],
      }),
    ).toThrow(/line 3 .* does not equal the sum of the lines' scheduled values/);
  });

  it('a change order on its own line (original 0) adds up', () => {
    const r = computeInvoice({
      terms: terms(),
      period,
      changeOrders: [{ amountCents: -250_000, approvedOn: '2025-02-03' }],
      previousCertificatesCents: 0,
      lines: [sov('1', { originalScheduledValueCents: 1_000_000 }), sov('CO1', { originalScheduledValueCents: 0, changeOrderCents: -250_000 })].map((s) => ({
        sov: s,
        prior: ZERO_PRIOR,
        entry: entry(),
      })),
    });
    expect(r.g702).toMatchObject({
      line1OriginalContractSumCents: 1_000_000,
      line2NetChangeByChangeOrdersCents: -250_000,
      line3ContractSumToDateCents: 750_000,
      line9BalanceToFinishInclRetainageCents: 750_000,
    });
  });
});

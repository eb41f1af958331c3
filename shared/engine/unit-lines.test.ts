// A unit-based contract over two invoices, worked by hand. Quantities in ten-thousandths of a
// unit, prices in ten-thousandths of a dollar, amounts in cents; amount = round(qty × price / 10^6).

import { describe, expect, it } from 'vitest';
import { amountForQty } from '../money';
import { computeInvoice, defaultEntry, priorFromComputed } from './compute-invoice';
import { entry, runInvoices, sov, terms, ZERO_PRIOR } from './test-builders';

const unitTerms = terms({ accountingMethod: 'unit', allowOverbilling: true });

// U1 Excavation: 1,000 CY at $12.345 → C = 10,000,000 × 123,450 / 10^6 = 1,234,500 ¢
const u1 = sov('U1', { scheduledQty: 10_000_000, unitPrice: 123_450, unitOfMeasure: 'CY', originalScheduledValueCents: 1_234_500 });
// U2 Rebar: 2,500.5 LB at $0.8333 → 25,005,000 × 8,333 / 10^6 = 208,366.665 → C = 208,367 ¢
const u2 = sov('U2', { scheduledQty: 25_005_000, unitPrice: 8_333, unitOfMeasure: 'LB', originalScheduledValueCents: 208_367 });
// U3 Mobilization: 1 LS at $5,000 but a subtotal override of 4,800.00 → bills by amount
const u3 = sov('U3', {
  scheduledQty: 10_000,
  unitPrice: 50_000_000,
  unitOfMeasure: 'LS',
  hasSubtotalOverride: true,
  originalScheduledValueCents: 480_000,
});

describe('unit-based contract, two invoices', () => {
  it('C on unit lines is amountForQty(scheduledQty, unitPrice), computed by the caller', () => {
    expect(amountForQty(u1.scheduledQty!, u1.unitPrice!)).toBe(1_234_500);
    expect(amountForQty(u2.scheduledQty!, u2.unitPrice!)).toBe(208_367);
  });

  const [inv1, inv2] = runInvoices(
    unitTerms,
    [u1, u2, u3],
    [
      {
        entries: [
          { workQtyThisPeriod: 3_333_333 }, // 333.3333 CY
          { workQtyThisPeriod: 10_005_000, storedQty: 5_000_000 }, // 1,000.5 LB installed, 500 LB stored
          { workCompletedThisPeriodCents: 240_000 },
        ],
      },
      {
        entries: [
          { workQtyThisPeriod: 7_000_000 }, // 700 CY more → 1,033.3333 CY > 1,000 scheduled
          { workQtyThisPeriod: 10_005_000, storedQty: 0 }, // installs the stored 500 LB + 500.5 LB
          { workCompletedThisPeriodCents: 240_000 },
        ],
      },
    ],
  );

  it('invoice 1, hand-worked', () => {
    const [l1, l2, l3] = inv1.lines;
    // U1: 3,333,333 × 123,450 = 411,499,958,850 → /10^6 = 411,499.95885 → E = 411,500
    expect(l1).toMatchObject({
      workCompletedPreviousCents: 0,
      workCompletedThisPeriodCents: 411_500,
      materialsPresentlyStoredCents: 0,
      totalCompletedAndStoredCents: 411_500,
      balanceToFinishCents: 823_000, // 1,234,500 − 411,500
      percentCompleteDisplay: '33.33',
      workRetainageCents: 41_150, // 10% × 411,500
      workQtyPrevious: 0,
      workQtyThisPeriod: 3_333_333,
      workQtyToDate: 3_333_333,
      storedQty: 0,
    });
    // U2: E = 10,005,000 × 8,333 / 10^6 = 83,371.665 → 83,372
    //     F = round(15,005,000 × 8,333 / 10^6) − 83,372 = 125,036.665 → 125,037 − 83,372 = 41,665
    expect(l2).toMatchObject({
      workCompletedThisPeriodCents: 83_372,
      materialsPresentlyStoredCents: 41_665,
      totalCompletedAndStoredCents: 125_037,
      balanceToFinishCents: 83_330, // 208,367 − 125,037
      percentCompleteDisplay: '60.01', // 60.0081 %
      workRetainageCents: 8_337, // 8,337.2 → 8,337
      storedRetainageCents: 2_083, // 5% × 41,665 = 2,083.25 → 2,083
      retainageCents: 10_420,
      storedQty: 5_000_000,
    });
    // U3 bills by amount; its unit data is kept for display, no progress quantities
    expect(l3).toMatchObject({
      workCompletedThisPeriodCents: 240_000,
      percentCompleteDisplay: '50.00',
      workRetainageCents: 24_000,
      unitOfMeasure: 'LS',
      scheduledQty: 10_000,
      workQtyThisPeriod: null,
      workQtyToDate: null,
      storedQty: null,
    });
    expect(inv1.g702).toEqual({
      line1OriginalContractSumCents: 1_922_867, // 1,234,500 + 208,367 + 480,000
      line2NetChangeByChangeOrdersCents: 0,
      line3ContractSumToDateCents: 1_922_867,
      line4TotalCompletedAndStoredCents: 776_537, // 411,500 + 125,037 + 240,000
      line5aWorkRetainageCents: 73_487, // 41,150 + 8,337 + 24,000
      line5bStoredRetainageCents: 2_083,
      line5TotalRetainageCents: 75_570,
      line6TotalEarnedLessRetainageCents: 700_967,
      line7PreviousCertificatesCents: 0,
      line8CurrentPaymentDueCents: 700_967,
      line9BalanceToFinishInclRetainageCents: 1_221_900, // ΣH 1,146,330 + ΣI 75,570
    });
    expect(inv1.warnings).toEqual([]);
    expect(inv1.errors).toEqual([]);
  });

  it('invoice 2, hand-worked: the cumulative quantity decides E, so no cent drifts', () => {
    const [l1, l2, l3] = inv2.lines;
    // U1: D = 411,500; cum 10,333,333 × 123,450 / 10^6 = 1,275,649.95885 → 1,275,650; E = 864,150
    expect(l1).toMatchObject({
      workCompletedPreviousCents: 411_500,
      workCompletedThisPeriodCents: 864_150,
      totalCompletedAndStoredCents: 1_275_650,
      balanceToFinishCents: -41_150,
      percentCompleteDisplay: '103.33',
      workRetainageCents: 127_565,
      workQtyPrevious: 3_333_333,
      workQtyToDate: 10_333_333,
    });
    // U2: D = 83,372; cum 20,010,000 × 8,333 / 10^6 = 166,743.33 → 166,743; E = 83,371
    //     (billing 1,000.5 LB per period separately would give 83,372 twice = 166,744: a cent of drift)
    expect(l2).toMatchObject({
      workCompletedPreviousCents: 83_372,
      workCompletedThisPeriodCents: 83_371,
      materialsPresentlyStoredCents: 0,
      totalCompletedAndStoredCents: 166_743,
      balanceToFinishCents: 41_624,
      percentCompleteDisplay: '80.02', // 80.0237 %
      workRetainageCents: 16_674, // 16,674.3
      storedRetainageCents: 0,
    });
    expect(l3).toMatchObject({ workCompletedPreviousCents: 240_000, totalCompletedAndStoredCents: 480_000 });
    expect(inv2.g702).toMatchObject({
      line4TotalCompletedAndStoredCents: 1_922_393, // 1,275,650 + 166,743 + 480,000
      line5aWorkRetainageCents: 192_239, // 127,565 + 16,674 + 48,000
      line5bStoredRetainageCents: 0,
      line6TotalEarnedLessRetainageCents: 1_730_154,
      line7PreviousCertificatesCents: 700_967,
      line8CurrentPaymentDueCents: 1_029_187,
      line9BalanceToFinishInclRetainageCents: 192_713, // ΣH 474 + ΣI 192,239
    });
    // over the scheduled quantity and the scheduled value, both allowed on this contract
    expect(inv2.errors).toEqual([]);
    expect(inv2.warnings).toEqual([
      {
        lineId: 'line-U1',
        itemNo: 'U1',
        code: 'QUANTITY_OVER_SCHEDULED',
        message: 'Line U1: quantity completed and stored (1,033.3333 CY) exceeds the scheduled quantity (1,000 CY)',
        isBlocking: false,
      },
      {
        lineId: 'line-U1',
        itemNo: 'U1',
        code: 'OVERBILLED',
        message: 'Line U1: total completed and stored (12,756.50) exceeds the scheduled value (12,345.00)',
        isBlocking: false,
      },
    ]);
  });

  it('the next prior and default entry carry quantities, not stored cents, on quantity lines', () => {
    const prior = priorFromComputed(inv1.lines[1]);
    expect(prior).toEqual({
      workCompletedToDateCents: 83_372,
      materialsPresentlyStoredCents: 41_665,
      workQtyToDate: 10_005_000,
      storedQty: 5_000_000,
      workRetainageCents: 8_337,
      retainageReleasedToDateCents: 0,
    });
    expect(defaultEntry(prior)).toEqual(entry({ storedQty: 5_000_000 }));
    // the default entry computes without QUANTITY_NOT_ALLOWED and keeps F
    const r = computeInvoice({
      terms: unitTerms,
      period: { start: '2025-03-01', end: '2025-03-31' },
      changeOrders: [],
      previousCertificatesCents: 0,
      lines: [{ sov: u2, prior, entry: defaultEntry(prior) }],
    });
    expect(r.errors).toEqual([]);
    expect(r.lines[0].materialsPresentlyStoredCents).toBe(41_665);
    // on an amount-billed line (no stored quantity) the stored cents carry over
    expect(defaultEntry({ ...ZERO_PRIOR, materialsPresentlyStoredCents: 500 })).toEqual(entry({ materialsPresentlyStoredCents: 500 }));
  });
});

describe('unit-line entry errors', () => {
  const run = (line: typeof u1, e: Parameters<typeof entry>[0]) =>
    computeInvoice({
      terms: unitTerms,
      period: { start: '2025-01-01', end: '2025-01-31' },
      changeOrders: [],
      previousCertificatesCents: 0,
      lines: [{ sov: line, prior: ZERO_PRIOR, entry: entry(e) }],
    });

  it('amounts on a quantity line are QUANTITY_NOT_ALLOWED and ignored', () => {
    const r = run(u1, { workCompletedThisPeriodCents: 100, materialsPresentlyStoredCents: 5, workQtyThisPeriod: 10_000 });
    expect(r.errors.map((e) => [e.code, e.field])).toEqual([
      ['QUANTITY_NOT_ALLOWED', 'workCompletedThisPeriodCents'],
      ['QUANTITY_NOT_ALLOWED', 'materialsPresentlyStoredCents'],
    ]);
    expect(r.errors[0].message).toBe('Line U1: this line is billed by quantity; enter quantities, not amounts');
    // the quantity decides: 1 CY × $12.345 = 10,000 × 123,450 / 10^6 = 1,234.5 ¢ → 1,235
    expect(r.lines[0].workCompletedThisPeriodCents).toBe(1_235);
  });

  it('quantities on a subtotal-override line are QUANTITY_NOT_ALLOWED', () => {
    const r = run(u3, { workQtyThisPeriod: 10_000, storedQty: 1 });
    expect(r.errors.map((e) => [e.code, e.field])).toEqual([
      ['QUANTITY_NOT_ALLOWED', 'workQtyThisPeriod'],
      ['QUANTITY_NOT_ALLOWED', 'storedQty'],
    ]);
  });

  it('negative cumulative and stored quantities', () => {
    const r = run(u1, { workQtyThisPeriod: -1, storedQty: -2 });
    expect(r.errors).toEqual([
      {
        lineId: 'line-U1',
        itemNo: 'U1',
        field: 'workQtyThisPeriod',
        code: 'NEGATIVE_TO_DATE',
        message: 'Line U1: quantity completed to date would be -0.0001; it cannot be below 0',
      },
      {
        lineId: 'line-U1',
        itemNo: 'U1',
        field: 'storedQty',
        code: 'NEGATIVE_STORED',
        message: 'Line U1: stored quantity (-0.0002) cannot be negative',
      },
    ]);
  });

  it('a quantity line without a unit price is a data error', () => {
    expect(() => run(sov('X'), {})).toThrow(/billed by quantity but has no unit price/);
  });
});

// Warnings and per-cell errors on amount lines: returned with the figures, never silently changed.

import { describe, expect, it } from 'vitest';
import { computeInvoice } from './compute-invoice';
import { entry, sov, terms, ZERO_PRIOR } from './test-builders';
import type { ContractTerms, LineEntry, PriorLine } from './types';

// Line 12: C = 35,000.00, D = 30,000.00, F previously 2,000.00
const line12 = sov('12', { originalScheduledValueCents: 3_500_000 });
const prior12: PriorLine = { ...ZERO_PRIOR, workCompletedToDateCents: 3_000_000, materialsPresentlyStoredCents: 200_000, workRetainageCents: 300_000 };

const run = (t: ContractTerms, e: Partial<LineEntry>, prior: PriorLine = prior12) =>
  computeInvoice({
    terms: t,
    period: { start: '2025-03-01', end: '2025-03-31' },
    changeOrders: [],
    previousCertificatesCents: 0,
    lines: [{ sov: line12, prior, entry: entry(e) }],
  });

const overbilledMessage = 'Line 12: total completed and stored (35,500.00) exceeds the scheduled value (35,000.00)';

describe('overbilling (G > C)', () => {
  // G = 30,000.00 + 5,500.00 + 0 = 35,500.00 > 35,000.00
  const overbill = { workCompletedThisPeriodCents: 550_000 };

  it('blocked when the contract does not allow it: a blocking warning plus an OVERBILLED error', () => {
    const r = run(terms({ allowOverbilling: false }), overbill);
    expect(r.warnings).toEqual([{ lineId: 'line-12', itemNo: '12', code: 'OVERBILLED', message: overbilledMessage, isBlocking: true }]);
    expect(r.errors).toEqual([
      {
        lineId: 'line-12',
        itemNo: '12',
        field: 'workCompletedThisPeriodCents',
        code: 'OVERBILLED',
        message: `${overbilledMessage}; this contract does not allow overbilling`,
      },
    ]);
    // the figures are still those entered
    expect(r.lines[0]).toMatchObject({ totalCompletedAndStoredCents: 3_550_000, balanceToFinishCents: -50_000, percentCompleteDisplay: '101.43' });
  });

  it('allowed: a non-blocking warning and no error', () => {
    const r = run(terms({ allowOverbilling: true }), overbill);
    expect(r.warnings).toEqual([{ lineId: 'line-12', itemNo: '12', code: 'OVERBILLED', message: overbilledMessage, isBlocking: false }]);
    expect(r.errors).toEqual([]);
  });

  it('G = C exactly is not overbilled', () => {
    expect(run(terms(), { workCompletedThisPeriodCents: 500_000 }).warnings).toEqual([]);
  });
});

describe('stored material double count (F lowered while E did not rise as much)', () => {
  it.each([
    // [E, F, warns, arithmetic]
    [100_000, 50_000, true, 'F −1,500.00, E only 1,000.00'],
    [150_000, 50_000, false, 'F −1,500.00, E 1,500.00: installed material billed in E'],
    [0, 200_000, false, 'F unchanged'],
    [0, 300_000, false, 'F raised'],
    [-1, 199_999, true, 'F −0.01 with a negative E'],
  ])('E %i, F %i → warns: %s (%s)', (e, f, warns) => {
    const r = run(terms(), { workCompletedThisPeriodCents: e, materialsPresentlyStoredCents: f });
    expect(r.warnings.some((w) => w.code === 'STORED_MATERIAL_DOUBLE_COUNT')).toBe(warns);
  });

  it('says what moved', () => {
    const r = run(terms(), { workCompletedThisPeriodCents: 100_000, materialsPresentlyStoredCents: 50_000 });
    expect(r.warnings).toEqual([
      {
        lineId: 'line-12',
        itemNo: '12',
        code: 'STORED_MATERIAL_DOUBLE_COUNT',
        message:
          'Line 12: materials stored went down by 1,500.00 (2,000.00 → 500.00) but work completed this period is only 1,000.00; check that installed material is billed once',
        isBlocking: false,
      },
    ]);
  });
});

describe('entry errors on amount lines', () => {
  it('E may be negative as long as D + E ≥ 0', () => {
    expect(run(terms(), { workCompletedThisPeriodCents: -3_000_000 }).errors).toEqual([]);
    const r = run(terms(), { workCompletedThisPeriodCents: -3_000_001 });
    expect(r.errors).toEqual([
      {
        lineId: 'line-12',
        itemNo: '12',
        field: 'workCompletedThisPeriodCents',
        code: 'NEGATIVE_TO_DATE',
        message: 'Line 12: work completed to date would be -0.01; this period can remove at most 30,000.00',
      },
    ]);
  });

  it('F < 0 is NEGATIVE_STORED', () => {
    const r = run(terms(), { materialsPresentlyStoredCents: -1 }, ZERO_PRIOR);
    expect(r.errors.map((e) => [e.code, e.field, e.message])).toEqual([
      ['NEGATIVE_STORED', 'materialsPresentlyStoredCents', 'Line 12: materials stored (-0.01) cannot be negative'],
    ]);
  });

  it('quantities on an amount line are QUANTITY_NOT_ALLOWED', () => {
    const r = run(terms(), { workQtyThisPeriod: 5, storedQty: 1 }, ZERO_PRIOR);
    expect(r.errors.map((e) => [e.code, e.field])).toEqual([
      ['QUANTITY_NOT_ALLOWED', 'workQtyThisPeriod'],
      ['QUANTITY_NOT_ALLOWED', 'storedQty'],
    ]);
    expect(r.lines[0].workQtyThisPeriod).toBeNull();
  });

  it('non-integer inputs are programming errors and throw', () => {
    expect(() => run(terms(), { workCompletedThisPeriodCents: 1.5 })).toThrow(/line 12 entry.workCompletedThisPeriodCents must be a safe integer/);
    expect(() => run(terms({ workRetainageBps: 10.5 }), {})).toThrow(/terms.workRetainageBps/);
  });
});

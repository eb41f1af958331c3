// Variable retainage: per-line rates, the reduction rule in both modes, releases. Cents; rates in
// basis points; each invoice's figures worked by hand in the comments.

import { describe, expect, it } from 'vitest';
import { isReductionReached } from './retainage';
import { runInvoices, sov, terms } from './test-builders';
import type { RetainageReduction } from './types';

const pick = (r: ReturnType<typeof runInvoices>[number]) => ({
  work: r.lines.map((l) => l.workRetainageCents),
  line5: r.g702.line5TotalRetainageCents,
  line6: r.g702.line6TotalEarnedLessRetainageCents,
  line8: r.g702.line8CurrentPaymentDueCents,
});

describe('per-line rate overrides', () => {
  it('the line rate wins over the contract rate, for work and stored material', () => {
    const [r] = runInvoices(
      terms(), // 10% work, 5% stored
      [
        sov('1', { originalScheduledValueCents: 100_000, workRetainageBpsOverride: 500 }),
        sov('2', { originalScheduledValueCents: 100_000, workRetainageBpsOverride: 0 }),
        sov('3', { originalScheduledValueCents: 100_000, storedRetainageBpsOverride: 1000 }),
      ],
      [
        {
          entries: [
            { workCompletedThisPeriodCents: 12_345, materialsPresentlyStoredCents: 1_001 },
            { workCompletedThisPeriodCents: 50_000, materialsPresentlyStoredCents: 1_001 },
            { workCompletedThisPeriodCents: 12_345, materialsPresentlyStoredCents: 1_005 },
          ],
        },
      ],
    );
    expect(r.lines.map((l) => [l.workRetainageCents, l.storedRetainageCents])).toEqual([
      [617, 50], // 5% × 12,345 = 617.25 → 617; 5% × 1,001 = 50.05 → 50
      [0, 50], // 0% work; contract 5% stored
      [1_235, 101], // 10% × 12,345 = 1,234.5 → 1,235; 10% × 1,005 = 100.5 → 101
    ]);
    expect(r.g702.line5aWorkRetainageCents).toBe(1_852);
    expect(r.g702.line5bStoredRetainageCents).toBe(201);
  });
});

describe('reduction threshold (integer comparison ΣG × 10 000 ≥ bps × line 3)', () => {
  const half: RetainageReduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 500, mode: 'rerate_all' };
  it.each([
    [100_000, 200_000, 5000, true, '100,000 = 50% of 200,000: reached at equality'],
    [99_999, 200_000, 5000, false, 'one cent short'],
    [333_301, 1_000_001, 3333, true, '33.33% × 1,000,001 = 333,300.3333; 333,301 ≥ it'],
    [333_300, 1_000_001, 3333, false, '333,300 < 333,300.3333'],
    [0, 0, 5000, true, 'empty contract: 0 ≥ 0'],
  ])('line4 %i vs line3 %i at %i bps → %s (%s)', (line4, line3, bps, expected) => {
    expect(isReductionReached({ ...half, thresholdPercentCompleteBps: bps }, line4, line3)).toBe(expected);
  });

  it('no rule, never reached', () => expect(isReductionReached(null, 1, 1)).toBe(false));
});

// Two lines of 100,000 (line 3 = 200,000), 10% work retainage, reduced to 5% at 50% complete.
const twoLines = [sov('1', { originalScheduledValueCents: 100_000 }), sov('2', { originalScheduledValueCents: 100_000 })];
const threeInvoices = [
  { entries: [{ workCompletedThisPeriodCents: 40_000 }, { workCompletedThisPeriodCents: 30_000 }] }, // ΣG 70,000 < 100,000
  { entries: [{ workCompletedThisPeriodCents: 20_000 }, { workCompletedThisPeriodCents: 20_000 }] }, // ΣG 110,000 ≥ 100,000
  { entries: [{ workCompletedThisPeriodCents: 10_000 }, { workCompletedThisPeriodCents: 10_000 }] }, // ΣG 130,000
];

describe('reduction rerate_all', () => {
  const reduction: RetainageReduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 500, mode: 'rerate_all' };
  const results = runInvoices(terms({ reduction }), twoLines, threeInvoices);

  it('before the threshold: the normal cumulative rate', () => {
    // 10% × 40,000 = 4,000; 10% × 30,000 = 3,000; line 6 = 70,000 − 7,000
    expect(pick(results[0])).toEqual({ work: [4_000, 3_000], line5: 7_000, line6: 63_000, line8: 63_000 });
  });

  it('once reached: all work to date at the reduced rate, the excess released through the invoice', () => {
    // 5% × 60,000 = 3,000; 5% × 50,000 = 2,500; line 6 = 110,000 − 5,500 = 104,500
    // line 8 = 104,500 − 63,000 = 41,500 = this period's 40,000 + 1,500 of retainage no longer held
    expect(pick(results[1])).toEqual({ work: [3_000, 2_500], line5: 5_500, line6: 104_500, line8: 41_500 });
    // 5% × 70,000 = 3,500; 5% × 60,000 = 3,000
    expect(pick(results[2])).toEqual({ work: [3_500, 3_000], line5: 6_500, line6: 123_500, line8: 19_000 });
  });

  it('never raises a line whose own rate is below the reduced rate', () => {
    const lines = [
      sov('1', { originalScheduledValueCents: 100_000, workRetainageBpsOverride: 0 }),
      sov('2', { originalScheduledValueCents: 100_000, workRetainageBpsOverride: 300 }),
    ];
    const [, after] = runInvoices(terms({ reduction }), lines, threeInvoices);
    // line 1 stays at 0%; line 2 stays at 3%: 3% × 50,000 = 1,500 (not 5% = 2,500)
    expect(after.lines.map((l) => l.workRetainageCents)).toEqual([0, 1_500]);
  });
});

describe('reduction new_work_only', () => {
  it('retainage held stays held; new work at the reduced rate', () => {
    const reduction: RetainageReduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 500, mode: 'new_work_only' };
    const results = runInvoices(terms({ reduction }), twoLines, threeInvoices);
    expect(pick(results[0])).toEqual({ work: [4_000, 3_000], line5: 7_000, line6: 63_000, line8: 63_000 });
    // 4,000 + 5% × 20,000 = 5,000; 3,000 + 1,000 = 4,000; line 6 = 110,000 − 9,000 = 101,000
    // line 8 = 101,000 − 63,000 = 38,000 = 95% of this period's 40,000
    expect(pick(results[1])).toEqual({ work: [5_000, 4_000], line5: 9_000, line6: 101_000, line8: 38_000 });
    // 5,000 + 5% × 10,000 = 5,500; 4,000 + 500 = 4,500
    expect(pick(results[2])).toEqual({ work: [5_500, 4_500], line5: 10_000, line6: 120_000, line8: 19_000 });
  });

  it('reduced rate 0 stops withholding: line 8 = the full work this period', () => {
    const reduction: RetainageReduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 0, mode: 'new_work_only' };
    const results = runInvoices(terms({ reduction }), twoLines, threeInvoices);
    expect(pick(results[1])).toEqual({ work: [4_000, 3_000], line5: 7_000, line6: 103_000, line8: 40_000 });
    expect(pick(results[2])).toEqual({ work: [4_000, 3_000], line5: 7_000, line6: 123_000, line8: 20_000 });
  });

  it('reduced rate 0 with rerate_all releases everything held at the threshold', () => {
    const reduction: RetainageReduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 0, mode: 'rerate_all' };
    const results = runInvoices(terms({ reduction }), twoLines, threeInvoices);
    // line 8 = 110,000 − 63,000 = 47,000 = 40,000 + the 7,000 held until now
    expect(pick(results[1])).toEqual({ work: [0, 0], line5: 0, line6: 110_000, line8: 47_000 });
  });
});

describe('releases', () => {
  // L1 C = 100,000, L2 C = 50,000; 10% work, 5% stored
  const lines = [sov('1', { originalScheduledValueCents: 100_000 }), sov('2', { originalScheduledValueCents: 50_000 })];
  const steps = [
    // 1: L1 6,000; L2 work 2,000 + stored 500 → ΣI 8,500; line 6 = 90,000 − 8,500 = 81,500
    { entries: [{ workCompletedThisPeriodCents: 60_000 }, { workCompletedThisPeriodCents: 20_000, materialsPresentlyStoredCents: 10_000 }] },
    // 2: L1 complete (10,000 held), release half; L2 installs its stored material (3,000 held)
    {
      entries: [
        { workCompletedThisPeriodCents: 40_000, retainageReleasedCents: 5_000 },
        { workCompletedThisPeriodCents: 10_000, materialsPresentlyStoredCents: 0 },
      ],
    },
    // 3: L1 release the rest → I = 0; L2 complete (5,000 held)
    { entries: [{ retainageReleasedCents: 5_000 }, { workCompletedThisPeriodCents: 20_000 }] },
    // 4: retainage-only final invoice: nothing billed but L2's release
    { entries: [{}, { retainageReleasedCents: 5_000 }] },
  ];
  const results = runInvoices(terms(), lines, steps);

  it('partial release reduces I and line 5a, and is paid through line 8', () => {
    const r = results[1];
    expect(r.lines[0]).toMatchObject({
      workRetainageCents: 10_000,
      retainageReleasedThisPeriodCents: 5_000,
      retainageReleasedToDateCents: 5_000,
      retainageCents: 5_000,
    });
    // ΣG 130,000; ΣI 5,000 + 3,000; line 6 = 122,000; line 8 = 122,000 − 81,500
    expect(r.g702).toMatchObject({
      line5aWorkRetainageCents: 8_000,
      line5bStoredRetainageCents: 0,
      line6TotalEarnedLessRetainageCents: 122_000,
      line8CurrentPaymentDueCents: 40_500,
    });
  });

  it('100% release at completion leaves I = 0', () => {
    const r = results[2];
    expect(r.lines[0]).toMatchObject({ retainageReleasedToDateCents: 10_000, retainageCents: 0 });
    // line 6 = 150,000 − 5,000; line 8 = 145,000 − 122,000 = 20,000 work + 5,000 released
    expect(r.g702).toMatchObject({ line5TotalRetainageCents: 5_000, line8CurrentPaymentDueCents: 23_000 });
  });

  it('a retainage-only final invoice pays exactly the release', () => {
    const r = results[3];
    expect(r.totals.workCompletedThisPeriodCents).toBe(0);
    expect(r.lines.map((l) => l.retainageCents)).toEqual([0, 0]);
    expect(r.g702).toMatchObject({
      line4TotalCompletedAndStoredCents: 150_000,
      line5TotalRetainageCents: 0,
      line6TotalEarnedLessRetainageCents: 150_000,
      line7PreviousCertificatesCents: 145_000,
      line8CurrentPaymentDueCents: 5_000,
      line9BalanceToFinishInclRetainageCents: 0,
    });
    expect(r.errors).toEqual([]);
  });

  it('a release above what is held is RELEASE_EXCEEDS_HELD', () => {
    const over = runInvoices(terms(), lines, [...steps.slice(0, 3), { entries: [{}, { retainageReleasedCents: 5_001 }] }]);
    expect(over[3].errors).toEqual([
      {
        lineId: 'line-2',
        itemNo: '2',
        field: 'retainageReleasedCents',
        code: 'RELEASE_EXCEEDS_HELD',
        message: 'Line 2: retainage released to date (50.01) would exceed the retainage held (50.00); at most 50.00 can be released on this invoice',
      },
    ]);
  });

  it('the cap is cumulative: releases in instalments may not add up to more than is held', () => {
    // line 1 holds 10,000 once complete (invoice 2) and releases 5,000 there; on invoice 3 a release
    // of 5,001 is within what is held (10,000) on its own, but 5,000 + 5,001 = 10,001 to date is not
    const over = runInvoices(terms(), lines, [...steps.slice(0, 2), { entries: [{ retainageReleasedCents: 5_001 }, {}] }]);
    expect(over[1].errors).toEqual([]);
    expect(over[2].errors.map((e) => [e.lineId, e.code, e.message])).toEqual([
      [
        'line-1',
        'RELEASE_EXCEEDS_HELD',
        'Line 1: retainage released to date (100.01) would exceed the retainage held (100.00); at most 50.00 can be released on this invoice',
      ],
    ]);
    // exactly what is left is fine
    const exact = runInvoices(terms(), lines, [...steps.slice(0, 2), { entries: [{ retainageReleasedCents: 5_000 }, {}] }]);
    expect(exact[2].errors).toEqual([]);
    expect(exact[2].lines[0]).toMatchObject({ retainageReleasedToDateCents: 10_000, retainageCents: 0 });
  });

  it('a negative release is NEGATIVE_RELEASE', () => {
    const [r] = runInvoices(terms(), lines, [{ entries: [{ workCompletedThisPeriodCents: 100, retainageReleasedCents: -1 }, {}] }]);
    expect(r.errors.map((e) => [e.code, e.field, e.message])).toEqual([
      ['NEGATIVE_RELEASE', 'retainageReleasedCents', 'Line 1: retainage released (-0.01) cannot be negative'],
    ]);
  });

  it('5a/5b: a release is taken from work retainage first, then stored', () => {
    // work 10% × 10,000 = 1,000; stored 5% × 10,000 = 500; release 1,200 → 5a 0, 5b 300
    const [r] = runInvoices(
      terms(),
      [lines[0]],
      [{ entries: [{ workCompletedThisPeriodCents: 10_000, materialsPresentlyStoredCents: 10_000, retainageReleasedCents: 1_200 }] }],
    );
    expect(r.g702).toMatchObject({ line5aWorkRetainageCents: 0, line5bStoredRetainageCents: 300, line5TotalRetainageCents: 300 });
    expect(r.lines[0].retainageCents).toBe(300);
  });
});

describe('rerate_all after a partial release', () => {
  // Two lines of 100,000, 10% work retainage, 5% at 50% complete (rerate_all).
  const reduction: RetainageReduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 500, mode: 'rerate_all' };
  const steps = [
    // 1: L1 40,000 → 4,000 held; L2 30,000 → 3,000 held. ΣG 70,000 < 100,000.
    { entries: [{ workCompletedThisPeriodCents: 40_000 }, { workCompletedThisPeriodCents: 30_000 }] },
    // 2: L1 releases 3,000 of its 4,000 (1,000 still held); L2 3,500. ΣG 75,000: not reached yet.
    { entries: [{ retainageReleasedCents: 3_000 }, { workCompletedThisPeriodCents: 5_000 }] },
    // 3: no release entered. ΣG 110,000 ≥ 100,000: rerated, L1 5% × 50,000 = 2,500 < 3,000 released.
    { entries: [{ workCompletedThisPeriodCents: 10_000 }, { workCompletedThisPeriodCents: 25_000 }] },
    // 4: no release; L1 5% × 80,000 = 4,000 > 3,000 released: 1,000 held again on the new work.
    { entries: [{ workCompletedThisPeriodCents: 30_000 }, {}] },
  ];
  const results = runInvoices(terms({ reduction }), twoLines, steps);

  it('a later invoice with no new release reports no RELEASE_EXCEEDS_HELD', () => {
    expect(results.map((r) => r.errors)).toEqual([[], [], [], []]);
  });

  it('the rerating releases what is still held, never more: I stays ≥ 0', () => {
    const [, second, third, fourth] = results;
    expect(second.lines[0]).toMatchObject({ workRetainageCents: 4_000, retainageReleasedToDateCents: 3_000, retainageCents: 1_000 });
    // L1: rerated gross 2,500 is below the 3,000 already released: the 1,000 still held is
    // released (I = 0), not a negative retainage. L2: 5% × 60,000 = 3,000, nothing released.
    expect(third.lines.map((l) => l.retainageCents)).toEqual([0, 3_000]);
    // ΣG 110,000 − ΣI 3,000 = 107,000; line 7 = invoice 2's ΣG 75,000 − (1,000 + 3,500) = 70,500
    expect(third.g702).toMatchObject({ line5TotalRetainageCents: 3_000, line6TotalEarnedLessRetainageCents: 107_000, line8CurrentPaymentDueCents: 36_500 });
    // 4: L1 5% × 80,000 = 4,000 − 3,000 released = 1,000; L2 unchanged 3,000
    expect(fourth.lines.map((l) => [l.workRetainageCents, l.retainageCents])).toEqual([
      [4_000, 1_000],
      [3_000, 3_000],
    ]);
  });
});

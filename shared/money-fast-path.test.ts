// The number fast path of shared/money.ts (products that fit in 2^53 − 1) against an independent
// BigInt reference, on random inputs on both sides of the boundary: small everyday figures, values
// whose product lands near 2^53, and values whose product needs the exact BigInt path.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInvoice } from './engine/compute-invoice';
import { sov, terms, ZERO_PRIOR } from './engine/test-builders';
import { amountForQty, applyBps, formatCents, formatQty, percentDisplay } from './money';

const MAX = Number.MAX_SAFE_INTEGER;

// Half away from zero written differently from roundDiv: floor((2|p| + d) / 2d) with the sign of p.
function refRound(p: bigint, d: bigint): bigint {
  const abs = p < 0n ? -p : p;
  const q = (2n * abs + d) / (2n * d);
  return p < 0n ? -q : q;
}

/** The reference result as a number, or 'throws' when it is beyond Number.MAX_SAFE_INTEGER. */
function refMulDiv(a: number, b: number, d: bigint): number | 'throws' {
  const r = refRound(BigInt(a) * BigInt(b), d);
  return r > BigInt(MAX) || r < -BigInt(MAX) ? 'throws' : Number(r);
}

function outcome(f: () => number | string): number | string {
  try {
    return f();
  } catch (err) {
    if (err instanceof RangeError) return 'throws';
    throw err;
  }
}

// Everyday figures, figures around the point where the product crosses 2^53, exact halves
// (times 1: k × 10 000 + 5 000 for ÷ 10 000, k × 10^6 + 500 000 for ÷ 10^6), and anything safe.
const arbSafe = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((k) => k * 10_000 + 5_000),
  fc.integer({ min: -1e9, max: 1e9 }).map((k) => k * 1_000_000 + 500_000),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: -MAX, max: MAX }),
  fc.integer({ min: 9e11, max: 1e12 }).map((v) => (v % 2 === 0 ? v : -v)),
  fc.constantFrom(0, 1, -1, MAX, -MAX, 900_719_925_474, 900_719_925_475, 9_007_199_254, 9_007_199_255),
);
const arbBps = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -MAX, max: MAX }), fc.constantFrom(10_000, 1, -1, 9_999));

describe('fast path = BigInt reference, to the cent', () => {
  it('applyBps on both sides of 2^53', () => {
    fc.assert(
      fc.property(arbSafe, arbBps, (cents, bps) => {
        expect(outcome(() => applyBps(cents, bps))).toBe(refMulDiv(cents, bps, 10_000n));
      }),
      { numRuns: 5000 },
    );
  });

  it('amountForQty on both sides of 2^53', () => {
    fc.assert(
      fc.property(arbSafe, fc.oneof(arbSafe, fc.constantFrom(1, -1)), (qty, price) => {
        expect(outcome(() => amountForQty(qty, price))).toBe(refMulDiv(qty, price, 1_000_000n));
      }),
      { numRuns: 5000 },
    );
  });

  it('percentDisplay, including negative wholes and parts beyond 2^53 / 10 000', () => {
    fc.assert(
      fc.property(arbSafe, arbSafe, (part, whole) => {
        let expected = '0.00';
        if (whole !== 0) {
          const sign = whole < 0 ? -1n : 1n;
          const h = refRound(BigInt(part) * 10_000n * sign, BigInt(whole) * sign);
          const abs = (h < 0n ? -h : h).toString().padStart(3, '0');
          expected = `${h < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
        }
        expect(percentDisplay(part, whole)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('formatCents and formatQty print every safe integer exactly', () => {
    fc.assert(
      fc.property(arbSafe, (v) => {
        const sign = v < 0 ? '-' : '';
        const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const c = BigInt(Math.abs(v)).toString().padStart(3, '0');
        expect(formatCents(v)).toBe(`${sign}${group(c.slice(0, -2))}.${c.slice(-2)}`);
        const q = BigInt(Math.abs(v)).toString().padStart(5, '0');
        expect(formatQty(v)).toBe(`${sign}${group(q.slice(0, -4))}.${q.slice(-4)}`.replace(/\.?0+$/, ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds half away from zero right at the boundary (exact products either side of 2^53)', () => {
    // 900 719 925 474 × 10 000 = 9 007 199 254 740 000 ≤ 2^53 − 1: the number path.
    expect(applyBps(900_719_925_474, 10_000)).toBe(900_719_925_474);
    // 900 719 925 475 × 10 000 > 2^53 − 1: the BigInt path, same answer.
    expect(applyBps(900_719_925_475, 10_000)).toBe(900_719_925_475);
    // 2^53 − 1 × 5 000 bps: x.5 rounded away from zero on the exact path.
    expect(applyBps(MAX, 5_000)).toBe(4_503_599_627_370_496);
    expect(applyBps(-MAX, 5_000)).toBe(-4_503_599_627_370_496);
    expect(applyBps(-5_000, 1)).toBe(-1); // −0.5 → −1
    expect(Object.is(applyBps(-4_999, 1), 0)).toBe(true); // −0.4999 → 0, not −0
  });
});

describe('computeInvoice with figures whose products need the exact path', () => {
  it('retainage and G702 match the BigInt reference on a line of 9 × 10^14 cents', () => {
    const c = 900_000_000_000_000; // $9 trillion: C × rate overflows 2^53
    const prior = { ...ZERO_PRIOR, workCompletedToDateCents: 123_456_789_012_345 };
    const e = 234_567_890_123_457;
    const f = 1_000_000_000_001;
    const result = computeInvoice({
      terms: terms({ workRetainageBps: 1234, storedRetainageBps: 777, allowOverbilling: true }),
      period: { start: '2026-10-01', end: '2026-10-31' },
      changeOrders: [],
      previousCertificatesCents: 0,
      lines: [
        {
          sov: sov('1', { originalScheduledValueCents: c }),
          prior,
          entry: { workCompletedThisPeriodCents: e, materialsPresentlyStoredCents: f, workQtyThisPeriod: 0, storedQty: 0, retainageReleasedCents: 0 },
        },
      ],
    });
    const work = Number(refRound(BigInt(prior.workCompletedToDateCents + e) * 1234n, 10_000n));
    const stored = Number(refRound(BigInt(f) * 777n, 10_000n));
    const line = result.lines[0]!;
    expect(line.workRetainageCents).toBe(work);
    expect(line.storedRetainageCents).toBe(stored);
    const g = prior.workCompletedToDateCents + e + f;
    const pct = refRound(BigInt(g) * 10_000n, BigInt(c)).toString();
    expect(line.percentCompleteDisplay).toBe(`${pct.slice(0, -2)}.${pct.slice(-2)}`);
    expect(result.g702.line6TotalEarnedLessRetainageCents).toBe(g - work - stored);
  });
});

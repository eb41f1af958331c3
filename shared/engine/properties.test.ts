// Invariants over random contracts, lines and entries across 1–3 invoices (fast-check). Entries
// may be invalid (errors are returned, figures still computed), and the identities must hold anyway.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountForQty, formatCents, parseMoneyInput, roundDiv } from '../money';
import { computeInvoice, defaultEntry, priorFromComputed } from './compute-invoice';
import { sov, ZERO_PRIOR } from './test-builders';
import type { ChangeOrderOnInvoice, ContractTerms, InvoiceResult, LineEntry, PriorLine, SovLineOnInvoice } from './types';

const arbTerms: fc.Arbitrary<ContractTerms> = fc.record({
  accountingMethod: fc.constantFrom('amount' as const, 'unit' as const),
  workRetainageBps: fc.integer({ min: 0, max: 2000 }),
  storedRetainageBps: fc.integer({ min: 0, max: 2000 }),
  reduction: fc.option(
    fc.record({
      thresholdPercentCompleteBps: fc.integer({ min: 0, max: 10_000 }),
      reducedWorkRateBps: fc.integer({ min: 0, max: 1000 }),
      mode: fc.constantFrom('rerate_all' as const, 'new_work_only' as const),
    }),
  ),
  allowOverbilling: fc.boolean(),
});

const arbLine = fc.record({
  original: fc.integer({ min: 0, max: 1e9 }),
  scheduledQty: fc.integer({ min: 0, max: 1e8 }),
  unitPrice: fc.integer({ min: 0, max: 1e8 }),
  hasSubtotalOverride: fc.boolean(),
  workOverride: fc.option(fc.integer({ min: 0, max: 2000 })),
  storedOverride: fc.option(fc.integer({ min: 0, max: 2000 })),
});

// One invoice: per-line entry values and an optional change order per line (applied to that line).
const arbStep = (lineCount: number) =>
  fc.array(
    fc.record({
      e: fc.integer({ min: -1e6, max: 1e8 }),
      f: fc.integer({ min: -1e3, max: 1e7 }),
      qty: fc.integer({ min: -1e5, max: 1e8 }),
      storedQty: fc.option(fc.integer({ min: 0, max: 1e7 })), // null = keep the default (carried)
      release: fc.integer({ min: -10, max: 1e5 }),
      co: fc.option(fc.integer({ min: -1e6, max: 1e7 })),
      coDay: fc.integer({ min: 1, max: 28 }),
    }),
    { minLength: lineCount, maxLength: lineCount },
  );

const arbScenario = fc
  .tuple(arbTerms, fc.array(arbLine, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }))
  .chain(([t, lines, invoiceCount]) =>
    fc.tuple(fc.constant(t), fc.constant(lines), fc.array(arbStep(lines.length), { minLength: invoiceCount, maxLength: invoiceCount })),
  );

type Scenario = typeof arbScenario extends fc.Arbitrary<infer T> ? T : never;

function run([t, lineSpecs, steps]: Scenario): InvoiceResult[] {
  let sovLines: SovLineOnInvoice[] = lineSpecs.map((l, i) => {
    const isUnit = t.accountingMethod === 'unit';
    return sov(String(i + 1), {
      // unit lines: the caller computes original C from quantity × price
      originalScheduledValueCents: isUnit && !l.hasSubtotalOverride ? amountForQty(l.scheduledQty, l.unitPrice) : l.original,
      scheduledQty: isUnit ? l.scheduledQty : null,
      unitPrice: isUnit ? l.unitPrice : null,
      unitOfMeasure: isUnit ? 'EA' : null,
      hasSubtotalOverride: isUnit && l.hasSubtotalOverride,
      workRetainageBpsOverride: l.workOverride,
      storedRetainageBpsOverride: l.storedOverride,
    });
  });
  let priors: PriorLine[] = sovLines.map(() => ZERO_PRIOR);
  const changeOrders: ChangeOrderOnInvoice[] = [];
  let previousCertificatesCents = 0;
  const results: InvoiceResult[] = [];
  steps.forEach((step, n) => {
    const month = String(n + 1).padStart(2, '0');
    sovLines = sovLines.map((s, i) => {
      const co = step[i].co;
      if (co === null) return s;
      changeOrders.push({ amountCents: co, approvedOn: `2025-${month}-${String(step[i].coDay).padStart(2, '0')}` });
      return { ...s, changeOrderCents: s.changeOrderCents + co };
    });
    const lines = sovLines.map((s, i) => {
      const v = step[i];
      const isQty = t.accountingMethod === 'unit' && !s.hasSubtotalOverride;
      const base = defaultEntry(priors[i]);
      const entry: LineEntry = isQty
        ? { ...base, workQtyThisPeriod: v.qty, storedQty: v.storedQty ?? base.storedQty, retainageReleasedCents: v.release }
        : { ...base, workCompletedThisPeriodCents: v.e, materialsPresentlyStoredCents: v.f, retainageReleasedCents: v.release };
      return { sov: s, prior: priors[i], entry };
    });
    const result = computeInvoice({
      terms: t,
      period: { start: `2025-${month}-01`, end: `2025-${month}-28` },
      changeOrders: [...changeOrders],
      previousCertificatesCents,
      lines,
    });
    results.push(result);
    priors = result.lines.map(priorFromComputed);
    previousCertificatesCents = result.g702.line6TotalEarnedLessRetainageCents;
  });
  return results;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('engine invariants (fast-check)', () => {
  it('G702 identities hold on every invoice, and D(n+1) = D(n) + E(n)', () => {
    fc.assert(
      fc.property(arbScenario, (scenario) => {
        const results = run(scenario);
        results.forEach((r, n) => {
          const g = r.g702;
          expect(g.line4TotalCompletedAndStoredCents).toBe(sum(r.lines.map((l) => l.totalCompletedAndStoredCents)));
          expect(g.line3ContractSumToDateCents).toBe(sum(r.lines.map((l) => l.scheduledValueCents)));
          expect(g.line3ContractSumToDateCents).toBe(g.line1OriginalContractSumCents + g.line2NetChangeByChangeOrdersCents);
          expect(g.line5TotalRetainageCents).toBe(sum(r.lines.map((l) => l.retainageCents)));
          expect(g.line5TotalRetainageCents).toBe(g.line5aWorkRetainageCents + g.line5bStoredRetainageCents);
          expect(g.line6TotalEarnedLessRetainageCents).toBe(g.line4TotalCompletedAndStoredCents - g.line5TotalRetainageCents);
          expect(g.line8CurrentPaymentDueCents).toBe(g.line6TotalEarnedLessRetainageCents - g.line7PreviousCertificatesCents);
          expect(g.line9BalanceToFinishInclRetainageCents).toBe(sum(r.lines.map((l) => l.balanceToFinishCents)) + sum(r.lines.map((l) => l.retainageCents)));
          expect(g.line2NetChangeByChangeOrdersCents).toBe(r.changeOrderSummary.netChangesCents);
          expect(r.totals.totalCompletedAndStoredCents).toBe(g.line4TotalCompletedAndStoredCents);
          expect(r.totals.retainageCents).toBe(g.line5TotalRetainageCents);
          for (const l of r.lines) {
            expect(l.totalCompletedAndStoredCents).toBe(l.workCompletedPreviousCents + l.workCompletedThisPeriodCents + l.materialsPresentlyStoredCents);
            expect(l.balanceToFinishCents).toBe(l.scheduledValueCents - l.totalCompletedAndStoredCents);
            expect(l.retainageCents).toBe(l.workRetainageCents + l.storedRetainageCents - l.retainageReleasedToDateCents);
          }
          // blocking warnings always come with an error, so callers can reject the edit
          for (const w of r.warnings.filter((w) => w.isBlocking)) {
            expect(r.errors.some((e) => e.lineId === w.lineId && e.code === w.code)).toBe(true);
          }
          if (n > 0) {
            const prev = results[n - 1];
            expect(g.line7PreviousCertificatesCents).toBe(prev.g702.line6TotalEarnedLessRetainageCents);
            r.lines.forEach((l, i) => {
              const p = prev.lines[i];
              expect(l.workCompletedPreviousCents).toBe(p.workCompletedPreviousCents + p.workCompletedThisPeriodCents);
            });
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('without a reduction rule, work retainage is round(rate × (D + E)) whatever the history', () => {
    // Rates of 10%, 2.5% and 50% put many lines on an exact half cent (cumulative × rate ending in
    // 5000), where half-away-from-zero and banker's rounding part; random rates alone rarely do.
    const arbTieRate = fc.option(fc.constantFrom(1000, 250, 5000), { freq: 2 });
    fc.assert(
      fc.property(arbScenario, arbTieRate, (scenario, tieRate) => {
        const [t, lineSpecs, steps] = scenario;
        const terms = { ...t, reduction: null, workRetainageBps: tieRate ?? t.workRetainageBps };
        const specs = tieRate === null ? lineSpecs : lineSpecs.map((l) => ({ ...l, workOverride: null }));
        const results = run([terms, specs, steps]);
        for (const r of results) {
          r.lines.forEach((l, i) => {
            const rate = specs[i].workOverride ?? terms.workRetainageBps;
            const cumulative = BigInt(l.workCompletedPreviousCents + l.workCompletedThisPeriodCents) * BigInt(rate);
            expect(l.workRetainageCents).toBe(roundTenThousandthsByDigits(cumulative));
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the oracle above rounds as a person does (literals)', () => {
    expect(roundTenThousandthsByDigits(12_345n * 1000n)).toBe(1235); // 12,345 × 10% = 1,234.5 → 1,235 (banker's: 1,234)
    expect(roundTenThousandthsByDigits(12_355n * 1000n)).toBe(1236); // 1,235.5 → 1,236
    expect(roundTenThousandthsByDigits(-12_345n * 1000n)).toBe(-1235); // −1,234.5 → −1,235 (away from zero)
    expect(roundTenThousandthsByDigits(12_344n * 1000n)).toBe(1234); // 1,234.4 → 1,234
    expect(roundTenThousandthsByDigits(1n)).toBe(0); // 0.0001 → 0
    expect(roundTenThousandthsByDigits(-4999n)).toBe(0); // −0.4999 → 0
  });

  it('work retainage on half cents goes away from zero (engine, literals)', () => {
    const cumulative = [12_345, 12_355, 5, -25];
    const [result] = run([
      { accountingMethod: 'amount', workRetainageBps: 1000, storedRetainageBps: 0, reduction: null, allowOverbilling: true },
      cumulative.map(() => ({ original: 1_000_000, scheduledQty: 0, unitPrice: 0, hasSubtotalOverride: false, workOverride: null, storedOverride: null })),
      [cumulative.map((e) => ({ e, f: 0, qty: 0, storedQty: null, release: 0, co: null, coDay: 1 }))],
    ]);
    // 10% of 12,345 = 1,234.5 → 1,235; of 12,355 = 1,235.5 → 1,236; of 5 = 0.5 → 1; of −25 = −2.5 → −3
    expect(result.lines.map((l) => l.workRetainageCents)).toEqual([1235, 1236, 1, -3]);
  });
});

/**
 * round(product ÷ 10 000), half away from zero, computed independently of money.ts's roundDiv: the
 * exact decimal digits of the quotient are written out and the first dropped digit decides (5–9 →
 * one more unit away from zero).
 */
function roundTenThousandthsByDigits(product: bigint): number {
  const isNegative = product < 0n;
  const digits = (isNegative ? -product : product).toString().padStart(5, '0');
  const whole = BigInt(digits.slice(0, -4));
  const firstDropped = Number(digits[digits.length - 4]);
  const rounded = firstDropped >= 5 ? whole + 1n : whole;
  return Number(isNegative ? -rounded : rounded);
}

describe('money invariants (fast-check)', () => {
  it('roundDiv is the nearest integer, ties away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (n, d) => {
        fc.pre(d !== 0n);
        const q = roundDiv(n, d);
        const abs = (x: bigint) => (x < 0n ? -x : x);
        const twiceError = 2n * abs(n - q * d);
        expect(twiceError <= abs(d)).toBe(true);
        if (twiceError === abs(d)) expect(abs(q * d) > abs(n)).toBe(true); // a tie went away from zero
      }),
    );
  });

  it('formatCents output parses back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseMoneyInput(formatCents(cents))).toEqual({ ok: true, cents });
      }),
    );
  });

  it('a JS number with at most 2 decimals converts exactly through String(x)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (cents) => {
        // cents / 100 is the double nearest the 2-decimal value; its shortest string is that value
        expect(parseMoneyInput(cents / 100)).toEqual({ ok: true, cents });
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { retainageRates } from './g702-rates';

const totals = (d: number, e: number, f: number) => ({ workCompletedPreviousCents: d, workCompletedThisPeriodCents: e, materialsPresentlyStoredCents: f });

describe('retainageRates (G702 5a/5b percentages)', () => {
  it('is 5a ÷ (D + E) and 5b ÷ F in hundredths of a percent', () => {
    // 10% of 1,000,000.00 (D 600,000 + E 400,000) = 100,000.00; 5% of F 20,000.00 = 1,000.00
    expect(retainageRates(totals(60_000_000, 40_000_000, 2_000_000), { line5aWorkRetainageCents: 10_000_000, line5bStoredRetainageCents: 100_000 })).toEqual({
      work: '10.00',
      stored: '5.00',
    });
  });

  it('mixed per-line rates: the effective rate, rounded half away from zero', () => {
    // line A 10% of 300.00 = 30.00, line B 5% of 100.00 = 5.00 → 35.00 / 400.00 = 8.75 %
    expect(retainageRates(totals(0, 40_000, 0), { line5aWorkRetainageCents: 3_500, line5bStoredRetainageCents: 0 }).work).toBe('8.75');
    // 1 / 3 = 33.333… % → 33.33 ; 2 / 3 = 66.666… % → 66.67
    expect(retainageRates(totals(0, 3, 3), { line5aWorkRetainageCents: 1, line5bStoredRetainageCents: 2 })).toEqual({ work: '33.33', stored: '66.67' });
  });

  it('nothing billed: no rate (the form shows "__")', () => {
    expect(retainageRates(totals(0, 0, 0), { line5aWorkRetainageCents: 0, line5bStoredRetainageCents: 0 })).toEqual({ work: null, stored: null });
  });
});

import { describe, expect, it } from 'vitest';
import { entryFromPercentComplete, qtyFromPercentComplete } from './percent-complete';

describe('entryFromPercentComplete: cumulative = round(C × pct), E = cumulative − D', () => {
  it.each([
    // [C, D, pct bps, cumulative, E, arithmetic]
    [2_000_000, 623_445, 5000, 1_000_000, 376_555, 'fixture line 1, invoice 2: 50% of 20,000.00'],
    [1_234_567, 0, 3333, 411_481, 411_481, '1,234,567 × 3,333 / 10,000 = 411,481.1811 → 411,481'],
    [12_345, 0, 5000, 6_173, 6_173, '12,345 × 50% = 6,172.5 → 6,173 (half away from zero)'],
    [3_500_000, 1_900_000, 5000, 1_750_000, -150_000, 'below what was billed: a negative E (correction)'],
    [100_000, 0, 10_000, 100_000, 100_000, '100%'],
    [0, 0, 5000, 0, 0, 'C = 0'],
  ])('C %i, D %i, %i bps → %i / E %i (%s)', (c, d, bps, cumulative, e) => {
    expect(entryFromPercentComplete(c, d, bps)).toEqual({ workCompletedToDateCents: cumulative, workCompletedThisPeriodCents: e });
  });
});

describe('qtyFromPercentComplete: cumulative qty = round(scheduled qty × pct), this period = cumulative − previous', () => {
  it.each([
    // [scheduled qty, previous qty, pct bps, cumulative, this period, arithmetic] (qty in ten-thousandths)
    [1_000_000, 0, 2500, 250_000, 250_000, '100 TON × 25% = 25.0000 TON'],
    [1_000_000, 125_000, 5000, 500_000, 375_000, '100 × 50% = 50; 50 − 12.5 previous = 37.5'],
    [333_333, 0, 5000, 166_667, 166_667, '33.3333 × 50% = 16.66665 → 16.6667 (half away from zero)'],
    [1_000_000, 600_000, 5000, 500_000, -100_000, 'below what was billed: a negative quantity (correction)'],
  ])('qty %i, previous %i, %i bps → %i / %i (%s)', (qty, prev, bps, cumulative, thisPeriod) => {
    expect(qtyFromPercentComplete(qty, prev, bps)).toEqual({ workQtyToDate: cumulative, workQtyThisPeriod: thisPeriod });
  });
});

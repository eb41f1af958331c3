import { describe, expect, it } from 'vitest';
import { releaseFigures } from './release-figures';

describe('releaseFigures', () => {
  it('held before = still held (I) + released on this invoice, summed over lines', () => {
    const line = (retainageCents: number, retainageReleasedThisPeriodCents: number) => ({ retainageCents, retainageReleasedThisPeriodCents });
    // line 1 held 450.00 of which 100.00 released here; line 2 held 500.01 all released; line 3 none
    const f = releaseFigures({ lines: [line(35_000, 10_000), line(0, 50_001), line(0, 0)] as never });
    expect(f).toEqual({ heldBeforeCents: 95_001, releasedHereCents: 60_001, stillHeldCents: 35_000 });
  });
});

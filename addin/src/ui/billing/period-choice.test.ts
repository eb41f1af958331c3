import { describe, expect, it } from 'vitest';
import { defaultPeriodId } from './period-choice';

const p = (id: string, start: string, end: string, invoiceCount: number) => ({ id, start, end, invoiceCount });
const periods = [p('jan', '2026-01-01', '2026-01-31', 2), p('feb', '2026-02-01', '2026-02-28', 1), p('mar', '2026-03-01', '2026-03-31', 0)];

describe('defaultPeriodId', () => {
  it("opens on today's period when it has invoices", () => expect(defaultPeriodId(periods, '2026-01-15')).toBe('jan'));
  it('else on the latest period with invoices', () => expect(defaultPeriodId(periods, '2026-03-10')).toBe('feb'));
  it("else today's, else the latest, else none", () => {
    const empty = periods.map((x) => ({ ...x, invoiceCount: 0 }));
    expect(defaultPeriodId(empty, '2026-02-10')).toBe('feb');
    expect(defaultPeriodId(empty, '2027-01-01')).toBe('mar');
    expect(defaultPeriodId([], '2027-01-01')).toBeNull();
  });
});

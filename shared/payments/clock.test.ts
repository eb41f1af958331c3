import { describe, expect, it } from 'vitest';
import { agingBucket, daysBetween, daysPastDue, dueOn } from './clock';

describe('payment clock', () => {
  it('counts calendar days across months, leap days and the end of the year', () => {
    expect(daysBetween('2027-01-31', '2027-03-01')).toBe(29);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-12-31', '2028-01-01')).toBe(1);
    expect(daysBetween('2027-03-01', '2027-01-31')).toBe(-29);
  });

  it('is due the submission day plus the terms, and not at all before submission', () => {
    expect(dueOn('2027-01-15', 30)).toBe('2027-02-14');
    expect(dueOn('2027-01-31', 28)).toBe('2027-02-28');
    expect(dueOn(null, 30)).toBeNull();
  });

  it('puts each day past due in its bucket, with the edges where the buckets say', () => {
    const cases: Array<[string, string]> = [
      ['2027-02-14', 'current'],
      ['2027-02-15', 'd1_30'],
      ['2027-03-16', 'd1_30'],
      ['2027-03-17', 'd31_60'],
      ['2027-04-15', 'd31_60'],
      ['2027-04-16', 'd61_90'],
      ['2027-05-15', 'd61_90'],
      ['2027-05-16', 'd90_plus'],
    ];
    for (const [asOf, bucket] of cases) expect([asOf, agingBucket(daysPastDue('2027-02-14', asOf))]).toEqual([asOf, bucket]);
    expect(daysPastDue(null, '2030-01-01')).toBe(0);
    expect(daysPastDue('2027-02-14', '2027-01-01')).toBe(0);
  });
});

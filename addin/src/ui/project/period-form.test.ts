import { describe, expect, it } from 'vitest';
import { emptyPeriodForm, periodBody } from './period-form';

describe('new billing periods form', () => {
  it('monthly from Jan 31: 3 periods ending the day before the next start, due 10 days after', () => {
    const r = periodBody({ ...emptyPeriodForm('2027-01-01'), count: '3', dueDays: '10' });
    expect(r.ok && r.body).toEqual({ schedule: 'monthly', start: '2027-01-01', count: 3, dueDaysAfterEnd: 10 });
    expect(r.ok && r.planned).toEqual([
      { start: '2027-01-01', end: '2027-01-31', due: '2027-02-10' },
      { start: '2027-02-01', end: '2027-02-28', due: '2027-03-10' },
      { start: '2027-03-01', end: '2027-03-31', due: '2027-04-10' },
    ]);
  });

  it('weekly: 7-day periods', () => {
    const r = periodBody({ ...emptyPeriodForm('2027-03-01'), frequency: 'weekly', count: '2' });
    expect(r.ok && r.planned).toEqual([
      { start: '2027-03-01', end: '2027-03-07', due: '2027-03-07' },
      { start: '2027-03-08', end: '2027-03-14', due: '2027-03-14' },
    ]);
  });

  it('manual: the three dates as typed', () => {
    const r = periodBody({ ...emptyPeriodForm('2027-05-01'), mode: 'manual', end: '2027-05-20', due: '2027-06-05' });
    expect(r.ok && r.body).toEqual({ schedule: 'manual', start: '2027-05-01', end: '2027-05-20', due: '2027-06-05' });
  });

  it('names each wrong field', () => {
    expect(periodBody({ ...emptyPeriodForm(''), count: '0', dueDays: '1.5' })).toEqual({
      ok: false,
      problems: { start: 'required', count: 'count', dueDays: 'due_days' },
    });
    expect(periodBody({ ...emptyPeriodForm('2027-05-10'), count: '121' })).toEqual({ ok: false, problems: { count: 'count' } });
    expect(periodBody({ ...emptyPeriodForm('2027-05-10'), mode: 'manual', end: '2027-05-09', due: '2027-05-01' })).toEqual({
      ok: false,
      problems: { end: 'end_before_start', due: 'due_before_start' },
    });
    expect(periodBody({ ...emptyPeriodForm('2027-02-30'), mode: 'manual', end: '', due: '2027-03-01' })).toEqual({
      ok: false,
      problems: { start: 'required', end: 'required' },
    });
    expect(periodBody({ ...emptyPeriodForm('2027-13-01'), count: '1' })).toEqual({ ok: false, problems: { start: 'required' } });
  });
});

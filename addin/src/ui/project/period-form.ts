// The "New billing periods" form's values → the API body (shared/api/projects.ts
// ZCreateBillingPeriods), checked in the pane first so each wrong field gets its own message, and
// the periods it will create (the same plan the worker stores: shared/billing-periods.ts).
import { planPeriods, type PlannedPeriod } from '@shared/billing-periods';
import type { TCreateBillingPeriods } from '@shared/api/projects';

export type PeriodFormValues = {
  mode: 'automatic' | 'manual';
  frequency: 'monthly' | 'weekly';
  /** YYYY-MM-DD (an <input type="date">) or '' */
  start: string;
  count: string;
  dueDays: string;
  end: string;
  due: string;
};
export type PeriodField = keyof PeriodFormValues;
export type PeriodProblem = 'required' | 'end_before_start' | 'due_before_start' | 'count' | 'due_days';

export const emptyPeriodForm = (start = ''): PeriodFormValues => ({
  mode: 'automatic',
  frequency: 'monthly',
  start,
  count: '12',
  dueDays: '0',
  end: '',
  due: '',
});

function isDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** a whole number typed in a text box, within bounds; null otherwise */
function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

export function periodBody(
  v: PeriodFormValues,
): { ok: true; body: TCreateBillingPeriods; planned: PlannedPeriod[] } | { ok: false; problems: Partial<Record<PeriodField, PeriodProblem>> } {
  const problems: Partial<Record<PeriodField, PeriodProblem>> = {};
  if (!isDate(v.start)) problems.start = 'required';
  let body: TCreateBillingPeriods | null = null;
  if (v.mode === 'manual') {
    if (!isDate(v.end)) problems.end = 'required';
    else if (isDate(v.start) && v.end < v.start) problems.end = 'end_before_start';
    if (!isDate(v.due)) problems.due = 'required';
    else if (isDate(v.start) && v.due < v.start) problems.due = 'due_before_start';
    body = { schedule: 'manual', start: v.start, end: v.end, due: v.due };
  } else {
    const count = wholeNumber(v.count, 1, 120);
    const dueDaysAfterEnd = wholeNumber(v.dueDays, 0, 120);
    if (count === null) problems.count = 'count';
    if (dueDaysAfterEnd === null) problems.dueDays = 'due_days';
    body = { schedule: v.frequency, start: v.start, count: count ?? 1, dueDaysAfterEnd: dueDaysAfterEnd ?? 0 };
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, body, planned: planPeriods(body) };
}

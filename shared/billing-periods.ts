// The billing periods a request creates, planned the same way by the worker (which stores them,
// worker/src/services/billing-periods/create-billing-periods.ts) and the task pane (which shows
// them before the user confirms, addin/src/ui/project/period-form.ts).
import type { TCreateBillingPeriods } from './api/projects';
import { addDays, addMonths } from './dates';

export type PlannedPeriod = { start: string; end: string; due: string };

/** Manual (from, to, due) or automatic (monthly/weekly from a start date, `count` periods). */
export function planPeriods(input: TCreateBillingPeriods): PlannedPeriod[] {
  if (input.schedule === 'manual') return [{ start: input.start, end: input.end, due: input.due }];
  const out: PlannedPeriod[] = [];
  for (let i = 0; i < input.count; i++) {
    const start = input.schedule === 'monthly' ? addMonths(input.start, i) : addDays(input.start, 7 * i);
    const end = addDays(input.schedule === 'monthly' ? addMonths(input.start, i + 1) : addDays(input.start, 7 * (i + 1)), -1);
    out.push({ start, end, due: addDays(end, input.dueDaysAfterEnd) });
  }
  return out;
}

import { addDays } from '../dates';

// When an invoice's payment is due and how late it is. One definition for aging, reminders,
// the invoice's "days past due" and the prompt-payment warnings (docs/get-paid.md).

/** Aging buckets, in days past due. "current" = not yet due (or due today). */
export const agingBuckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

/** Whole days from a to b (YYYY-MM-DD, UTC calendar days); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day payment is due: the submission day plus the contract's payment terms. null while never submitted. */
export function dueOn(submittedOn: string | null, paymentTermsDays: number): string | null {
  return submittedOn ? addDays(submittedOn, paymentTermsDays) : null;
}

/** Days past due on asOf (0 when not yet due, or never submitted). */
export function daysPastDue(due: string | null, asOf: string): number {
  return due ? Math.max(0, daysBetween(due, asOf)) : 0;
}

/** The bucket an open balance falls in on asOf. */
export function agingBucket(daysLate: number): AgingBucket {
  if (daysLate <= 0) return 'current';
  if (daysLate <= 30) return 'd1_30';
  if (daysLate <= 60) return 'd31_60';
  if (daysLate <= 90) return 'd61_90';
  return 'd90_plus';
}

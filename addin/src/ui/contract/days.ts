// A number of days typed in the pane (payment terms, reminder cadence) ↔ the API's whole days
// (shared/api/contracts.ts: terms 1–365, cadence 1–90). Checked in the pane so the user reads the
// reason in their language; the server checks again and its sentence lands on the same field.

export type DaysProblem = 'required' | 'not_whole' | 'range';
export type DaysParse = { ok: true; days: number } | { ok: false; problem: DaysProblem };

export const PAYMENT_TERMS_DAYS = { min: 1, max: 365 } as const;
export const REMINDER_CADENCE_DAYS = { min: 1, max: 90 } as const;

/** "30", " 45 " → 30, 45; "30.5", "3O", "-1" are not whole days; 0 or 366 is out of range. */
export function parseDays(text: string, range: { min: number; max: number }): DaysParse {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return { ok: false, problem: 'required' };
  if (!/^\d+$/.test(t)) return { ok: false, problem: 'not_whole' };
  // more digits than any allowed value would be a huge number: out of range, not "not a number"
  const days = t.length > 6 ? Number.POSITIVE_INFINITY : Number(t);
  if (days < range.min || days > range.max) return { ok: false, problem: 'range' };
  return { ok: true, days };
}

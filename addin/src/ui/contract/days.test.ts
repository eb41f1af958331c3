import { describe, expect, it } from 'vitest';
import { PAYMENT_TERMS_DAYS, parseDays, REMINDER_CADENCE_DAYS } from './days';

describe('days typed in the pane', () => {
  it.each([
    ['30', PAYMENT_TERMS_DAYS, { ok: true, days: 30 }],
    [' 1 ', PAYMENT_TERMS_DAYS, { ok: true, days: 1 }],
    ['365', PAYMENT_TERMS_DAYS, { ok: true, days: 365 }],
    ['366', PAYMENT_TERMS_DAYS, { ok: false, problem: 'range' }],
    ['0', PAYMENT_TERMS_DAYS, { ok: false, problem: 'range' }],
    ['90', REMINDER_CADENCE_DAYS, { ok: true, days: 90 }],
    ['91', REMINDER_CADENCE_DAYS, { ok: false, problem: 'range' }],
    ['99999999999999999999', REMINDER_CADENCE_DAYS, { ok: false, problem: 'range' }],
    ['', PAYMENT_TERMS_DAYS, { ok: false, problem: 'required' }],
    ['7.5', REMINDER_CADENCE_DAYS, { ok: false, problem: 'not_whole' }],
    ['-7', REMINDER_CADENCE_DAYS, { ok: false, problem: 'not_whole' }],
    ['3O', PAYMENT_TERMS_DAYS, { ok: false, problem: 'not_whole' }],
  ] as const)('%j → %j', (text, range, expected) => expect(parseDays(text, range)).toEqual(expected));
});

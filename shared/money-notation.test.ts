// Numbers written as text in Spanish and French notation go through the same parser as English
// (shared/money.ts): the same grouping-by-three, decimals and sign rules, only the separators differ.
import { describe, expect, it } from 'vitest';
import { parseMoneyInput, parsePercentInput, parseQtyInput, parseUnitPriceInput } from './money';

const cents = (v: unknown, locale?: string) => {
  const r = parseMoneyInput(v, { locale });
  return r.ok ? r.cents : r.code;
};

describe('input notation by locale', () => {
  it('reads 1.234,50 (es) and 1 234,50 (fr, any space) as 1,234.50 (en)', () => {
    expect([cents('1,234.50'), cents('1.234,50', 'es'), cents('1 234,50', 'fr'), cents('1\u00a0234,50', 'fr'), cents('1\u202f234,50', 'fr')]).toEqual([
      123450, 123450, 123450, 123450, 123450,
    ]);
    expect([cents('-1.234,56 $', 'es'), cents('(1 234,56 $)', 'fr'), cents('12,5', 'es')]).toEqual([-123456, -123456, 1250]);
  });

  it('keeps every rule: grouping by three, at most 2 decimals, no mixing notations', () => {
    expect([cents('1.234,50'), cents('12,34', 'fr'), cents('1.23,4', 'es'), cents('1,234.50', 'es'), cents('1.234,567', 'es')]).toEqual([
      'NOT_A_NUMBER',
      1234,
      'NOT_A_NUMBER',
      'NOT_A_NUMBER',
      'TOO_MANY_DECIMALS',
    ]);
    // a number cell is read by its value whatever the locale
    expect(cents(1234.5, 'es')).toBe(123450);
  });

  it('applies to quantities, unit prices and percentages', () => {
    expect(parseQtyInput('1.234,5678', { locale: 'es' })).toEqual({ ok: true, qty: 12_345_678 });
    expect(parseUnitPriceInput('45,10 $', { locale: 'fr' })).toEqual({ ok: true, qty: 451_000 });
    expect(parsePercentInput('7,5 %', { locale: 'fr' })).toEqual({ ok: true, bps: 750 });
  });
});

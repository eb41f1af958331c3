import { describe, expect, it } from 'vitest';
import { formatCents } from '@shared/money';
import { parseLocaleMoney, separatorsOf } from './locale-amount';

const cents = (text: string, locale: 'en' | 'es' | 'fr') => {
  const r = parseLocaleMoney(text, locale);
  return r.ok ? r.cents : r.code;
};

describe('parseLocaleMoney', () => {
  it('reads each language the way it writes money', () => {
    expect(cents('1,234.56', 'en')).toBe(123456);
    expect(cents('$1,234.56', 'en')).toBe(123456);
    expect(cents('1.234,56', 'es')).toBe(123456);
    expect(cents('1.234,56 €', 'es')).toBe(123456);
    expect(cents('1234,5', 'es')).toBe(123450);
    expect(cents('1 234,56', 'fr')).toBe(123456);
    expect(cents('1\u202f234,56', 'fr')).toBe(123456);
    expect(cents('1\u00a0234\u00a0567,89 €', 'fr')).toBe(123456789);
  });

  it('keeps negatives (deductive change orders), also in accounting parentheses', () => {
    expect(cents('-2,500', 'en')).toBe(-250000);
    expect(cents('(2,500.00)', 'en')).toBe(-250000);
    expect(cents('-2.500', 'es')).toBe(-250000);
    expect(cents('(2 500,00)', 'fr')).toBe(-250000);
  });

  it('refuses what is ambiguous or malformed in that language, with the shared codes', () => {
    expect(cents('1234.56', 'es')).toBe('NOT_A_NUMBER'); // a point is not the Spanish decimal mark
    expect(cents('1.234.56', 'fr')).toBe('NOT_A_NUMBER');
    expect(cents('12,34', 'en')).toBe('NOT_A_NUMBER'); // grouping by three only
    expect(cents('1,234,5', 'es')).toBe('NOT_A_NUMBER'); // two decimal marks
    expect(cents('1,234', 'es')).toBe('TOO_MANY_DECIMALS');
    expect(cents('', 'fr')).toBe('EMPTY');
    expect(cents('abc', 'en')).toBe('NOT_A_NUMBER');
    const r = parseLocaleMoney('1.234.56', 'fr');
    expect(r.ok ? '' : r.message).toBe("'1.234.56' is not an amount");
  });

  it('reads back what formatCents writes for each language', () => {
    for (const locale of ['en', 'es', 'fr'] as const) {
      for (const n of [0, 5, 123456, -98765432, 100000000]) expect(cents(formatCents(n, locale), locale)).toBe(n);
    }
    expect(separatorsOf('es').decimal).toBe(',');
  });
});

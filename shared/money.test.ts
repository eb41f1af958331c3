import { describe, expect, it } from 'vitest';
import {
  amountForQty,
  applyBps,
  dollarsToCents,
  formatCents,
  formatMoney,
  formatQty,
  parseMoneyInput,
  parsePercentInput,
  parseQtyInput,
  percentDisplay,
  roundDiv,
} from './money';

describe('roundDiv: half away from zero', () => {
  it.each([
    // [numerator, denominator, expected, arithmetic]
    [62344500n, 100000n, 623n, '623.445 → 623 (only the integer part: .445 < .5)'],
    [6234450n, 10000n, 623n, '623.445 → 623'],
    [62344500n, 1000n, 62345n, '62344.5 → 62345 (the fixture trap 623.445 → 623.45)'],
    [103456500n, 1000n, 103457n, '103456.5 → 103457 (1034.565 → 1034.57)'],
    [12500500n, 1000n, 12501n, '12500.5 → 12501 (125.005 → 125.01)'],
    [-5n, 10n, -1n, '−0.5 → −1 (−0.005 → −0.01 in cents)'],
    [5n, -10n, -1n, '5 / −10 = −0.5 → −1'],
    [-5n, -10n, 1n, '−5 / −10 = 0.5 → 1'],
    [-4n, 10n, 0n, '−0.4 → 0'],
    [4n, 10n, 0n, '0.4 → 0'],
    [15n, 10n, 2n, '1.5 → 2 (banker would give 2 too)'],
    [25n, 10n, 3n, '2.5 → 3 (banker would give 2)'],
    [-25n, 10n, -3n, '−2.5 → −3'],
    [7n, 3n, 2n, '2.333… → 2'],
    [-7n, 3n, -2n, '−2.333… → −2'],
    [0n, 7n, 0n, '0'],
  ])('%s / %s = %s  (%s)', (n, d, expected) => {
    expect(roundDiv(n, d)).toBe(expected);
  });

  it('refuses division by zero', () => {
    expect(() => roundDiv(1n, 0n)).toThrow(/division by zero/);
  });
});

describe('applyBps: round(cents × bps / 10 000)', () => {
  it.each([
    [623445, 1000, 62345, '623445 × 10% = 62344.5 → 62345 (623.445 → 623.45)'],
    [1034565, 1000, 103457, '1034565 × 10% = 103456.5 → 103457 (1,034.565 → 1,034.57)'],
    [250010, 500, 12501, '250010 × 5% = 12500.5 → 12501 (125.005 → 125.01)'],
    [-5, 1000, -1, '−5 × 10% = −0.5 → −1 (−0.005 → −0.01)'],
    [-4, 1000, 0, '−0.4 → 0'],
    [1658010, 1000, 165801, 'rate × total: 165801.0 (per-line sum is 165802)'],
    [Number.MAX_SAFE_INTEGER, 1, 900719925474, '2^53−1 × 1 / 10000 = 900719925474.0991 (BigInt, no precision loss)'],
    [12345, 0, 0, '0% → 0'],
  ])('applyBps(%i, %i) = %i  (%s)', (cents, bps, expected) => {
    expect(applyBps(cents, bps)).toBe(expected);
  });

  it('rejects non-integers', () => {
    expect(() => applyBps(1.5, 1000)).toThrow(/safe integer/);
  });
});

describe('amountForQty: round(qty × price / 10^6)', () => {
  it.each([
    // qty in 1/10 000 unit, price in 1/10 000 dollar
    [12_5000, 10_0000, 12500, '12.5 units × $10.00 = $125.00 = 12500 ¢'],
    [1, 1, 0, '0.0001 × $0.0001 = 1e-8 $ → 0 ¢'],
    [3_3333, 1_5000, 500, '3.3333 × $1.5 = $4.99995 = 499.995 ¢ → 500 ¢'],
    [1_0000, 12_3450, 1235, '1 × $12.345 = 1234.5 ¢ → 1235 ¢'],
    [-1_0000, 12_3450, -1235, '−1 × $12.345 = −1234.5 ¢ → −1235 ¢'],
    [1_000_000_0000, 9_999_999_9999, 999999999990000, '1e6 units × $999,999.9999: product 9.999…e19 > 2^53, exact in BigInt'],
  ])('amountForQty(%i, %i) = %i  (%s)', (qty, price, expected) => {
    expect(amountForQty(qty, price)).toBe(expected);
  });
});

describe('percentDisplay: G ÷ C, 2 decimals half away from zero', () => {
  it.each([
    [623445, 2000000, '31.17', '31.17225 → 31.17'],
    [1284575, 3500000, '36.70', '36.7021… → 36.70'],
    [1900000, 3500000, '54.29', '54.2857… → 54.29'],
    [2000000, 4800000, '41.67', '41.6666… → 41.67'],
    [1, 8, '12.50', '12.5 exactly'],
    [1, 80000, '0.00', '0.00125 → 0.00'],
    [1, 40000, '0.00', '0.0025 → 0.00'],
    [1, 20000, '0.01', '0.005 → 0.01 (half away from zero)'],
    [-1, 20000, '-0.01', '−0.005 → −0.01'],
    [35500, 35000, '101.43', 'overbilled: 101.428… → 101.43'],
    [5, 0, '0.00', 'C = 0 → 0.00'],
  ])('percentDisplay(%i, %i) = %s  (%s)', (part, whole, expected) => {
    expect(percentDisplay(part, whole)).toBe(expected);
  });
});

describe('formatCents / formatQty', () => {
  it.each([
    [123456, 'en', '1,234.56'],
    [-1, 'en', '-0.01'],
    [0, 'en', '0.00'],
    [5, 'en', '0.05'],
    [-123456789, 'en', '-1,234,567.89'],
    [Number.MAX_SAFE_INTEGER, 'en', '90,071,992,547,409.91'],
    [123456, 'es', '1.234,56'],
    [123456, 'fr', '1\u202f234,56'],
    [123456, 'en-US', '1,234.56'],
    [123456, 'de', '1,234.56'], // not a product language: English
  ])('formatCents(%i, %s) = %s', (cents, locale, expected) => {
    expect(formatCents(cents, locale)).toBe(expected);
  });

  it('defaults to English', () => expect(formatCents(3550000)).toBe('35,500.00'));

  it.each([
    [123456, 'en', '$1,234.56'],
    [-1, 'en', '-$0.01'],
    [123456, 'es', '1.234,56 $'],
    [-123456, 'es', '-1.234,56 $'],
    [123456, 'fr', '1\u202f234,56 $'],
    [123456, 'en-US', '$1,234.56'],
    [123456, 'de', '$1,234.56'], // not a product language: English
  ])('formatMoney(%i, %s) = %s', (cents, locale, expected) => {
    expect(formatMoney(cents, locale)).toBe(expected);
  });

  it.each([
    [10505000, '1,050.5'],
    [10000000, '1,000'],
    [1, '0.0001'],
    [-25000, '-2.5'],
    [0, '0'],
  ])('formatQty(%i) = %s', (qty, expected) => expect(formatQty(qty)).toBe(expected));
});

describe('parseMoneyInput', () => {
  it.each([
    // [input, cents, how]
    [1234.56, 123456, 'String(1234.56) = "1234.56"'],
    [0.07, 7, 'String(0.07) = "0.07" (0.07 × 100 would be 7.000000000000001)'],
    [1.1, 110, '"1.1"'],
    [-0, 0, 'String(-0) = "0"'],
    [1e21 / 1e10, 10000000000000, '1e11 dollars = 1e13 cents'],
    [1.5e-1, 15, '"0.15"'],
    [1e3, 100000, '"1000"'],
    ['1,234.56', 123456, 'thousands separator'],
    ['$1,234.56', 123456, 'currency sign'],
    ['(1,234.56)', -123456, 'accounting negative'],
    ['($1,234.56)', -123456, 'accounting negative with $'],
    ['-5', -500, 'minus'],
    ['-$5', -500, 'minus before $'],
    ['$-5', -500, 'minus after $'],
    ['+5', 500, 'explicit plus'],
    [' 12 ', 1200, 'trimmed'],
    ['.5', 50, 'no integer digits'],
    ['5.', 500, 'trailing point'],
    ['1.230', 123, 'a trailing zero is not a third decimal'],
    ['1234567', 123456700, 'no separators'],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER, 'exactly MAX_SAFE_INTEGER cents'],
  ])('%j → %i cents (%s)', (input, cents, _how) => {
    expect(parseMoneyInput(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ['12,34x', 'NOT_A_NUMBER', "'12,34x' is not an amount"],
    ['12,34', 'NOT_A_NUMBER', "'12,34' is not an amount"],
    ['-', 'NOT_A_NUMBER', "'-' is not an amount"],
    ['$', 'NOT_A_NUMBER', "'$' is not an amount"],
    ['(-5)', 'NOT_A_NUMBER', "'(-5)' is not an amount"],
    ['--5', 'NOT_A_NUMBER', "'--5' is not an amount"],
    ['1e3', 'NOT_A_NUMBER', "'1e3' is not an amount"],
    ['5%', 'NOT_A_NUMBER', "'5%' is not an amount"],
    ['', 'EMPTY', 'The cell is empty; enter an amount'],
    ['   ', 'EMPTY', 'The cell is empty; enter an amount'],
    [null, 'EMPTY', 'The cell is empty; enter an amount'],
    [undefined, 'EMPTY', 'The cell is empty; enter an amount'],
    [true, 'NOT_A_NUMBER', "'true' is not an amount"],
    ['1.234', 'TOO_MANY_DECIMALS', '1.234 has more than 2 decimals; amounts are in cents'],
    [1.234, 'TOO_MANY_DECIMALS', '1.234 has more than 2 decimals; amounts are in cents'],
    [0.1 + 0.2, 'TOO_MANY_DECIMALS', '0.30000000000000004 has more than 2 decimals; amounts are in cents'],
    [1e-7, 'TOO_MANY_DECIMALS', '1e-7 has more than 2 decimals; amounts are in cents'],
    [1.5e21, 'OUT_OF_RANGE', '1.5e+21 is too large to be an amount'],
    [-1.5e21, 'OUT_OF_RANGE', '-1.5e+21 is too large to be an amount'],
    ['90071992547409.92', 'OUT_OF_RANGE', '90071992547409.92 is too large to be an amount'],
    [Infinity, 'OUT_OF_RANGE', 'Infinity is too large to be an amount'],
    [NaN, 'NOT_A_NUMBER', 'NaN is not an amount'],
  ])('%j → %s', (input, code, message) => {
    expect(parseMoneyInput(input)).toEqual({ ok: false, code, message });
  });

  it('1e20 (String gives "100000000000000000000") is out of range, not rounded', () => {
    expect(parseMoneyInput(1e20)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
  });
});

describe('parseQtyInput (ten-thousandths)', () => {
  it.each([
    [12.5, 125000],
    ['1,250.1234', 12501234],
    ['-0.0001', -1],
    [1e-4, 1], // String(1e-4) = "0.0001"
  ])('%j → %i', (input, qty) => expect(parseQtyInput(input)).toEqual({ ok: true, qty }));

  it.each([
    [1.23456, 'TOO_MANY_DECIMALS', '1.23456 has more than 4 decimals; quantities are in ten-thousandths of a unit'],
    [1e-5, 'TOO_MANY_DECIMALS', '0.00001 has more than 4 decimals; quantities are in ten-thousandths of a unit'],
    // float noise is reported, never rounded: 1e-7 × 1e3 = 0.00009999999999999999
    [1e-7 * 1e3, 'TOO_MANY_DECIMALS', '0.00009999999999999999 has more than 4 decimals; quantities are in ten-thousandths of a unit'],
    ['$5', 'NOT_A_NUMBER', "'$5' is not a quantity"],
    ['', 'EMPTY', 'The cell is empty; enter a quantity'],
  ])('%j → %s', (input, code, message) => expect(parseQtyInput(input)).toEqual({ ok: false, code, message }));
});

describe('parsePercentInput (basis points)', () => {
  it.each([
    [45.5, undefined, 4550, '45.5% = 4550 bps'],
    ['45.5%', undefined, 4550, 'with the % sign'],
    [' 45.5 % ', undefined, 4550, 'spaces'],
    ['100', undefined, 10000, '100%'],
    [105, undefined, 10500, 'above 100 is left to the overbilling check'],
    [0.455, { isFraction: true }, 4550, 'a %-formatted cell holds 0.455'],
    [0, undefined, 0, 'zero'],
  ])('%j %j → %i (%s)', (input, options, bps, _how) => {
    expect(parsePercentInput(input, options)).toEqual({ ok: true, bps });
  });

  it.each([
    [45.555, 'TOO_MANY_DECIMALS', '45.555 has more than 2 decimals; percentages take at most 2 decimals (45.55%)'],
    ['-5%', 'OUT_OF_RANGE', '-5% is negative; a percentage cannot be below 0'],
    ['$5', 'NOT_A_NUMBER', "'$5' is not a percentage"],
    ['%', 'NOT_A_NUMBER', "'%' is not a percentage"],
  ])('%j → %s', (input, code, message) => expect(parsePercentInput(input)).toEqual({ ok: false, code, message }));
});

describe('dollarsToCents (CSV fixture values)', () => {
  it.each([
    ['354563.00', 35456300],
    ['429002.99', 42900299],
    ['0.5', 50],
  ])('%s → %i', (text, cents) => expect(dollarsToCents(text)).toBe(cents));

  it('throws on bad data', () => expect(() => dollarsToCents('12.345')).toThrow(/more than 2 decimals/));
});

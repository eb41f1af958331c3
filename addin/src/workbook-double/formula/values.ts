// Excel's value rules for the double's formula engine: coercion, comparison, addition near zero,
// and ROUND. Each rule names its source.

import { CellError, type Operand, type Value } from './ast';

export const VALUE = CellError.of('#VALUE!');
export const DIV0 = CellError.of('#DIV/0!');
export const REF = CellError.of('#REF!');
export const NAME = CellError.of('#NAME?');

/** Thrown for a value the engine will not guess at (e.g. a date typed as text); the engine names the cell. */
export class ValueRefusal extends Error {}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_OR_TIME = /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$|^\d{1,2}:\d{2}/;

/**
 * Text used where a number is needed: Excel converts text "in a format that would normally be
 * accepted for a number" ("1", " 2.5 ", "5%", "$3") and gives #VALUE! for other text
 * ("Correct a #VALUE! error", https://support.microsoft.com/office/how-to-correct-a-value-error-15e1b616-fbf2-4147-9c0b-0a11a20e409e;
 * the formula ="1"+"2" is 3 in "Calculation operators and precedence in Excel"). Dates and
 * times typed as text would become serial numbers in Excel; the double refuses them.
 */
export function textToNumber(text: string): number | CellError {
  let t = text.trim();
  if (t === '') return VALUE; // ="" + 1 is #VALUE! in Excel (HyperFormula says 0; Excel is modelled)
  let scale = 1;
  if (t.endsWith('%')) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  if (t.startsWith('$')) t = t.slice(1);
  else if (t.startsWith('-$')) t = `-${t.slice(2)}`;
  if (NUMERIC.test(t)) return Number(t) * scale;
  if (DATE_OR_TIME.test(text.trim())) throw new ValueRefusal(`the text "${text}" would be a date or time in Excel; the double does not convert dates`);
  return VALUE;
}

/** An operand of + - * / ^ %: empty is 0, TRUE/FALSE are 1/0, numeric text converts, errors pass through. */
export function toNumber(v: Operand): number | CellError {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return textToNumber(v);
  return v;
}

/** An operand of &: numbers as Excel's General format shows them (15 significant digits). */
export function toText(v: Operand): string | CellError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15))).toUpperCase();
  return v;
}

// "Floating-point arithmetic may give inaccurate results in Excel"
// (https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result):
// Excel keeps 15 significant digits, and since Excel 97 an addition or subtraction whose result is
// at or very near zero is corrected to 0 (the binary error of its operands is compensated).
// HyperFormula, which the double used before, does the same with a relative epsilon of 1e-13
// (its precisionEpsilon default); the same rule is kept so sheet figures did not move.
const EPSILON = 1e-13;

export function add(a: number, b: number): number {
  const r = a + b;
  return Math.abs(r) < EPSILON * Math.abs(a) ? 0 : r;
}

export function subtract(a: number, b: number): number {
  const r = a - b;
  return Math.abs(r) < EPSILON * Math.abs(a) ? 0 : r;
}

/**
 * ROUND: "rounds a number to a specified number of digits"; digits > 0 are decimal places, 0 the
 * nearest integer, < 0 left of the decimal point (https://support.microsoft.com/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c);
 * a half rounds away from zero (=ROUND(-2.5,0) is -3; the same page's examples: =ROUND(-1.475, 2)
 * is -1.48). Excel rounds the number it shows, 15 significant digits (floating-point article
 * above): =ROUND(2.675,2) is 2.68 in Excel although the double nearest 2.675 is a little below
 * it, and =ROUND(12.345*100,0) is 1235. (HyperFormula rounded the binary value: 2.67 and 1234.)
 */
export function round(x: number, digits: number): number {
  const d = Math.trunc(digits);
  if (x === 0 || !Number.isFinite(x)) return x;
  if (d > 15) return x;
  // Away from a half the 15-digit view cannot change the nearest integer: round directly.
  const s = Math.abs(x) * 10 ** d;
  const frac = s - Math.floor(s);
  if (d >= 0 && Math.abs(frac - 0.5) > 1e-12 * Math.max(1, s)) {
    const r = Math.floor(s + 0.5) / 10 ** d;
    return x < 0 ? -r : r;
  }
  const a = Number(Math.abs(x).toPrecision(15));
  const scaled = Number((d >= 0 ? a * 10 ** d : a / 10 ** -d).toPrecision(15));
  const whole = Math.floor(scaled + 0.5);
  const r = d >= 0 ? whole / 10 ** d : whole * 10 ** -d;
  return x < 0 ? -r : r;
}

/**
 * Comparison (= <> < > <= >=): numbers sort before text, text before logicals; text compares
 * without regard to case; an empty cell counts as 0, "" or FALSE by what it is compared with
 * ("Sort data in a range or table": numbers, then text, then logical values,
 * https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654;
 * "=" is not case-sensitive, https://support.microsoft.com/office/exact-function-d3087698-fc15-4a15-9631-12575cf29926).
 * Numbers equal to 15 digits compare equal (=0.1+0.2=0.3 is TRUE), with HyperFormula's epsilon.
 */
export function compare(a: Operand, b: Operand, op: '=' | '<>' | '<' | '>' | '<=' | '>=' = '='): number | CellError {
  if (a instanceof CellError) return a;
  if (b instanceof CellError) return b;
  if (a === null) a = b === null ? 0 : typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a as Value);
  const rb = rank(b as Value);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return numberCompare(a, b);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x === y) return 0;
    // Excel orders text by its own collation (punctuation, accents, digits within words), not by
    // character code as JavaScript's < does ("a_b"<"aB" differs), so < > <= >= of two different
    // texts are refused; "" is before any text in every order.
    if (op !== '=' && op !== '<>' && x !== '' && y !== '')
      throw new ValueRefusal(`ordering text with "${op}" ("${a}" ${op} "${b}") follows Excel's collation, which the double does not model`);
    return x < y ? -1 : 1;
  }
  return a === b ? 0 : a ? 1 : -1; // FALSE < TRUE
}

function numberCompare(a: number, b: number): number {
  const mod = 1 + EPSILON;
  if (b >= 0 && a * mod >= b && a <= b * mod) return 0;
  if (b <= 0 && a * mod <= b && a >= b * mod) return 0;
  return a > b ? 1 : -1;
}

// Integer units ↔ what a cell shows. Dividing an exact integer by 100 (or 10 000) gives the double
// nearest the decimal, the same number Excel stores when a user types "6234.45"; the way back
// goes through the number's shortest decimal string (shared/money.ts), never x × 100.

import { parseMoneyInput } from '@shared/money';

export type CellValue = string | number | boolean;

export const centsToCell = (cents: number): number => cents / 100;
export const qtyToCell = (qty: number): number => qty / 10_000;

/**
 * A computed cell (a SUM over many floats may read 2489.7100000000005) → cents, for comparing
 * the sheet with the server. toFixed(2) drops the float noise; a real third decimal cannot
 * come out of formulas that round per line. null when the cell is not a number.
 */
export function computedCellToCents(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const r = parseMoneyInput(value.toFixed(2));
  return r.ok ? r.cents : null;
}

/** Same cell content? Numbers by value, text trimmed; '' and null are both empty. */
export function sameCell(a: unknown, b: unknown): boolean {
  const na = a === null || a === undefined ? '' : typeof a === 'string' ? a.trim() : a;
  const nb = b === null || b === undefined ? '' : typeof b === 'string' ? b.trim() : b;
  if (typeof na === 'number' && typeof nb === 'number') return na === nb || (Number.isNaN(na) && Number.isNaN(nb));
  return na === nb;
}

/** The server's percentage ("31.17", hundredths of a percent) → the fraction a 0.00% cell holds (0.3117). */
export function percentToCell(display: string): number {
  const hundredths = Math.round(Number(display) * 100);
  return Number.isFinite(hundredths) ? hundredths / 10_000 : 0;
}

/**
 * A percentage cell's number (the fraction Excel stores for "25%": 0.25) → the text sent as
 * percentComplete ("25%"). The float noise of x × 100 is cut at 10 significant digits, so a
 * third decimal the user really typed (25.125%) still reaches the server and is refused there.
 */
export function cellToPercentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(10))}%`;
}

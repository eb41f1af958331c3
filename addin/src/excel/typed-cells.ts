// Excel converts what a user types before the add-in sees it: "5%" is stored as 0.05 with a
// percentage format, "1/2" as a date serial with a date format, by the user's regional settings
// (Range.values / numberFormat / text, https://learn.microsoft.com/javascript/api/excel/excel.range;
// Microsoft Support "Format numbers as percentages": typing 10% "automatically applies percentage
// formatting"; ../shared/reports/officejs.md finding 14). An amount column never holds either, so
// such a cell is refused with what Excel saw instead of saving $0.05 or $46,024.00.

import type { CellValue } from './units';

export type Converted = { as: 'percentage' | 'date'; text: string; value: number };

const literalsRemoved = (f: string) => f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');

/**
 * What Excel turned the typed text into, or null when the cell holds a plain number or text. The
 * text shown is rebuilt from the value (a percentage as Excel shows it, a date as YYYY-MM-DD from
 * the 1900 serial), so a 5,000-cell paste is read without Range.text.
 */
export function convertedAs(value: CellValue, numberFormat: string): Converted | null {
  if (typeof value !== 'number') return null;
  const f = literalsRemoved(numberFormat).replace(/General/gi, '');
  if (f.includes('%')) return { as: 'percentage', text: `${Number((value * 100).toFixed(10))}%`, value };
  if (/[dmyhs]/i.test(f)) return { as: 'date', text: new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10), value };
  return null;
}

export function convertedMessage(c: Converted): string {
  return c.as === 'percentage'
    ? `Excel read what was typed as the percentage ${c.text} (${c.value}), not an amount. Type the amount in dollars, e.g. 5000.00.`
    : `Excel read what was typed as the date ${c.text}, not an amount. Type the amount as a number, e.g. 1200.50.`;
}

// How the harness grid shows a cell: Excel's number formats the add-in uses (money with
// parentheses for negatives, quantities up to 4 decimals, percent, text). Money goes through
// integer cents and formatCents, never float arithmetic.
import { computedCellToCents } from '../src/excel/units';
import { formatCents } from '@shared/money';
import { displayText, isDateFormat } from '../src/workbook-double/typed-input';

export type Scalar = string | number | boolean;

const qty = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const general = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10, useGrouping: false });

export function formatCell(value: Scalar, numberFormat: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (numberFormat === '@') return String(value);
  // a date number (the Aging sheet's as-of and due dates) shows as the day, like Excel
  if (isDateFormat(numberFormat)) return displayText(value, numberFormat);
  if (numberFormat.includes('%')) {
    // percent columns show 2 decimals of a ratio: display only
    return `${(value * 100).toFixed(2)}%`;
  }
  if (numberFormat.startsWith('#,##0.00##')) {
    const text = qty.format(Math.abs(value));
    return value < 0 && numberFormat.includes('(') ? `(${text})` : value < 0 ? `-${text}` : text;
  }
  if (numberFormat.startsWith('#,##0.00')) {
    const cents = computedCellToCents(value);
    if (cents === null) return String(value);
    const text = formatCents(Math.abs(cents));
    return cents < 0 && numberFormat.includes('(') ? `(${text})` : cents < 0 ? `-${text}` : text;
  }
  return general.format(value);
}

/** Numbers align right, like Excel; text left. */
export function isNumeric(value: Scalar): boolean {
  return typeof value === 'number';
}

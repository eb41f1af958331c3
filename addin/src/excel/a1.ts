// A1 address helpers shared by the excel/ layer and the workbook double. Rows and columns are
// 0-based here; A1 strings are 1-based as Excel writes them.

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names are always quoted in formulas: 'G703 #3'!A1 (a quote inside is doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export type CellRef = { row: number; col: number };
export type RangeRef = { sheet: string | null; start: CellRef; end: CellRef };

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? cellA1(r0, c0) : `${cellA1(r0, c0)}:${cellA1(r1, c1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d+)$/;
/** The last row and column of a sheet, 0-based (row 1,048,576 and column XFD). */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

/**
 * Parses "A1", "B2:D9", "Sheet1!A1:B2", "'G703 #3'!E8", "C:C", "3:5" (one area). Whole columns
 * and rows expand to the sheet's limits.
 */
export function parseA1(address: string): RangeRef {
  let sheet: string | null = null;
  let rest = address.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const raw = rest.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    rest = rest.slice(bang + 1);
  }
  const [a, b = a] = rest.split(':');
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const s = { row: Number(ca[2]) - 1, col: columnIndex(ca[1]) };
    const e = { row: Number(cb[2]) - 1, col: columnIndex(cb[1]) };
    return { sheet, start: { row: Math.min(s.row, e.row), col: Math.min(s.col, e.col) }, end: { row: Math.max(s.row, e.row), col: Math.max(s.col, e.col) } };
  }
  const xa = COLS.exec(a);
  const xb = COLS.exec(b);
  if (xa && xb) {
    const c0 = columnIndex(xa[1]);
    const c1 = columnIndex(xb[1]);
    return { sheet, start: { row: 0, col: Math.min(c0, c1) }, end: { row: MAX_ROW, col: Math.max(c0, c1) } };
  }
  const ra = ROWS.exec(a);
  const rb = ROWS.exec(b);
  if (ra && rb) {
    const r0 = Number(ra[1]) - 1;
    const r1 = Number(rb[1]) - 1;
    return { sheet, start: { row: Math.min(r0, r1), col: 0 }, end: { row: Math.max(r0, r1), col: MAX_COL } };
  }
  throw new Error(`Not an A1 address: "${address}"`);
}

/** "A1:B2, D4" → each area (onChanged may report several). */
export function parseAreas(address: string): RangeRef[] {
  return address
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseA1);
}

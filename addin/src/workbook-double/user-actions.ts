// What a user (or a co-author) does to the workbook outside the add-in: sort, insert or delete
// rows, delete or rename a sheet. Each follows Excel's documented rules, so the add-in's tests meet
// the same surprises it meets in Excel.

import { parseA1 } from '../excel/a1';
import { DoubleError } from './context';
import { moveRelativeRows, parseAbsolute } from './formula/adjust';
import { FormulaRefusal } from './formula/ast';
import { printFormula } from './formula/print';
import type { Book, Cell, SheetModel } from './model';

/**
 * Shifts the relative row references of a formula by `delta` rows (what Excel does to a formula
 * whose cell moves in a sort or is filled down): the formula engine's parser reads it, so quoted
 * sheet names and text are never mistaken for references; a reference moved above row 1 is #REF!.
 */
export function shiftFormulaRows(formula: string, delta: number): string {
  if (!delta) return formula;
  try {
    return printFormula(moveRelativeRows(parseAbsolute(formula), delta));
  } catch (e) {
    if (e instanceof FormulaRefusal) throw new DoubleError('InvalidArgument', `${formula}: ${e.message}`);
    throw e;
  }
}

/**
 * Protection, as Excel applies it to what a user does: on a protected sheet a user cannot sort,
 * filter, insert or delete rows inside a table whatever the protection options say
 * ("ProtectionOptions work only outside tables", OfficeDev/office-js#2135), and outside tables
 * only what the options allow (WorksheetProtectionOptions,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
 */
export function assertUserMay(
  book: Book,
  sheet: SheetModel,
  row: number,
  what: 'allowSort' | 'allowInsertRows' | 'allowInsertColumns' | 'allowDeleteRows' | 'allowAutoFilter',
): void {
  if (!sheet.isProtected) return;
  const inTable = book.tables.some((t) => t.sheet === sheet && row >= t.box.r0 && row <= t.box.r1);
  if (inTable || !sheet.protectionOptions[what])
    throw new DoubleError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${what})`);
}

/** Sorts the rows of `address` by one of its columns (0-based within the range), as Data ▸ Sort does. */
export function sortRows(book: Book, sheet: SheetModel, address: string, byColumn: number, descending = false): void {
  const { start, end } = parseA1(address);
  assertUserMay(book, sheet, start.row, 'allowSort');
  const rows: Array<{ from: number; cells: Array<Cell | undefined> }> = [];
  for (let r = start.row; r <= end.row; r++) {
    rows.push({ from: r, cells: Array.from({ length: end.col - start.col + 1 }, (_, i) => sheet.cells.get(r * 16_384 + start.col + i)) });
  }
  const key = (r: { from: number }) => sheet.valueAt(r.from, start.col + byColumn);
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return descending ? -cmp : cmp;
  });
  sorted.forEach((r, i) => {
    const to = start.row + i;
    r.cells.forEach((c, j) => {
      const k = to * 16_384 + start.col + j;
      if (!c) sheet.cells.delete(k);
      else sheet.cells.set(k, c.formula ? { ...c, formula: shiftFormulaRows(c.formula, to - r.from) } : c);
    });
  });
  // Notes move with their cells.
  const moved = new Map(sorted.map((r, i) => [r.from, start.row + i]));
  sheet.notes = new Map(
    [...sheet.notes].map(([a, v]) => {
      const p = parseA1(a).start;
      const to = p.col >= start.col && p.col <= end.col ? moved.get(p.row) : undefined;
      return [to === undefined ? a : `${a.replace(/\d+$/, '')}${to + 1}`, v];
    }),
  );
  book.batch(() => book.mirror(sheet, { r0: start.row, c0: start.col, r1: end.row, c1: end.col }));
}

/** Inserts (count > 0) or deletes (count < 0) whole rows; tables grow or shrink around them. */
export function shiftRowsAsUser(book: Book, sheet: SheetModel, row: number, count: number): void {
  assertUserMay(book, sheet, row, count > 0 ? 'allowInsertRows' : 'allowDeleteRows');
  book.shiftRows(sheet, row, count);
}

/**
 * Inserts `count` whole columns at `col` (Home ▸ Insert ▸ Sheet Columns): "existing cells move to
 * accommodate the new empty cells" and "formulas with cell references automatically adjust"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert, Range.insert
 * with InsertShiftDirection.right). Moving a column is a cut plus this insert.
 */
export function insertColumnsAsUser(book: Book, sheet: SheetModel, col: number, count: number): void {
  assertUserMay(book, sheet, 0, 'allowInsertColumns');
  book.shiftColumns(sheet, col, count);
}

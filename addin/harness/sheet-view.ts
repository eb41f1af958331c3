// Reads the in-memory workbook for the grid, lazily: the layout (which rows and columns show, at
// what size) is computed per change, cells only for the rows on screen — a 5,000-line sheet is
// 130,000 cells, and formatting them all on every keystroke would make the harness crawl.
import { cellA1, columnLetter } from '../src/excel/a1';
import type { SheetModel } from '../src/workbook-double/model';
import type { WorkbookDouble } from '../src/workbook-double';
import { formatCell, isNumeric } from './cell-format';

/** Excel's default sizes, in points (1 pt = 4/3 px). */
const DEFAULT_ROW_PT = 15;
const DEFAULT_COL_PT = 48;
const HEADER_ROW_PT = 34;
const MIN_COLS = 8;
const MIN_ROWS = 30;
export const ptToPx = (pt: number) => Math.round((pt * 4) / 3);

export type ColumnLayout = { index: number; letter: string; width: number; left: number };
export type RowLayout = { index: number; height: number; top: number; outline: number; isHeader?: boolean };

export type SheetLayout = {
  name: string;
  columns: ColumnLayout[];
  /** frozen rows (sticky at the top) and the scrolling rows, hidden rows already left out */
  frozen: RowLayout[];
  rows: RowLayout[];
  frozenHeight: number;
  bodyHeight: number;
  totalWidth: number;
  isProtected: boolean;
  rowCount: number;
  hiddenRowCount: number;
};

export type CellView = {
  a1: string;
  text: string;
  isNumber: boolean;
  formula: string | null;
  fill: string | null;
  bold: boolean;
  /** unlocked on a protected sheet: the user may type here */
  isEditable: boolean;
  note: string | null;
};

export function sheetModel(double: WorkbookDouble, name: string): SheetModel | null {
  return double.book.sheet(name) ?? null;
}

export function layoutOf(sheet: SheetModel): SheetLayout {
  const used = sheet.used();
  const rowCount = Math.max((used?.r1 ?? -1) + 1, MIN_ROWS);
  const colCount = Math.max((used?.c1 ?? -1) + 1, MIN_COLS);
  const columns: ColumnLayout[] = [];
  let left = 0;
  for (let c = 0; c < colCount; c++) {
    if (sheet.hiddenCols.has(c)) continue;
    const width = ptToPx(sheet.colWidths.get(c) ?? DEFAULT_COL_PT);
    columns.push({ index: c, letter: columnLetter(c), width, left });
    left += width;
  }
  const frozenCount = Math.min(sheet.frozenRows, rowCount);
  const frozen: RowLayout[] = [];
  const rows: RowLayout[] = [];
  let frozenHeight = 0;
  let top = 0;
  let hiddenRowCount = 0;
  for (let r = 0; r < rowCount; r++) {
    if (sheet.isRowHidden(r)) {
      hiddenRowCount++;
      continue;
    }
    // The table's header row wraps its titles (Excel grows such a row to fit): give it three lines.
    const isHeader = r === frozenCount - 1 && frozenCount > 1;
    const height = ptToPx(sheet.rowHeights.get(r) ?? (isHeader ? HEADER_ROW_PT : DEFAULT_ROW_PT));
    const outline = sheet.outline.get(r) ?? 0;
    if (r < frozenCount) {
      frozen.push({ index: r, height, top: frozenHeight, outline, isHeader });
      frozenHeight += height;
    } else {
      rows.push({ index: r, height, top, outline });
      top += height;
    }
  }
  return { name: sheet.name, columns, frozen, rows, frozenHeight, bodyHeight: top, totalWidth: left, isProtected: sheet.isProtected, rowCount, hiddenRowCount };
}

/** Index range of `rows` intersecting [scrollTop, scrollTop + height), plus some overscan. */
export function visibleWindow(rows: RowLayout[], scrollTop: number, height: number, overscan = 8): [number, number] {
  if (!rows.length) return [0, -1];
  const find = (y: number) => {
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rows[mid]!.top <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return [Math.max(0, find(scrollTop) - overscan), Math.min(rows.length - 1, find(scrollTop + height) + overscan)];
}

export function cellView(sheet: SheetModel, notes: Map<string, string>, row: number, col: number): CellView {
  const c = sheet.cell(row, col);
  const value = sheet.valueAt(row, col);
  const a1 = cellA1(row, col);
  return {
    a1,
    text: formatCell(value, c.numberFormat),
    isNumber: isNumeric(value),
    formula: c.formula,
    fill: c.fill,
    bold: c.bold,
    isEditable: sheet.isProtected && !c.locked,
    note: notes.get(a1) ?? null,
  };
}

/** Notes (ExcelApi 1.18) and, on hosts without them, threaded comments: both mark a cell. */
export function notesOf(double: WorkbookDouble, sheet: SheetModel): Map<string, string> {
  const m = new Map<string, string>(sheet.notes);
  for (const c of double.book.comments) if (c.sheet === sheet) m.set(c.address.replace(/^.*!/, '').replace(/\$/g, ''), c.content);
  return m;
}

/** What the formula bar shows for a cell: its formula, else its raw value. */
export function rawOf(sheet: SheetModel, row: number, col: number): string {
  const c = sheet.cell(row, col);
  if (c.formula) return c.formula;
  return typeof c.value === 'number' ? String(c.value) : String(c.value);
}

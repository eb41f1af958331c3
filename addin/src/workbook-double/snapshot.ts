// A plain picture of one sheet for the harness grids and for tests.

import { cellA1 } from '../excel/a1';
import type { Scalar, SheetModel } from './model';

export type SheetSnapshot = {
  name: string;
  rowCount: number;
  columnCount: number;
  values: Scalar[][];
  /** the formula, or null for a constant */
  formulas: Array<Array<string | null>>;
  numberFormats: string[][];
  fills: Array<Array<string | null>>;
  locked: boolean[][];
  bold: boolean[][];
  hiddenRows: boolean[];
  hiddenColumns: boolean[];
  rowHeights: Record<number, number>;
  columnWidths: Record<number, number>;
  outlineLevels: number[];
  /** A1 → note text */
  notes: Record<string, string>;
  comments: Record<string, string>;
  isProtected: boolean;
  frozenRows: number;
  tables: Array<{ name: string; address: string; filters: Record<number, string[]> }>;
};

export function snapshotOf(sheet: SheetModel): SheetSnapshot {
  const used = sheet.used();
  const rowCount = used ? used.r1 + 1 : 0;
  const columnCount = used ? used.c1 + 1 : 0;
  const grid = <T>(f: (r: number, c: number) => T): T[][] => Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => f(r, c)));
  return {
    name: sheet.name,
    rowCount,
    columnCount,
    values: grid((r, c) => sheet.valueAt(r, c)),
    formulas: grid((r, c) => sheet.cell(r, c).formula),
    numberFormats: grid((r, c) => sheet.cell(r, c).numberFormat),
    fills: grid((r, c) => sheet.cell(r, c).fill),
    locked: grid((r, c) => sheet.cell(r, c).locked),
    bold: grid((r, c) => sheet.cell(r, c).bold),
    hiddenRows: Array.from({ length: rowCount }, (_, r) => sheet.isRowHidden(r)),
    hiddenColumns: Array.from({ length: columnCount }, (_, c) => sheet.hiddenCols.has(c)),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    columnWidths: Object.fromEntries(sheet.colWidths),
    outlineLevels: Array.from({ length: rowCount }, (_, r) => sheet.outline.get(r) ?? 0),
    notes: Object.fromEntries(sheet.notes),
    comments: Object.fromEntries(sheet.book.comments.filter((c) => c.sheet === sheet).map((c) => [c.address, c.content])),
    isProtected: sheet.isProtected,
    frozenRows: sheet.frozenRows,
    tables: sheet.book.tables
      .filter((t) => t.sheet === sheet)
      .map((t) => ({
        name: t.name,
        address: `${cellA1(t.box.r0, t.box.c0)}:${cellA1(t.box.r1, t.box.c1)}`,
        filters: Object.fromEntries(t.filters),
      })),
  };
}

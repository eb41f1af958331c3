// Queued formatting of a rendered G703 sheet: column views, editable (unlocked) cells, outline,
// protection. Each function only queues; the caller syncs.

import { rangeA1 } from './a1';
import { columnsFor, isColumnShown, type ColumnOverrides, type ColumnView, type EditField } from './columns';
import type { SheetInfo } from './sheet-info';

export const INPUT_FILL = '#FFF8DC'; // pale yellow: "type here"
export const ERROR_FILL = '#F8CBAD'; // salmon: refused by the server, value kept
export const CONFLICT_FILL = '#FFD966'; // amber: someone else changed it since
export const HEADER_FILL = '#D9E1F2';
export const SUBTOTAL_FILL = '#EDEDED';

/** Adjacent columns sharing a value, as whole-column ranges ("D:P"): one operation per run, not per column. */
function columnRuns<T>(info: SheetInfo, valueFor: (key: SheetInfo['columns'][number]['key']) => T): Array<{ address: string; value: T }> {
  const runs: Array<{ address: string; value: T }> = [];
  let start = info.columns[0];
  for (let i = 1; i <= info.columns.length; i++) {
    const c = info.columns[i];
    const prev = info.columns[i - 1];
    if (c && c.index === prev.index + 1 && valueFor(c.key) === valueFor(start.key)) continue;
    if (start) runs.push({ address: `${start.letter}:${prev.letter}`, value: valueFor(start.key) });
    start = c;
  }
  return runs;
}

/**
 * Shows and hides the G703 columns (the preset, and the user's own choices on top of it).
 * Range.columnHidden is part of the workbook, not of one person's view: co-authors see the same
 * columns (sheet views, the only per-person view Excel offers, store sort and filter rules only and
 * exist on the web alone, ExcelApiOnline 1.1: https://learn.microsoft.com/javascript/api/excel/excel.namedsheetview).
 */
export function queueColumnView(sheet: Excel.Worksheet, info: SheetInfo, view: ColumnView, overrides: ColumnOverrides = {}): void {
  const defs = columnsFor(info.accountingMethod).byKey;
  for (const run of columnRuns(info, (key) => !isColumnShown(defs.get(key)!, view, overrides))) sheet.getRange(run.address).columnHidden = run.value;
}

export function queueColumnWidths(sheet: Excel.Worksheet, info: SheetInfo): void {
  const defs = columnsFor(info.accountingMethod).byKey;
  for (const run of columnRuns(info, (key) => defs.get(key)!.width)) sheet.getRange(run.address).format.columnWidth = run.value;
}

/** Contiguous row runs per edit field, so a 5,000-line column is one range, not 5,000. */
export function editableRuns(info: SheetInfo): Array<{ field: EditField; col: number; firstRow: number; lastRow: number }> {
  const lineByRow = new Map(Object.entries(info.rowByLineId).map(([id, row]) => [row, id]));
  const runs: Array<{ field: EditField; col: number; firstRow: number; lastRow: number }> = [];
  for (const c of info.columns) {
    if (!c.editField) continue;
    let start: number | null = null;
    for (let row = info.firstDataRow; row <= info.lastDataRow + 1; row++) {
      const id = lineByRow.get(row);
      const isEditable = row <= info.lastDataRow && id !== undefined && (info.editableByLine[id] ?? []).includes(c.editField);
      if (isEditable && start === null) start = row;
      if (!isEditable && start !== null) {
        runs.push({ field: c.editField, col: c.index, firstRow: start, lastRow: row - 1 });
        start = null;
      }
    }
  }
  return runs;
}

/** Unlocks and tints the cells a user may edit (none when the invoice is not editable). */
export function queueEditableCells(sheet: Excel.Worksheet, info: SheetInfo): void {
  if (!info.canEdit) return;
  for (const run of editableRuns(info)) {
    const range = sheet.getRange(rangeA1(run.firstRow, run.col, run.lastRow, run.col));
    range.format.protection.locked = false;
    range.format.fill.color = INPUT_FILL;
  }
}

/** Excel row outline: each group's lines collapse under its subtotal row. */
export function queueOutline(sheet: Excel.Worksheet, info: SheetInfo): void {
  for (const g of info.groups) {
    if (g.lastRow < g.firstRow) continue;
    sheet.getRange(`${g.firstRow + 1}:${g.lastRow + 1}`).group('ByRows');
    const sub = sheet.getRange(rangeA1(g.subtotalRow, 0, g.subtotalRow, info.columns.length - 1));
    sub.format.font.bold = true;
    sub.format.fill.color = SUBTOTAL_FILL;
  }
}

export function queueRowHeight(sheet: Excel.Worksheet, info: SheetInfo, points: number): void {
  if (info.lastDataRow < info.firstDataRow) return;
  sheet.getRange(`${info.firstDataRow + 1}:${info.lastDataRow + 1}`).format.rowHeight = points;
}

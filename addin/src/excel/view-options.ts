// Column views, row height and search on a rendered G703 sheet; each one Excel.run, one sync.
// Grouped/flat changes which rows exist, so it is a re-render (renderInvoice with grouped).
// The sheet is not protected (render-invoice.ts), so nothing here toggles protection: filters and
// the outline work for the user too, and Undo is kept.

import type { InvoiceLine } from '../api/types';
import { columnIndexOf, type SheetInfo } from './sheet-info';
import type { ColumnOverrides, ColumnView } from './columns';
import { g703Key } from './locate';
import { runBatch } from './run';
import { queueColumnView, queueRowHeight } from './sheet-format';

async function onSheet(info: SheetInfo, fn: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void): Promise<void> {
  await runBatch(async (context) => {
    const sheet = context.workbook.worksheets.getItem(g703Key(info));
    fn(sheet, context);
    await context.sync();
  });
}

export async function setColumnView(info: SheetInfo, view: ColumnView, overrides: ColumnOverrides = {}): Promise<SheetInfo> {
  await onSheet(info, (sheet) => queueColumnView(sheet, info, view, overrides));
  return { ...info, columnView: view };
}

export async function setRowHeight(info: SheetInfo, points: number): Promise<void> {
  await onSheet(info, (sheet) => queueRowHeight(sheet, info, points));
}

type Searchable = Pick<InvoiceLine, 'itemNo' | 'description' | 'costCode'>;

/** Lines whose item no., cost code or description contains the query (case-insensitive). Pure. */
export function matchLines(lines: Searchable[], query: string): string[] {
  const q = query.trim().toLowerCase();
  return lines
    .filter((l) => l.itemNo.toLowerCase().includes(q) || l.costCode.toLowerCase().includes(q) || l.description.toLowerCase().includes(q))
    .map((l) => l.itemNo);
}

const NO_MATCH = '\u2205'; // a value no item has: an empty values filter is not allowed

/**
 * Filters the table to matching lines with the table's own AutoFilter (a values filter on the
 * item column), so Excel's filter button shows it and a user can clear it there too.
 * An empty query clears the filter. Returns the number of matching lines.
 */
export async function applySearch(info: SheetInfo, lines: Searchable[], query: string): Promise<number> {
  const items = query.trim() ? matchLines(lines, query) : null;
  await onSheet(info, (sheet) => {
    const table = sheet.tables.getItem(info.tableName);
    const column = table.columns.getItemAt(columnIndexOf(info, 'itemNo'));
    if (items === null) column.filter.clear();
    else column.filter.applyValuesFilter(items.length ? [...new Set(items)] : [NO_MATCH]);
  });
  return items === null ? lines.length : items.length;
}

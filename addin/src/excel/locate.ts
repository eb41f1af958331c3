// Where each line is on the sheet NOW. Rows are never trusted from a cached position: the user may
// have sorted the table, inserted or deleted rows, or a co-author may have (filters, sort and
// insert all work on our unprotected sheet). Every positional write first reads the Line ID column
// in the same Excel.run and writes by what it finds; a line it cannot find is reported, not guessed.
// Worksheets are addressed by id: "The value of the identifier remains the same even when the
// worksheet is renamed or moved" (Worksheet.id, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member),
// and WorksheetCollection.getItem takes "the name or ID of the worksheet".

import { LOCALES, type Locale } from '@shared/i18n/locales';
import { columnLetter, rangeA1 } from './a1';
import { type ColumnKey, type ColumnSet, columnsFor } from './columns';
import type { SheetInfo } from './sheet-info';
import { messageLabels } from './message-labels';
import { sheetLabels } from './sheet-labels';

export type LineRows = {
  /** line id → 0-based sheet row where its id cell is now */
  rowByLineId: Record<string, number>;
  /** lines on the sheet twice (a user copied a row): neither copy is written */
  duplicated: string[];
  /** lines of the invoice not found on the sheet (a user deleted the row) */
  missing: string[];
  /** last row holding one of our line ids */
  lastRow: number;
};

export const g703Key = (info: Pick<SheetInfo, 'g703Sheet' | 'g703SheetId'>) => info.g703SheetId || info.g703Sheet;
export const g702Key = (info: Pick<SheetInfo, 'g702Sheet' | 'g702SheetId'>) => info.g702SheetId || info.g702Sheet;

export function g703Of(context: Excel.RequestContext, info: SheetInfo): Excel.Worksheet {
  return context.workbook.worksheets.getItem(g703Key(info));
}

// Columns are found the same way, by the header text the render wrote (sheet-labels.ts), never by
// a cached position: a user may insert a column inside the table or move one (cut + insert). A
// column whose header is missing or found twice is left out of `info.columns` and reported; nothing
// is read from or written to a guessed column. Cells in columns that are not ours are never read.
// A header is recognised in every language the add-in writes. The sheet keeps the language it was
// first written in (binding.ts), but the binding lives in the workbook's settings, which reach a
// co-author's add-in late or not at all ("the settingsChanged event is supported only in Excel on
// the web in coauthoring scenarios", https://learn.microsoft.com/javascript/api/office/office.settings):
// a co-author's add-in that saw no binding redraws the headers in its own language, and this one
// must still find them (addin/src/sync/sheet-language.test.ts).

/** Header text in any of the product's languages → its column. */
export const headerKeys: ReadonlyMap<string, ColumnKey> = new Map(
  LOCALES.flatMap((l) => Object.entries(sheetLabels.byLocale[l].g703.columns).map(([key, text]) => [text, key as ColumnKey] as const)),
);

/** Columns right of our last one still searched for our headers (room for inserted columns). */
export const COLUMN_SLACK = 64;

export type ColumnIssues = { missing: ColumnKey[]; duplicated: ColumnKey[] };

const issuesByInvoice = new Map<string, ColumnIssues>();

/** What the last column lookup of this invoice could not map (empty lists when all were found). */
export function columnIssuesOf(invoiceId: string): ColumnIssues {
  return issuesByInvoice.get(invoiceId) ?? { missing: [], duplicated: [] };
}

/** Queues the read of the header row; call `columnsFrom` after the sync. */
export function queueHeader(sheet: Excel.Worksheet, info: SheetInfo): Excel.Range {
  return sheet.getRange(rangeA1(info.headerRow, 0, info.headerRow, info.columns.length - 1 + COLUMN_SLACK)).load('values');
}

/** `info` with each column at the position of its header now; unmapped columns left out. */
export function columnsFrom(header: Excel.Range, info: SheetInfo): SheetInfo {
  const keys = (header.values[0] ?? []).map((v) => (typeof v === 'string' ? headerKeys.get(v.trim()) : undefined));
  const issues: ColumnIssues = { missing: [], duplicated: [] };
  const columns: SheetInfo['columns'] = [];
  for (const c of info.columns) {
    const at = keys.flatMap((k, i) => (k === c.key ? [i] : []));
    if (at.length === 1) columns.push({ ...c, index: at[0], letter: columnLetter(at[0]) });
    else (at.length ? issues.duplicated : issues.missing).push(c.key);
  }
  issuesByInvoice.set(info.invoiceId, issues);
  return { ...info, columns };
}

/** Reads the header row (one sync) and returns `info` with the columns where they are now. */
export async function locateColumns(context: Excel.RequestContext, sheet: Excel.Worksheet, info: SheetInfo): Promise<SheetInfo> {
  const header = queueHeader(sheet, info);
  await context.sync();
  return columnsFrom(header, info);
}

/**
 * What the status says about unmapped columns, or null when every column was found: in the pane's
 * language `lang`, the headers quoted as the sheet shows them (its own language).
 */
export function columnIssueMessage(info: Pick<SheetInfo, 'invoiceId' | 'locale'>, lang: Locale): string | null {
  const { missing, duplicated } = columnIssuesOf(info.invoiceId);
  if (!missing.length && !duplicated.length) return null;
  const headers = (keys: ColumnKey[]) => keys.map((k) => `"${sheetLabels(info.locale).g703.columns[k]}"`).join(', ');
  return messageLabels(lang).columnIssue(headers(missing), headers(duplicated), missing.length + duplicated.length);
}

/**
 * The column set of the sheet as it is now (`info` from `columnsFrom`): cells of `lineRow` go to
 * each column's current position and formulas name current letters. `complete` is false when a
 * column is unmapped: its letter is unknown, so formulas must not be written.
 */
export function columnSetNow(info: SheetInfo): { set: ColumnSet; complete: boolean } {
  const all = columnsFor(info.accountingMethod);
  const now = new Map(info.columns.map((c) => [c.key, c]));
  const list = all.list.filter((c) => now.has(c.key)).map((c) => ({ ...c, index: now.get(c.key)!.index, letter: now.get(c.key)!.letter }));
  const byKey = new Map(list.map((c) => [c.key, c]));
  return {
    set: {
      list,
      byKey,
      at: (key) => (byKey.get(key) ?? all.byKey.get(key))?.letter ?? all.at(key),
      has: (key) => byKey.has(key),
    },
    complete: list.length === all.list.length,
  };
}

/** Queues the read of the Line ID column (its used part); null when that column is not found. */
export function queueLineIds(sheet: Excel.Worksheet, info: SheetInfo): Excel.Range | null {
  const c = info.columns.find((x) => x.key === 'lineId');
  if (!c) return null;
  return sheet.getRange(`${c.letter}:${c.letter}`).getUsedRange(true).load('values,rowIndex');
}

export function linesFrom(ids: Excel.Range | null, info: SheetInfo): LineRows {
  const known = new Set(Object.keys(info.editableByLine));
  if (!ids) return { rowByLineId: {}, duplicated: [], missing: [...known], lastRow: -1 };
  const rowByLineId: Record<string, number> = {};
  const seen = new Map<string, number>();
  let lastRow = -1;
  (ids.values as unknown[][]).forEach((r, k) => {
    const id = r[0];
    if (typeof id !== 'string' || !known.has(id)) return;
    seen.set(id, (seen.get(id) ?? 0) + 1);
    rowByLineId[id] = ids.rowIndex + k;
    lastRow = Math.max(lastRow, ids.rowIndex + k);
  });
  const duplicated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  for (const id of duplicated) delete rowByLineId[id];
  return { rowByLineId, duplicated, missing: [...known].filter((id) => !seen.has(id)), lastRow };
}

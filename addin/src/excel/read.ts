// Reading the sheet back: changed rows (by line id, never by position), every editable cell, the
// G702 figures. Reads are chunked like writes: a response is bounded too. Each edited cell comes
// with its number format, so a value Excel converted while the user typed
// ("5%" → 0.05 as a percentage, "1/2" → a date) is recognised (typed-cells.ts).

import { parseA1, parseAreas, rangeA1 } from './a1';
import { CELLS_PER_SYNC } from './chunks';
import type { EditField } from './columns';
import type { CoSummaryKey, G702LineKey } from './g702-plan';
import type { SheetInfo } from './sheet-info';
import { COLUMN_SLACK, columnsFrom, g702Key, g703Key, locateColumns, queueHeader } from './locate';
import { runBatch } from './run';
import { convertedAs, type Converted } from './typed-cells';
import { computedCellToCents, type CellValue } from './units';

export type EditedRow = {
  row: number;
  lineId: string;
  values: Partial<Record<EditField, CellValue>>;
  /** cells whose typed text Excel turned into a date or a percentage */
  converted?: Partial<Record<EditField, Converted>>;
};

/** Rows below the last rendered line still read after an edit: room for rows users inserted. */
export const ROW_SLACK = 5_000;

/**
 * Rows (0-based, inclusive) an onChanged address touches. Not clipped to the rendered body: rows
 * may have been inserted or sorted since, and the rows are mapped by the ids read with them; only
 * whole-column addresses are bounded (last rendered row + ROW_SLACK).
 */
export function touchedRows(info: SheetInfo, address: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const a of parseAreas(address)) {
    const r0 = Math.max(a.start.row, 0);
    const r1 = Math.min(a.end.row, info.lastDataRow + ROW_SLACK);
    if (r0 <= r1) out.push([r0, r1]);
  }
  return out;
}

/**
 * Might the address touch an editable column? Columns may have been inserted or moved since the
 * render, so any change within our columns (plus COLUMN_SLACK) is read; the read finds our columns
 * by their headers and ignores the others. A change far right of the table needs no read.
 */
export function touchesEditableColumn(info: SheetInfo, address: string): boolean {
  const last = info.columns.length - 1 + COLUMN_SLACK;
  return parseAreas(address).some((a) => a.start.col <= last);
}

/** Are all of `cached`'s columns where `now` found them? */
const samePlaces = (now: SheetInfo, cached: SheetInfo) =>
  now.columns.length === cached.columns.length && now.columns.every((c, i) => c.index === cached.columns[i].index);

/**
 * Reads the rows at the columns' positions. Without `located`, the header row is read in the first
 * sync with the cells, at the cached positions; when the header shows any column elsewhere (or
 * missing), the rows are read again where the headers are now: one sync in the usual case, and
 * never a value from a guessed column. An unmapped column is not read (the caller reports it).
 */
async function readRows(context: Excel.RequestContext, cached: SheetInfo, spans: Array<[number, number]>, located?: SheetInfo): Promise<EditedRow[]> {
  const sheet = context.workbook.worksheets.getItem(g703Key(cached));
  let header = located ? null : queueHeader(sheet, cached);
  const info = located ?? cached;
  const idCol = info.columns.find((c) => c.key === 'lineId')?.index;
  if (idCol === undefined) return located ? [] : readRows(context, cached, spans, await locateColumns(context, sheet, cached));
  const editCols = info.columns.filter((c) => c.editField);
  const rowsPerSync = Math.max(1, Math.floor(CELLS_PER_SYNC / (2 * editCols.length + 1)));
  const out: EditedRow[] = [];
  // Split spans into pieces of at most rowsPerSync rows, then batch pieces into syncs.
  const pieces: Array<[number, number]> = [];
  for (const [a, b] of spans) for (let r = a; r <= b; r += rowsPerSync) pieces.push([r, Math.min(b, r + rowsPerSync - 1)]);
  let i = 0;
  while (i < pieces.length) {
    let rows = 0;
    const batch: Array<{ span: [number, number]; ids: Excel.Range; cols: Excel.Range[] }> = [];
    while (i < pieces.length && (batch.length === 0 || rows + pieces[i][1] - pieces[i][0] + 1 <= rowsPerSync)) {
      const [a, b] = pieces[i++];
      rows += b - a + 1;
      batch.push({
        span: [a, b],
        ids: sheet.getRange(rangeA1(a, idCol, b, idCol)).load('values'),
        cols: editCols.map((c) => sheet.getRange(rangeA1(a, c.index, b, c.index)).load('values,numberFormat')),
      });
    }
    await context.sync();
    if (header) {
      const now = columnsFrom(header, cached);
      if (!samePlaces(now, cached)) return readRows(context, cached, spans, now);
      header = null;
    }
    for (const { span, ids, cols } of batch) {
      for (let k = 0; k <= span[1] - span[0]; k++) {
        const lineId = ids.values[k][0];
        if (typeof lineId !== 'string' || lineId === '') continue; // subtotal row
        const editable = info.editableByLine[lineId] ?? [];
        const values: Partial<Record<EditField, CellValue>> = {};
        const converted: Partial<Record<EditField, Converted>> = {};
        editCols.forEach((c, j) => {
          if (!editable.includes(c.editField!)) return;
          const value = cols[j].values[k][0] as CellValue;
          values[c.editField!] = value;
          const seen = convertedAs(value, String(cols[j].numberFormat[k][0]));
          // A percentage is what the % column expects (Excel stores "25%" as 0.25); elsewhere it is refused.
          if (seen && !(c.editField === 'percentComplete' && seen.as === 'percentage')) converted[c.editField!] = seen;
        });
        out.push({ row: span[0] + k, lineId, values, ...(Object.keys(converted).length ? { converted } : {}) });
      }
    }
  }
  return out;
}

/** The editable cells of the rows an onChanged address touches (a paste may cover thousands). */
export async function readEditedRows(info: SheetInfo, address: string): Promise<EditedRow[]> {
  const spans = touchedRows(info, address);
  if (!spans.length) return [];
  return runBatch((context) => readRows(context, info, spans));
}

/** Every editable cell of the sheet: reconciling after a reopen. */
export async function readAllEditable(info: SheetInfo): Promise<EditedRow[]> {
  if (info.lastDataRow < info.firstDataRow) return [];
  return runBatch(async (context) => {
    // Every row holding an id now, wherever inserts or sorts moved it (the Line ID column found by its header).
    const sheet = context.workbook.worksheets.getItem(g703Key(info));
    const now = await locateColumns(context, sheet, info);
    const letter = now.columns.find((c) => c.key === 'lineId')?.letter;
    if (!letter) return [];
    const used = sheet.getRange(`${letter}:${letter}`).getUsedRange(true).load('rowIndex,rowCount');
    await context.sync();
    return readRows(context, info, [[used.rowIndex, used.rowIndex + used.rowCount - 1]], now);
  });
}

export type G702SheetValues = {
  /** cents per line, null where the cell is not a number (an error, text) */
  g702: Record<G702LineKey, number | null>;
  changeOrderSummary: Record<CoSummaryKey, number | null>;
};

/** The G702 figures as the sheet computes them, in cents, to compare with the server's. */
export async function readG702Values(info: SheetInfo): Promise<G702SheetValues> {
  return runBatch(async (context) => {
    const sheet = context.workbook.worksheets.getItem(g702Key(info));
    const all = [...Object.values(info.g702Cells), ...Object.values(info.coCells)].map((a) => parseA1(a).start);
    const r0 = Math.min(...all.map((c) => c.row));
    const r1 = Math.max(...all.map((c) => c.row));
    const block = sheet.getRange(rangeA1(r0, 0, r1, 2)).load('values');
    await context.sync();
    const at = (address: string) => {
      const c = parseA1(address).start;
      return computedCellToCents(block.values[c.row - r0][c.col]);
    };
    const map = <K extends string>(cells: Record<K, string>) =>
      Object.fromEntries(Object.entries(cells).map(([k, a]) => [k, at(a as string)])) as Record<K, number | null>;
    return { g702: map(info.g702Cells), changeOrderSummary: map(info.coCells) };
  });
}

export type G702Mismatch = { line: G702LineKey | CoSummaryKey; sheetCents: number | null; serverCents: number };

/** Lines where the sheet's formulas disagree with the server (the server is the truth). */
export function compareG702(
  sheet: G702SheetValues,
  server: { g702: Record<G702LineKey, number>; changeOrderSummary: Record<CoSummaryKey, number> },
): G702Mismatch[] {
  const out: G702Mismatch[] = [];
  for (const [k, v] of Object.entries(server.g702) as Array<[G702LineKey, number]>) {
    if (sheet.g702[k] !== v) out.push({ line: k, sheetCents: sheet.g702[k] ?? null, serverCents: v });
  }
  for (const [k, v] of Object.entries(server.changeOrderSummary) as Array<[CoSummaryKey, number]>) {
    if (k in sheet.changeOrderSummary && sheet.changeOrderSummary[k] !== v)
      out.push({ line: k, sheetCents: sheet.changeOrderSummary[k] ?? null, serverCents: v });
  }
  return out;
}

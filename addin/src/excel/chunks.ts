// Chunked writes. Excel on the web refuses a request (one context.sync()) above 5 MB, and big
// batches are slow everywhere, so a large block is written as several 2-D arrays, each in its own
// sync, bounded by cell count AND by measured JSON size.

import { rangeA1 } from './a1';
import type { CellValue } from './units';
import { utf8ByteLength } from '@shared/utf8';

/** At most this many cells per sync when each carries a value and a number format; twice as many values when the formats go by column (queueColumnFormats). */
export const CELLS_PER_SYNC = 20_000;
/**
 * At most this many operations (range writes, format sets, notes) per sync. Each costs a few
 * hundred bytes of object paths on the wire whatever its arguments (workbook-double/context.ts,
 * OP_OVERHEAD_BYTES), so many small ranges — marks, write-backs to a sorted sheet — are bounded by
 * count, not by cells: 1,000 × 400 B ≈ 0.4 MB, far under Excel on the web's 5 MB per request.
 */
export const OPS_PER_SYNC = 1_000;
/** Measured JSON bytes per sync we allow for one chunk: with the per-operation cost, every request stays under 1 MB (5 MB is the limit of Excel on the web). */
export const BYTES_PER_SYNC = 800_000;

const byteLength = utf8ByteLength;

/** Row spans [start, end) whose cells and JSON size fit one sync each. */
export function planRowChunks(rows: CellValue[][], rowFormatBytes: number, limits = { cells: CELLS_PER_SYNC, bytes: BYTES_PER_SYNC }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let cells = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const rowBytes = byteLength(JSON.stringify(row)) + rowFormatBytes;
    if (i > start && (cells + row.length > limits.cells || bytes + rowBytes > limits.bytes)) {
      out.push([start, i]);
      start = i;
      cells = 0;
      bytes = 0;
    }
    cells += row.length;
    bytes += rowBytes;
  });
  if (start < rows.length) out.push([start, rows.length]);
  return out;
}

/**
 * Queues one chunk of rows (values and formulas together through `formulas`, which takes
 * constants as values) plus their number formats, starting at 0-based (row, col).
 * Number formats go first so text columns ('@') keep "=…" or "01" as text.
 */
export function queueRows(sheet: Excel.Worksheet, row: number, col: number, rows: CellValue[][], formats: string[] | null): Excel.Range {
  const width = rows[0]?.length ?? 0;
  const range = sheet.getRange(rangeA1(row, col, row + rows.length - 1, col + width - 1));
  if (formats) range.numberFormat = rows.map(() => formats);
  range.formulas = rows;
  return range;
}

/**
 * One number format per run of adjacent columns with the same format, over rows first..last
 * (0-based, inclusive): a 1×1 array, which Excel applies to every cell of the range
 * (Range.numberFormat: "If the argument is a single value, it will be applied to all cells";
 * OfficeDev/office-js-docs-reference#578, office-js-docs-pr#5400 — a 1×1 array on a bounded range
 * passes). A 5,000-row G703 thus costs ~6 operations instead of 95,000 strings (a third of the
 * request bytes of every chunk). Queue it before the values so text columns ('@') keep "=…" or
 * "01" as text.
 */
export function queueColumnFormats(sheet: Excel.Worksheet, firstRow: number, lastRow: number, formats: string[]): void {
  if (lastRow < firstRow) return;
  for (let c0 = 0; c0 < formats.length; ) {
    let c1 = c0;
    while (c1 + 1 < formats.length && formats[c1 + 1] === formats[c0]) c1++;
    sheet.getRange(rangeA1(firstRow, c0, lastRow, c1)).numberFormat = [[formats[c0]]];
    c0 = c1 + 1;
  }
}

/** Writes rows in chunks, one sync per chunk after the first (which joins whatever is queued). */
export async function writeRowsChunked(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  firstRow: number,
  rows: CellValue[][],
  formats: string[] | null,
  onChunk?: () => void,
): Promise<void> {
  const formatBytes = formats ? byteLength(JSON.stringify(formats)) : 0;
  // Without per-cell formats a chunk carries half the cell properties: twice the values fit the
  // same budget (fewer round trips; the byte bound still applies).
  const limits = { cells: formats ? CELLS_PER_SYNC : 2 * CELLS_PER_SYNC, bytes: BYTES_PER_SYNC };
  for (const [a, b] of planRowChunks(rows, formatBytes, limits)) {
    queueRows(sheet, firstRow + a, 0, rows.slice(a, b), formats);
    onChunk?.();
    await context.sync();
  }
}

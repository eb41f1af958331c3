// Reads a block of cells the user pointed at — the current selection on any sheet of this
// workbook, or a whole sheet — for the schedule-of-values import (addin/src/ui/sov/). Office.js
// reaches only the workbook the add-in runs in, so an export in another file must be pasted here.
//
// Excel facts this relies on (the workbook double models each; addin/src/workbook-double/):
// - Workbook.getSelectedRange (ExcelApi 1.1) "Gets the currently selected single range … If there
//   are multiple ranges selected, this method will throw an error."
// - Range.getUsedRange(valuesOnly) (1.1, valuesOnly 1.2) trims a whole-column selection ("A:F")
//   to the cells holding values, and throws ItemNotFound when there are none.
// - Range.values gives numbers as numbers and text as strings; Range.valueTypes (1.1) tells an
//   error cell (#N/A, shown as text in `values`) from text; Range.numberFormat (1.1) tells a
//   percentage or a date that Excel converted from typed text (excel/typed-cells.ts); Range.text
//   (1.1) is what a number cell shows (an item no. "0012" stored as 12 under format 0000).
// - Excel on the web refuses a request or a response above 5 MB
//   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
//   rows are read in chunks sized from the bytes the previous chunk measured, and a chunk that
//   Excel still refuses is read again in halves.

import type { Locale } from '@shared/i18n/locales';
import { rangeA1 } from './a1';
import { messageLabels, type MessageLabels } from './message-labels';
import { runBatch } from './run';
import type { CellValue } from './units';

/** The current selection; a block read before ("Read again": the user's selection has moved to the cell they fixed); a whole sheet. */
export type BlockSource = { kind: 'selection' } | { kind: 'range'; sheet: string; address: string } | { kind: 'sheet'; name: string };

export type SheetBlock = {
  sheet: string;
  /** A1 of the block without the sheet ("A1:F201") */
  address: string;
  /** 0-based sheet row and column of the block's top-left cell */
  top: number;
  left: number;
  values: CellValue[][];
  /** Excel.RangeValueType per cell: 'Empty' | 'String' | 'Double' | 'Integer' | 'Boolean' | 'Error' | … */
  types: string[][];
  numberFormats: string[][];
  /** what each cell shows (Range.text): an item no. 12 formatted 0000 is "0012" */
  texts: string[][];
  /** context.sync() calls the read took (the benchmark prints them) */
  syncs: number;
};

export type BlockProblem = 'EMPTY' | 'NOT_ONE_AREA' | 'TOO_MANY_ROWS' | 'TOO_MANY_COLUMNS' | 'NO_SHEET';

type BlockTexts = MessageLabels['block'];

/** `message` is English; the pane shows `messageIn(its language)`. */
export class BlockReadError extends Error {
  constructor(
    readonly problem: BlockProblem,
    private readonly text: (labels: BlockTexts) => string,
  ) {
    super(text(messageLabels('en').block));
    this.name = 'BlockReadError';
  }

  messageIn(locale: Locale): string {
    return this.text(messageLabels(locale).block);
  }
}

/** A schedule of values is at most 20,000 lines (shared/api/contracts.ts ZReplaceSov), plus a header. */
export const MAX_BLOCK_ROWS = 20_001;
export const MAX_BLOCK_COLUMNS = 50;
/** Target JSON bytes of one chunk's response: a fifth of Excel on the web's 5 MB. */
export const READ_BYTES_PER_SYNC = 1_000_000;
/** The first chunk, before any size is known: cells × 4 properties. */
export const FIRST_READ_CELLS = 10_000;

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code;
const isPayloadError = (e: unknown) => /PayloadSizeLimitExceeded/i.test(codeOf(e) ?? '');

type Extent = { sheetId: string; sheet: string; top: number; left: number; rows: number; cols: number };

async function locate(source: BlockSource): Promise<Extent> {
  return runBatch(async (context) => {
    let used: Excel.Range;
    if (source.kind === 'selection') {
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      try {
        await context.sync();
      } catch (e) {
        throw new BlockReadError('NOT_ONE_AREA', (l) => l.notOneArea((e as Error).message));
      }
      used = selected.getUsedRange(true);
    } else {
      const name = source.kind === 'sheet' ? source.name : source.sheet;
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) throw new BlockReadError('NO_SHEET', (l) => l.noSheet(name));
      used = (source.kind === 'sheet' ? sheet.getRange() : sheet.getRange(source.address)).getUsedRange(true);
    }
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const ws = used.worksheet.load('id,name');
    try {
      await context.sync();
    } catch (e) {
      if (codeOf(e) === 'ItemNotFound') throw new BlockReadError('EMPTY', (l) => l.empty);
      throw e;
    }
    return { sheetId: ws.id, sheet: ws.name, top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
  });
}

type Chunk = { values: CellValue[][]; types: string[][]; numberFormats: string[][]; texts: string[][] };

async function readRows(e: Extent, first: number, count: number): Promise<Chunk> {
  return runBatch(async (context) => {
    const r = context.workbook.worksheets
      .getItem(e.sheetId)
      .getRange(rangeA1(e.top + first, e.left, e.top + first + count - 1, e.left + e.cols - 1))
      .load('values,valueTypes,numberFormat,text');
    await context.sync();
    return { values: r.values as CellValue[][], types: r.valueTypes as string[][], numberFormats: r.numberFormat as string[][], texts: r.text };
  });
}

/** The block's cells, read in as many chunks as their size needs. */
export async function readBlock(source: BlockSource): Promise<SheetBlock> {
  const e = await locate(source);
  if (e.rows > MAX_BLOCK_ROWS) throw new BlockReadError('TOO_MANY_ROWS', (l) => l.tooManyRows(e.rows, MAX_BLOCK_ROWS));
  if (e.cols > MAX_BLOCK_COLUMNS) throw new BlockReadError('TOO_MANY_COLUMNS', (l) => l.tooManyColumns(e.cols, MAX_BLOCK_COLUMNS));
  const block: SheetBlock = {
    sheet: e.sheet,
    address: rangeA1(e.top, e.left, e.top + e.rows - 1, e.left + e.cols - 1),
    top: e.top,
    left: e.left,
    values: [],
    types: [],
    numberFormats: [],
    texts: [],
    syncs: 2,
  };
  let rowsPerSync = Math.max(1, Math.floor(FIRST_READ_CELLS / e.cols));
  let at = 0;
  while (at < e.rows) {
    const count = Math.min(rowsPerSync, e.rows - at);
    let chunk: Chunk;
    try {
      chunk = await readRows(e, at, count);
    } catch (err) {
      block.syncs++;
      if (!isPayloadError(err) || count === 1) throw err;
      rowsPerSync = Math.ceil(count / 2);
      continue;
    }
    block.syncs++;
    block.values.push(...chunk.values);
    block.types.push(...chunk.types);
    block.numberFormats.push(...chunk.numberFormats);
    block.texts.push(...chunk.texts);
    at += count;
    const bytes = JSON.stringify(chunk).length;
    rowsPerSync = Math.max(1, Math.floor((READ_BYTES_PER_SYNC * count) / Math.max(bytes, 1)));
  }
  return block;
}

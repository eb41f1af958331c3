// Where each line is on the sheet NOW. Rows are never trusted from a cached position: the user may
// have sorted the table, inserted or deleted rows, or a co-author may have (filters, sort and
// insert all work on our unprotected sheet). Every positional write first reads the Line ID column
// in the same Excel.run and writes by what it finds; a line it cannot find is reported, not guessed.
// Worksheets are addressed by id: "The value of the identifier remains the same even when the
// worksheet is renamed or moved" (Worksheet.id, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member),
// and WorksheetCollection.getItem takes "the name or ID of the worksheet".

import { columnLetter } from './a1';
import { columnIndexOf, type SheetInfo } from './sheet-info';

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

/** Queues the read of the Line ID column (its used part); call `linesFrom` after the sync. */
export function queueLineIds(sheet: Excel.Worksheet, info: SheetInfo): Excel.Range {
  const letter = columnLetter(columnIndexOf(info, 'lineId'));
  return sheet.getRange(`${letter}:${letter}`).getUsedRange(true).load('values,rowIndex');
}

export function linesFrom(ids: Excel.Range, info: SheetInfo): LineRows {
  const known = new Set(Object.keys(info.editableByLine));
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

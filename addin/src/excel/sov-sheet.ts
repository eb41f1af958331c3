// The "Schedule of values" sheet of a draft contract: the pane writes the saved lines there, the
// user edits them as in any sheet (5,000 lines are easier to change in Excel than in a pane), and
// "Save" reads the sheet back through the same import (excel/read-block.ts, ui/sov/) and PUTs it.

import { rangeA1 } from './a1';
import { writeRowsChunked } from './chunks';
import { runBatch } from './run';
import type { CellValue } from './units';

export type SheetColumn = { header: string; format: string };

/**
 * Writes a header row and the rows on the named sheet (created when missing, its old contents
 * cleared), text columns formatted '@' so an item no. "001" stays text, then shows the sheet with
 * the whole block selected — ready for the import's "Read selection" as well as for editing.
 */
export async function writeSovSheet(name: string, columns: SheetColumn[], rows: CellValue[][]): Promise<{ address: string }> {
  return runBatch(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    let sheet: Excel.Worksheet;
    if (existing.isNullObject) {
      sheet = context.workbook.worksheets.add(name);
    } else {
      sheet = existing;
      // Worksheet.getUsedRange (ExcelApi 1.1) returns A1 on a blank sheet, never throws.
      sheet.getUsedRange().clear();
    }
    const formats = columns.map((c) => c.format);
    const header = sheet.getRange(rangeA1(0, 0, 0, columns.length - 1));
    header.numberFormat = [columns.map(() => '@')];
    header.values = [columns.map((c) => c.header)];
    header.format.font.bold = true;
    await context.sync();
    await writeRowsChunked(context, sheet, 1, rows, formats);
    const address = rangeA1(0, 0, rows.length, columns.length - 1);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
    return { address };
  });
}

/** Whether a sheet of that name exists (the pane offers "Save from sheet" only then). */
export async function sheetNamed(name: string): Promise<boolean> {
  return runBatch(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    return !sheet.isNullObject;
  });
}

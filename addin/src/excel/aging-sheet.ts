// Writes the project's aging report into the workbook as the "Aging" sheet (one per kind: prime
// contracts, commitments). Rewriting replaces the previous content: the sheet keeps its name and
// place, its used range is cleared first, so a shorter report leaves nothing of a longer one.
//
// Excel behaviour relied on (each modelled by the workbook double, workbook-double/; quotes from
// Microsoft's typings, @types/office-js, unless said otherwise):
// - WorksheetCollection.getItemOrNullObject "[Api set: ExcelApi 1.4]" and add(name) (1.1). A name
//   must be 1–31 characters without / \ ? * : [ ], not start or end with an apostrophe, not
//   "History" (Microsoft Support, "Rename a worksheet", quoted in jmcnamara/libxlsxwriter#223); our
//   names are fixed and valid (aging-plan.ts AGING_SHEET_NAME), the double refuses any other.
// - Worksheet.getUsedRange() (1.1): "If the entire worksheet is blank, this function will return the
//   top left cell (i.e. it will *not* throw an error)"; Range.clear() (1.1) "Clear range values and
//   formatting" (no applyTo: all).
// - Range.numberFormat and Range.formulas (1.1) take a 2-D array of exactly the range's size
//   (the double refuses any other), number formats first so '@' keeps a name starting with "=" as
//   text (chunks.ts queueRows).
// - RangeFormat.columnWidth "[Api set: ExcelApi 1.2]", WorksheetFreezePanes.freezeRows "[Api set:
//   ExcelApi 1.7]"; the manifest asks for 1.14.
import type { Locale } from '@shared/i18n/locales';
import { columnLetter, rangeA1 } from './a1';
import { agingSheetLabels } from './aging-labels';
import { type AgingBlock, type AgingKind, type AgingReport, planAgingSheet } from './aging-plan';
import { queueRows, writeRowsChunked } from './chunks';
import { runBatch } from './run';
import { HEADER_FILL, SUBTOTAL_FILL } from './sheet-format';

/** A sheet of that name exists and is not the add-in's aging sheet: never overwritten. */
export class AgingSheetTakenError extends Error {
  constructor(readonly sheetName: string) {
    super(`A sheet named "${sheetName}" exists and was not written by the add-in; rename it to write the aging sheet.`);
    this.name = 'AgingSheetTakenError';
  }
}

/** A1 of an aging sheet of this kind, in any of the product's languages (the sheet was maybe written by a co-author in another). */
function isAgingTitle(value: unknown, kind: AgingKind): boolean {
  return Object.values(agingSheetLabels.byLocale).some((L) => L.title[kind] === value);
}

function queueStyle(sheet: Excel.Worksheet, block: AgingBlock, width: number): void {
  const range = sheet.getRange(rangeA1(block.row, 0, block.row + block.cells.length - 1, width - 1));
  if (block.style === 'title') sheet.getRange(rangeA1(block.row, 0, block.row, 0)).format.font.bold = true;
  if (block.style === 'header') {
    range.format.font.bold = true;
    range.format.wrapText = true;
    range.format.fill.color = HEADER_FILL;
  }
  if (block.style === 'total') {
    range.format.font.bold = true;
    range.format.fill.color = SUBTOTAL_FILL;
  }
}

export type AgingSheetResult = { sheetName: string; contracts: number; totalsRow: number };

export async function writeAgingSheet(report: AgingReport, projectName: string, locale: Locale): Promise<AgingSheetResult> {
  const plan = planAgingSheet(report, projectName, locale);
  return runBatch(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(plan.sheetName);
    await context.sync();
    let sheet: Excel.Worksheet;
    if (existing.isNullObject) {
      sheet = sheets.add(plan.sheetName);
    } else {
      const a1 = existing.getRange('A1').load('values');
      await context.sync();
      if (!isAgingTitle(a1.values[0]?.[0], report.kind)) throw new AgingSheetTakenError(plan.sheetName);
      sheet = existing;
      sheet.getUsedRange().clear();
    }
    for (const block of plan.blocks) {
      // data rows may be many (one per open invoice): chunked like the G703; the rest is a few rows
      if (block.style === 'data') await writeRowsChunked(context, sheet, block.row, block.cells, block.formats);
      else queueRows(sheet, block.row, 0, block.cells, block.formats);
      queueStyle(sheet, block, plan.width);
    }
    plan.columnWidths.forEach((w, c) => {
      sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w;
    });
    sheet.freezePanes.freezeRows(plan.headerRow + 1);
    sheet.activate();
    sheet.getRange('A1').select();
    await context.sync();
    return { sheetName: plan.sheetName, contracts: report.rows.length, totalsRow: plan.totalsRow };
  });
}

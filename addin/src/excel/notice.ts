// Writes to the G702 sheet outside a render: one line of text (e.g. "PROVISIONAL: …"), written
// only when it changes, and the general-information block. Plain value writes: undoable, no
// protection involved (the G702 sheet is not protected).

import type { InvoiceView } from '../api/types';
import { rangeA1 } from './a1';
import { G702_INFO_FIRST_ROW, g702InfoRows } from './g702-plan';
import { g702Key } from './locate';
import { runBatch } from './run';
import type { SheetInfo } from './sheet-info';

export async function writeG702Notice(info: SheetInfo, cell: string, text: string): Promise<void> {
  await runBatch(async (context) => {
    const range = context.workbook.worksheets.getItem(g702Key(info)).getRange(cell).load('values');
    await context.sync();
    if (range.values[0][0] === text) return;
    range.values = [[text]];
    range.format.font.bold = text !== '';
    await context.sync();
  });
}

/**
 * Rewrites the G702's general-information block (labels and values) in place, e.g. after the
 * pane saved it (PATCH /invoices/{id}): one plain write, no re-render of the G703.
 */
export async function writeG702Info(info: SheetInfo, view: Pick<InvoiceView, 'invoice' | 'generalInfo'>): Promise<void> {
  // in the sheets' language, not this pane's: the labels stay as the rest of the sheet
  const rows = g702InfoRows(view, info.locale);
  await runBatch(async (context) => {
    const range = context.workbook.worksheets.getItem(g702Key(info)).getRange(rangeA1(G702_INFO_FIRST_ROW, 0, G702_INFO_FIRST_ROW + rows.length - 1, 1));
    range.numberFormat = rows.map(([, , fmt]) => ['@', fmt]);
    range.values = rows.map(([label, value]) => [label, value]);
    await context.sync();
  });
}

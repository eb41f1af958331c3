// One line of text on the G702 sheet (e.g. "PROVISIONAL: …"), written only when it changes. A
// plain value write: undoable, no protection involved.

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

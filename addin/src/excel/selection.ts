// The lines the user has selected on the G703 sheet (e.g. to assign them to a custom group).

import { parseAreas, rangeA1 } from './a1';
import { ROW_SLACK } from './read';
import type { SheetInfo } from './sheet-info';
import { locateColumns } from './locate';
import { runBatch } from './run';

/** Line ids of the selected rows; [] when the selection is elsewhere (another sheet, the header). */
export async function readSelectedLineIds(info: SheetInfo): Promise<string[]> {
  return runBatch(async (context) => {
    const range = context.workbook.getSelectedRange().load('address');
    const sheet = range.worksheet.load('id');
    await context.sync();
    if (sheet.id !== info.g703SheetId) return [];
    // The ids of the selected rows as they are now (the user may have sorted, or moved the Line ID
    // column, found by its header): read, not cached.
    const now = await locateColumns(context, context.workbook.worksheets.getItem(info.g703SheetId), info);
    const idCol = now.columns.find((c) => c.key === 'lineId')?.index;
    if (idCol === undefined) return [];
    const reads = parseAreas(range.address).map((a) =>
      context.workbook.worksheets
        .getItem(info.g703SheetId)
        .getRange(rangeA1(a.start.row, idCol, Math.min(a.end.row, info.lastDataRow + ROW_SLACK), idCol))
        .load('values'),
    );
    await context.sync();
    const known = new Set(Object.keys(info.editableByLine));
    return reads.flatMap((r) => (r.values as unknown[][]).map((v) => String(v[0])).filter((id) => known.has(id)));
  });
}

// The lines the user has selected on the G703 sheet (e.g. to assign them to a custom group).

import { parseAreas } from './a1';
import type { SheetInfo } from './sheet-info';
import { runBatch } from './run';

/** Line ids of the selected rows; [] when the selection is elsewhere (another sheet, the header). */
export async function readSelectedLineIds(info: SheetInfo): Promise<string[]> {
  return runBatch(async (context) => {
    const range = context.workbook.getSelectedRange().load('address');
    await context.sync();
    const byRow = new Map(Object.entries(info.rowByLineId).map(([id, row]) => [row, id]));
    const ids: string[] = [];
    for (const area of parseAreas(range.address)) {
      if (area.sheet !== null && area.sheet !== info.g703Sheet) continue;
      for (let r = Math.max(area.start.row, info.firstDataRow); r <= Math.min(area.end.row, info.lastDataRow); r++) {
        const id = byRow.get(r);
        if (id) ids.push(id);
      }
    }
    return ids;
  });
}

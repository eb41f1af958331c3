// The G703 rows an owner's reply names ("rechazada, la partida 012 está mal medida") carry the
// reply's sentence as the add-in's own note on their description cell, with a lavender fill, until
// the line is edited and saved (addin/src/sync/reply-marks.ts decides which; this only writes them
// through marks.ts applyMarks, which locates rows by line id and never touches users' notes).
// And a link in the Emails tab selects the line's row.

import { cellA1 } from './a1';
import { g703Of, linesFrom, locateColumns, queueLineIds } from './locate';
import { applyMarks } from './marks';
import { runBatch } from './run';
import { columnIndexOf, type SheetInfo } from './sheet-info';

/** Lavender: an owner's reply names this line (distinct from the error and conflict fills). */
export const REPLY_FILL = '#E4DFEC';

/** Writes `write` marks and removes the add-in's marks from `remove` lines; returns cells touched. */
export async function applyReplyMarks(info: SheetInfo, write: Array<{ lineId: string; note: string }>, remove: string[]): Promise<number> {
  const column = columnIndexOf(info, 'description');
  const r = await applyMarks(info, [
    ...write.map((w) => ({ lineId: w.lineId, column, key: 'description' as const, fill: REPLY_FILL, note: w.note })),
    ...remove.map((lineId) => ({ lineId, column, key: 'description' as const, fill: null, note: null })),
  ]);
  return r.marked;
}

/**
 * Selects the line's description cell on the G703 sheet, found by its id where it is now (the
 * user may have sorted). The sheet is activated first: Excel selects only on the active worksheet
 * (office-js issue #5118). False when the line is not on the sheet.
 */
export async function selectLine(info: SheetInfo, lineId: string): Promise<boolean> {
  return runBatch(async (context) => {
    const sheet = g703Of(context, info);
    const now = await locateColumns(context, sheet, info);
    const ids = queueLineIds(sheet, now);
    await context.sync();
    const row = linesFrom(ids, now).rowByLineId[lineId];
    const col = now.columns.find((c) => c.key === 'description')?.index;
    if (row === undefined || col === undefined) return false;
    sheet.activate();
    sheet.getRange(cellA1(row, col)).select();
    await context.sync();
    return true;
  });
}

// Marking cells the server refused (or that collided with someone else's change): a fill and a
// note with the message. The user's value stays in the cell until they correct it.

import { cellA1, parseA1 } from './a1';
import type { EditField } from './columns';
import { CONFLICT_FILL, ERROR_FILL, INPUT_FILL, PROTECTION } from './sheet-format';
import { columnOfEditField, type SheetInfo } from './sheet-info';
import { supportsComments, supportsNotes } from './support';

export type CellMark = { lineId: string; field: EditField; message: string; kind?: 'error' | 'conflict' };
export type MarkTarget = { lineId: string; field: EditField };

/** A1 address of an edit cell, or null when the line/field is not on the sheet. */
export function addressOf(info: SheetInfo, t: MarkTarget): string | null {
  const row = info.rowByLineId[t.lineId];
  const col = columnOfEditField(info, t.field);
  return row === undefined || col === null ? null : cellA1(row, col);
}

async function withNotes(
  info: SheetInfo,
  cells: Array<{ address: string; fill: string | null; note: string | null }>,
): Promise<void> {
  if (!cells.length) return;
  const useNotes = supportsNotes();
  const useComments = !useNotes && supportsComments();
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(info.g703Sheet);
    // Drop whatever note/comment the cell has, then add the new one: notes.add on a cell that
    // already has one fails.
    if (useNotes) {
      const existing = cells.map((c) => sheet.notes.getItemOrNullObject(`${c.address}`));
      await context.sync();
      sheet.protection.unprotect();
      existing.forEach((n) => { if (!n.isNullObject) n.delete(); });
    } else if (useComments) {
      const comments = context.workbook.comments.load('items');
      await context.sync();
      const locations = comments.items.map((c) => c.getLocation().load('address'));
      await context.sync();
      sheet.protection.unprotect();
      const wanted = new Set(cells.map((c) => c.address));
      locations.forEach((loc, i) => {
        const ref = parseA1(loc.address);
        if (ref.sheet === info.g703Sheet && wanted.has(cellA1(ref.start.row, ref.start.col))) comments.items[i].delete();
      });
    } else {
      sheet.protection.unprotect();
    }
    for (const c of cells) {
      const range = sheet.getRange(c.address);
      if (c.fill) range.format.fill.color = c.fill;
      else range.format.fill.clear();
      if (c.note) {
        if (useNotes) sheet.notes.add(c.address, c.note);
        else if (useComments) context.workbook.comments.add(`${quote(info.g703Sheet)}!${c.address}`, c.note);
      }
    }
    sheet.protection.protect(PROTECTION);
    await context.sync();
  });
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Fill + note on each cell; the value is left alone. */
export async function markBadCells(info: SheetInfo, marks: CellMark[]): Promise<number> {
  const cells = marks.flatMap((m) => {
    const address = addressOf(info, m);
    return address ? [{ address, fill: m.kind === 'conflict' ? CONFLICT_FILL : ERROR_FILL, note: m.message }] : [];
  });
  await withNotes(info, cells);
  return cells.length;
}

/** Back to the input fill, note removed. */
export async function clearMarks(info: SheetInfo, targets: MarkTarget[]): Promise<number> {
  const cells = targets.flatMap((t) => {
    const address = addressOf(info, t);
    const isEditable = (info.editableByLine[t.lineId] ?? []).includes(t.field);
    return address ? [{ address, fill: isEditable ? INPUT_FILL : null, note: null }] : [];
  });
  await withNotes(info, cells);
  return cells.length;
}

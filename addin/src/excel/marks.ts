// Marks: a fill and a note (or, on hosts without notes, a threaded comment) on cells of the G703
// sheet, e.g. a value the server refused. The add-in touches only notes and comments it created —
// their text starts with MARK_PREFIX — so a user's or co-author's own notes and comment threads on
// the same cells survive. Cells are found by line id at the time of writing (locate.ts), and each
// request carries at most OPS_PER_SYNC operations (chunks.ts), so thousands of marks never come
// near Excel on the web's 5 MB request limit. No protection is toggled (that would clear Undo).
// Reusable for any per-line message: applyMarks(info, [{ lineId, column, fill, note }]).

import { cellA1 } from './a1';
import { OPS_PER_SYNC } from './chunks';
import { type ColumnKey, NUMBER_FORMAT, columnsFor, type EditField } from './columns';
import { g703Of, linesFrom, locateColumns, queueLineIds } from './locate';
import { runBatch } from './run';
import { CONFLICT_FILL, ERROR_FILL, INPUT_FILL } from './sheet-format';
import { columnOfEditField, type SheetInfo } from './sheet-info';
import { supportsComments, supportsNotes } from './support';

export type CellMark = {
  lineId: string;
  field: EditField;
  message: string;
  kind?: 'error' | 'conflict' /** put the column's number format back (Excel changed it to % or a date) */;
  resetFormat?: boolean;
};
export type MarkTarget = { lineId: string; field: EditField };
/**
 * One cell to mark or unmark: `note: null` removes the add-in's note; `fill: null` clears the fill.
 * `column` is the rendered position of `key`; the cell is written where the header of `key` is now
 * (not at all when that header is not found).
 */
export type OwnedMark = { lineId: string; column: number; key: ColumnKey; fill: string | null; note: string | null; numberFormat?: string };
export type MarkResult = { marked: number; unmapped: string[] /** cells whose note belongs to someone else: fill only */; foreignNotes: number };

/** Every note/comment the add-in writes starts with this; the add-in deletes no other. */
export const MARK_PREFIX = 'Progress Billing: ';
const isOurs = (text: string | null | undefined) => typeof text === 'string' && text.startsWith(MARK_PREFIX);

/** A1 address of an edit cell by the cached layout (display only; writes locate the row again). */
export function addressOf(info: SheetInfo, t: MarkTarget): string | null {
  const row = info.rowByLineId[t.lineId];
  const col = columnOfEditField(info, t.field);
  return row === undefined || col === null ? null : cellA1(row, col);
}

/** Operations per marked cell in the busiest sync: note lookup + load, then delete, fill, add. */
const OPS_PER_CELL = 3;

export async function applyMarks(info: SheetInfo, marks: OwnedMark[]): Promise<MarkResult> {
  if (!marks.length) return { marked: 0, unmapped: [], foreignNotes: 0 };
  const useNotes = supportsNotes();
  const useComments = !useNotes && supportsComments();
  return runBatch(async (context) => {
    const sheet = g703Of(context, info);
    const now = await locateColumns(context, sheet, info);
    const colOf = new Map(now.columns.map((c) => [c.key, c.index]));
    const ids = queueLineIds(sheet, now);
    const comments = useComments ? context.workbook.comments.load('items/content,items/id') : null;
    await context.sync();
    const rows = linesFrom(ids, now).rowByLineId;
    const found = (m: OwnedMark) => rows[m.lineId] !== undefined && colOf.has(m.key);
    const unmapped = marks.filter((m) => !found(m)).map((m) => m.lineId);
    const cells = marks.filter(found).map((m) => ({ ...m, address: cellA1(rows[m.lineId], colOf.get(m.key)!) }));
    let foreignNotes = 0;
    if (comments) {
      // Comment threads of the add-in at the cells being (un)marked; nobody else's.
      const ours = comments.items.filter((c) => isOurs(c.content));
      const where = ours.map((c) => c.getLocation().load('address'));
      await context.sync();
      const wanted = new Set(cells.map((c) => c.address));
      where.forEach((loc, i) => {
        const a = loc.address.replace(/^.*!/, '').replace(/\$/g, '');
        if (wanted.has(a) && loc.address.includes(info.g703Sheet)) ours[i].delete();
      });
    }
    const perChunk = Math.max(1, Math.floor(OPS_PER_SYNC / OPS_PER_CELL));
    for (let i = 0; i < cells.length; i += perChunk) {
      const chunk = cells.slice(i, i + perChunk);
      const notes = useNotes ? chunk.map((c) => sheet.notes.getItemOrNullObject(c.address).load('content')) : [];
      if (useNotes) await context.sync();
      chunk.forEach((c, k) => {
        const range = sheet.getRange(c.address);
        if (c.numberFormat) range.numberFormat = [[c.numberFormat]];
        if (c.fill) range.format.fill.color = c.fill;
        else range.format.fill.clear();
        const text = c.note === null ? null : MARK_PREFIX + c.note;
        if (useNotes) {
          const existing = notes[k];
          const isForeign = !existing.isNullObject && !isOurs(existing.content);
          if (isForeign) {
            if (text) foreignNotes++;
            return;
          }
          if (!existing.isNullObject) existing.delete();
          if (text) sheet.notes.add(c.address, text);
        } else if (useComments && text) {
          context.workbook.comments.add(`${quote(info.g703Sheet)}!${c.address}`, text);
        }
      });
      await context.sync();
    }
    return { marked: cells.length, unmapped, foreignNotes };
  });
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

const editMark = (info: SheetInfo, lineId: string, field: EditField, fill: string | null, note: string | null, resetFormat = false): OwnedMark[] => {
  const column = columnOfEditField(info, field);
  if (column === null) return [];
  const key = info.columns.find((c) => c.index === column)!.key;
  const format = NUMBER_FORMAT[columnsFor(info.accountingMethod).byKey.get(key)!.format];
  return [{ lineId, column, key, fill, note, ...(resetFormat ? { numberFormat: format } : {}) }];
};

/** Fill + note on each cell; the value is left alone. Returns the number of cells marked. */
export async function markBadCells(info: SheetInfo, marks: CellMark[]): Promise<number> {
  const r = await applyMarks(
    info,
    marks.flatMap((m) => editMark(info, m.lineId, m.field, m.kind === 'conflict' ? CONFLICT_FILL : ERROR_FILL, m.message, m.resetFormat)),
  );
  return r.marked;
}

/** Back to the input fill, the add-in's note removed. */
export async function clearMarks(info: SheetInfo, targets: MarkTarget[]): Promise<number> {
  const r = await applyMarks(
    info,
    targets.flatMap((t) => editMark(info, t.lineId, t.field, (info.editableByLine[t.lineId] ?? []).includes(t.field) ? INPUT_FILL : null, null)),
  );
  return r.marked;
}

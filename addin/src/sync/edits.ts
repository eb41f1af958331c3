// Pure helpers of the edit pipeline: keys, PATCH bodies, chunking, and attributing a 422's
// details to the cells that were sent.

import type { LineEdit } from '../api/types';
import type { ErrorDetail } from '../api/errors';
import type { EditField } from '../excel/columns';
import { cellToPercentText, type CellValue } from '../excel/units';

export type CellEdit = { lineId: string; field: EditField; value: CellValue };

export const cellKey = (lineId: string, field: EditField) => `${lineId}\u0001${field}`;

/** One PATCH body entry per line; an empty cell goes as null (the server reads it as zero). */
export function toLineEdits(cells: CellEdit[]): LineEdit[] {
  const byLine = new Map<string, LineEdit>();
  for (const c of cells) {
    const e = byLine.get(c.lineId) ?? { lineId: c.lineId };
    // A percentage cell holds the fraction (Excel stores "25%" as 0.25): send it as "25%".
    const v =
      typeof c.value === 'boolean'
        ? String(c.value)
        : c.value === ''
          ? null
          : c.field === 'percentComplete' && typeof c.value === 'number'
            ? cellToPercentText(c.value)
            : c.value;
    (e as Record<string, unknown>)[c.field] = v;
    byLine.set(c.lineId, e);
  }
  return [...byLine.values()];
}

/** Splits edits into requests of at most `maxCells` cells, never splitting one line across two. */
export function chunkEdits<T extends CellEdit>(cells: T[], maxCells: number): T[][] {
  const byLine = new Map<string, T[]>();
  for (const c of cells) byLine.set(c.lineId, [...(byLine.get(c.lineId) ?? []), c]);
  const out: T[][] = [];
  let cur: T[] = [];
  for (const group of byLine.values()) {
    if (cur.length && cur.length + group.length > maxCells) {
      out.push(cur);
      cur = [];
    }
    cur.push(...group);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * The server names fields two ways: the request's keys for parse errors ("workCompletedThisPeriod")
 * and the engine's for rule errors ("workCompletedThisPeriodCents", "retainageReleasedCents").
 */
export function editFieldOf(serverField: string): EditField | null {
  switch (serverField) {
    case 'workCompletedThisPeriod':
    case 'workCompletedThisPeriodCents':
      return 'workCompletedThisPeriod';
    case 'percentComplete':
      return 'percentComplete';
    case 'materialsPresentlyStored':
    case 'materialsPresentlyStoredCents':
      return 'materialsPresentlyStored';
    case 'workQtyThisPeriod':
      return 'workQtyThisPeriod';
    case 'storedQty':
      return 'storedQty';
    case 'retainageReleased':
    case 'retainageReleasedCents':
      return 'retainageReleased';
    default:
      return null;
  }
}

export type Attribution = {
  /** sent cells to hold back, with the server's messages */
  bad: Map<string, { code: string; message: string }>;
  /** details that name no sent cell (another line's state, a request-level problem) */
  unattributed: ErrorDetail[];
};

/**
 * Which sent cells a 422 is about. A detail naming a sent cell marks that cell; a detail on a
 * sent line but another field (e.g. OVERBILLED reported on E after an F edit) marks every sent
 * cell of that line, since any of them may be the cause and the rest must still get through.
 */
export function attributeDetails(details: ErrorDetail[], sent: CellEdit[]): Attribution {
  const keys = new Set(sent.map((c) => cellKey(c.lineId, c.field)));
  const byLine = new Map<string, CellEdit[]>();
  for (const c of sent) byLine.set(c.lineId, [...(byLine.get(c.lineId) ?? []), c]);
  const bad = new Map<string, { code: string; message: string }>();
  const unattributed: ErrorDetail[] = [];
  const add = (key: string, d: ErrorDetail) => {
    const prev = bad.get(key);
    bad.set(key, prev ? { code: prev.code, message: `${prev.message}\n${d.message}` } : { code: d.code, message: d.message });
  };
  for (const d of details) {
    const field = editFieldOf(d.field);
    if (d.lineId && field && keys.has(cellKey(d.lineId, field))) add(cellKey(d.lineId, field), d);
    else if (d.lineId && byLine.has(d.lineId)) for (const c of byLine.get(d.lineId)!) add(cellKey(c.lineId, c.field), d);
    else unattributed.push(d);
  }
  return { bad, unattributed };
}

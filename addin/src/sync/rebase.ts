// What to do with unsynced edits when the server moved on (409, refresh, reopen). Pure.

import type { HistoryResponse, InvoiceLine, InvoiceView } from '../api/types';
import type { EditField } from '../excel/columns';
import { serverCellValue } from '../excel/layout';
import type { EditedRow } from '../excel/read';
import { amountForQty, percentDisplay } from '@shared/money';
import { centsToCell, percentToCell, qtyToCell, sameCell, type CellValue } from '../excel/units';
import { cellKey, editFieldOf } from './edits';
import type { QueuedEdit } from './queue';
import type { ConflictCell } from './status';

export type Rebase = { keep: QueuedEdit[]; same: QueuedEdit[]; conflicts: ConflictCell[]; gone: QueuedEdit[] };

/**
 * An edit collides when the server's value of the same line and field is no longer the value the
 * user overwrote (someone else changed it). An edit equal to the server's value is already done.
 */
export function rebaseEdits(edits: QueuedEdit[], latest: Pick<InvoiceView, 'lines'>): Rebase {
  const byId = new Map(latest.lines.map((l) => [l.lineId, l]));
  const out: Rebase = { keep: [], same: [], conflicts: [], gone: [] };
  for (const e of edits) {
    const line = byId.get(e.lineId);
    if (!line) {
      out.gone.push(e);
      continue;
    }
    const now = serverCellValue(line, e.field);
    if (sameCell(now, e.value)) out.same.push(e);
    else if (sameCell(now, e.base)) out.keep.push(e);
    else out.conflicts.push({ lineId: e.lineId, itemNo: e.itemNo, field: e.field, mine: e.value, theirs: now });
  }
  return out;
}

/** Server-side lines whose figures differ between two views (what a refresh must write). */
export function changedLines(before: Pick<InvoiceView, 'lines'>, after: Pick<InvoiceView, 'lines'>): Array<{ before: InvoiceLine | null; after: InvoiceLine }> {
  const old = new Map(before.lines.map((l) => [l.lineId, l]));
  return after.lines.filter((l) => JSON.stringify(old.get(l.lineId)) !== JSON.stringify(l)).map((l) => ({ before: old.get(l.lineId) ?? null, after: l }));
}

/** Did the sheet's shape change (lines, groups, editability), so it needs a full re-render? */
export function needsRerender(before: InvoiceView, after: InvoiceView): boolean {
  if (before.invoice.isEditable !== after.invoice.isEditable || before.invoice.status !== after.invoice.status) return true;
  if (before.lines.length !== after.lines.length) return true;
  return before.lines.some((l, i) => {
    const a = after.lines[i];
    return a.lineId !== l.lineId || a.groupId !== l.groupId || a.groupName !== l.groupName || a.description !== l.description || a.itemNo !== l.itemNo;
  });
}

const historyCell = (field: EditField, v: number | null): CellValue =>
  v === null ? 0 : field === 'workQtyThisPeriod' || field === 'storedQty' ? qtyToCell(v) : centsToCell(v);

/**
 * The % cell as the sheet showed it before the server's changes since (G ÷ C from each entry's
 * first old value in the history; C and D do not change within an invoice's edits), or null when
 * no entry of the line changed.
 */
function stalePercent(line: InvoiceLine, oldOf: (historyField: string) => number | undefined): CellValue | null {
  const fields = ['workCompletedThisPeriodCents', 'materialsPresentlyStoredCents', 'workQtyThisPeriod', 'storedQty'];
  if (fields.every((f) => oldOf(f) === undefined)) return null;
  const pick = (f: string, now: number) => oldOf(f) ?? now;
  let g: number;
  if (line.workQtyThisPeriod !== null && line.unitPrice !== null && line.workQtyPrevious !== null) {
    const qty = line.workQtyPrevious + pick('workQtyThisPeriod', line.workQtyThisPeriod) + pick('storedQty', line.storedQty ?? 0);
    g = amountForQty(qty, line.unitPrice);
  } else {
    g =
      line.workCompletedPreviousCents +
      pick('workCompletedThisPeriodCents', line.workCompletedThisPeriodCents) +
      pick('materialsPresentlyStoredCents', line.materialsPresentlyStoredCents);
  }
  return percentToCell(percentDisplay(g, line.scheduledValueCents));
}

export type Reconcile = { edits: QueuedEdit[]; conflicts: ConflictCell[] };

/**
 * After a reopen: cells where the sheet differs from the server. If nothing was saved since the
 * sheet last synced, each is an edit made while the task pane was closed. Otherwise the history
 * tells whose change it is: a cell the server changed since, whose sheet value is that change's
 * old value, is merely stale; changed on both sides, it collides; changed only on the sheet, it
 * is the user's edit.
 */
export function reconcileSheet(
  rows: EditedRow[],
  view: Pick<InvoiceView, 'lines' | 'invoice'>,
  syncedVersion: number,
  history: HistoryResponse['changes'] | null,
  alreadyQueued: (key: string) => boolean,
): Reconcile {
  const byId = new Map(view.lines.map((l) => [l.lineId, l]));
  const byItemNo = new Map(view.lines.map((l) => [l.itemNo, l]));
  // first server change per line+field after the sheet's version: its old value is what the sheet showed
  const firstChange = new Map<string, CellValue>();
  // The % cell is no entry of its own: its stale value is G ÷ C from the entries' old values.
  const firstOld = new Map<string, number | null>();
  for (const h of history ?? []) {
    const field = editFieldOf(h.field);
    const line = byItemNo.get(h.itemNo);
    if (line && h.version > syncedVersion && !firstOld.has(`${line.lineId}\u0001${h.field}`)) firstOld.set(`${line.lineId}\u0001${h.field}`, h.oldValue);
    if (!field || !line || h.version <= syncedVersion) continue;
    const key = cellKey(line.lineId, field);
    if (!firstChange.has(key)) firstChange.set(key, historyCell(field, h.oldValue));
  }
  for (const line of view.lines) {
    const stale = stalePercent(line, (f) => (firstOld.has(`${line.lineId}\u0001${f}`) ? (firstOld.get(`${line.lineId}\u0001${f}`) ?? 0) : undefined));
    if (stale !== null) firstChange.set(cellKey(line.lineId, 'percentComplete'), stale);
  }
  const out: Reconcile = { edits: [], conflicts: [] };
  for (const r of rows) {
    const line = byId.get(r.lineId);
    if (!line) continue;
    for (const [f, sheetValue] of Object.entries(r.values) as Array<[EditField, CellValue]>) {
      const key = cellKey(r.lineId, f);
      const server = serverCellValue(line, f);
      if (sameCell(sheetValue, server) || alreadyQueued(key)) continue;
      const edit = { lineId: r.lineId, itemNo: line.itemNo, field: f, value: sheetValue, base: server };
      const conflict = { lineId: r.lineId, itemNo: line.itemNo, field: f, mine: sheetValue, theirs: server };
      if (view.invoice.version === syncedVersion) out.edits.push(edit);
      // Without the history we cannot tell a stale cell from an edit: never overwrite blindly.
      else if (history === null) out.conflicts.push(conflict);
      else if (!firstChange.has(key)) out.edits.push(edit);
      else if (!sameCell(sheetValue, firstChange.get(key))) out.conflicts.push(conflict);
    }
  }
  return out;
}

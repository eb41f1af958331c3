// Pieces of the session that need none of its state: the sheet overlay, merging a save into the
// view, classifying failures, the conflict note, and the probe used to read a reopened sheet.

import type { ApiClient } from '../api/client';
import { ApiError, NetworkError } from '../api/errors';
import type { EditLinesResult, HistoryResponse, InvoiceView } from '../api/types';
import type { InvoiceBinding } from '../excel/binding';
import { EDIT_FIELDS, type EditField } from '../excel/columns';
import { planG703, serverCellValue, type PendingValues } from '../excel/layout';
import type { SheetInfo } from '../excel/sheet-info';
import { sheetLabels } from '../excel/sheet-labels';
import type { Locale } from '@shared/i18n/locales';
import type { SyncedCopy } from './synced-copy';
import type { LineChange } from '../excel/write-back';
import { sameCell, type CellValue } from '../excel/units';
import type { EditedRow } from '../excel/read';
import type { CellMark, MarkTarget } from '../excel/marks';
import { cellKey } from './edits';
import type { EditQueue } from './queue';
import type { QueuedEdit } from './queue';
import type { ConflictCell, RejectedCell } from './status';

/** What the sheet shows instead of the server's value: refused, queued and in-flight user values. */
export function buildOverlay(rejected: Iterable<RejectedCell>, queued: QueuedEdit[], inFlight: Map<string, CellValue>): PendingValues {
  const m: PendingValues = new Map();
  const put = (lineId: string, field: EditField, v: CellValue) => m.set(lineId, { ...m.get(lineId), [field]: v });
  for (const r of rejected) put(r.lineId, r.field, r.value);
  for (const e of queued) put(e.lineId, e.field, e.value);
  for (const [k, v] of inFlight) {
    const [lineId, field] = k.split('\u0001') as [string, EditField];
    put(lineId, field, v);
  }
  return m;
}

/**
 * Which editable cells of the saved lines take the server's value after a save: the cells not sent
 * in it (a percentage moved E or the quantity) and the % cell even when sent (it shows the server's
 * G ÷ C), never a cell with a newer edit (queued, in flight or refused).
 */
export function afterSaveOverwrite(sent: Array<{ lineId: string; field: EditField }>, isPending: (key: string) => boolean) {
  const sentKeys = new Set(sent.map((c) => cellKey(c.lineId, c.field)));
  return (lineId: string, field: EditField): boolean => {
    const k = cellKey(lineId, field);
    return (field === 'percentComplete' || !sentKeys.has(k)) && !isPending(k);
  };
}

/** The synced copy of the cells a write-back gave the server's values (the next diff starts from them). */
export function noteSynced(synced: SyncedCopy, changes: LineChange[], canOverwrite: (lineId: string, field: EditField) => boolean): void {
  for (const { after } of changes) {
    for (const f of EDIT_FIELDS) if (canOverwrite(after.lineId, f)) synced.set(after.lineId, f, serverCellValue(after, f));
  }
}

/** The view after a successful PATCH (changed lines merged, figures and version replaced). */
export function mergeSave(view: InvoiceView, res: EditLinesResult): { view: InvoiceView; changes: LineChange[] } {
  const byId = new Map(view.lines.map((l) => [l.lineId, l]));
  const changes = res.lines
    .filter((l) => byId.has(l.lineId))
    .map((after) => ({ before: byId.get(after.lineId)!, after: { ...byId.get(after.lineId)!, ...after } }));
  const merged = new Map(changes.map((c) => [c.after.lineId, c.after]));
  return {
    view: {
      ...view,
      invoice: { ...view.invoice, version: res.version },
      lines: view.lines.map((l) => merged.get(l.lineId) ?? l),
      totals: res.totals,
      g702: res.g702,
      changeOrderSummary: res.changeOrderSummary,
      warnings: res.warnings,
    },
    changes,
  };
}

export type Failure = { error: { code: string; message: string; requestId?: string }; isRetryable: boolean; isOffline: boolean };

/** Network trouble and 5xx/429 are retried with backoff; any other refusal waits for the user. */
export function classify(e: unknown): Failure {
  if (e instanceof NetworkError) return { error: { code: 'NETWORK', message: e.message }, isRetryable: true, isOffline: true };
  if (e instanceof ApiError)
    return { error: { code: e.code, message: e.message, requestId: e.requestId }, isRetryable: e.status >= 500 || e.status === 429, isOffline: false };
  return { error: { code: 'CLIENT', message: e instanceof Error ? e.message : String(e) }, isRetryable: false, isOffline: false };
}

/** The note on the cell, in the sheet's language (co-authors share it). */
export function conflictNote(c: ConflictCell, locale: Locale): string {
  return sheetLabels(locale).conflictNote(String(c.theirs), String(c.mine));
}

/** Enough SheetInfo to read back the editable cells of a sheet rendered in an earlier session. */
export function probeInfo(view: InvoiceView, binding: InvoiceBinding): SheetInfo {
  const plan = planG703(view, { grouped: false });
  return {
    invoiceId: view.invoice.id,
    g703Sheet: binding.g703Sheet,
    g702Sheet: binding.g702Sheet,
    g703SheetId: binding.g703SheetId ?? '',
    g702SheetId: binding.g702SheetId ?? '',
    tableName: binding.tableName,
    accountingMethod: view.contract.accountingMethod,
    locale: binding.locale ?? 'en',
    headerRow: plan.headerRow,
    firstDataRow: binding.firstDataRow,
    lastDataRow: binding.lastDataRow,
    columns: plan.cols.list.map((c) => ({ key: c.key, letter: c.letter, index: c.index, editField: c.editField ?? null, isSummed: !!c.isSummed })),
    rowByLineId: {},
    editableByLine: Object.fromEntries(plan.rows.map((r) => [r.lineId!, r.editable])),
    g702Cells: {} as SheetInfo['g702Cells'],
    coCells: {} as SheetInfo['coCells'],
    columnView: binding.columnView,
    grouped: binding.grouped,
    canEdit: true,
    groups: [],
  };
}

export type TrackState = {
  queue: EditQueue;
  synced: SyncedCopy;
  inFlight: Map<string, CellValue>;
  rejected: Map<string, RejectedCell>;
  conflicts: ConflictCell[];
  itemNoOf: (lineId: string) => string;
};

/**
 * Rows read back from the sheet, diffed against the last synced copy (or the value in flight):
 * differences join the queue (keeping the server value they overwrote as `base`), reverts leave
 * it. A refused cell still holding the refused value is not resent; once changed, its mark goes.
 * Returns the cells whose marks should be cleared. Mutates the state it is given.
 */
export function trackEdits(rows: EditedRow[], s: TrackState): MarkTarget[] {
  const clear: MarkTarget[] = [];
  for (const row of rows) {
    for (const [field, value] of Object.entries(row.values) as Array<[EditField, CellValue]>) {
      const key = cellKey(row.lineId, field);
      const bad = s.rejected.get(key);
      if (bad) {
        if (sameCell(bad.value, value)) continue;
        s.rejected.delete(key);
        clear.push({ lineId: row.lineId, field });
      }
      const conflict = s.conflicts.findIndex((c) => c.lineId === row.lineId && c.field === field);
      if (conflict >= 0 && !sameCell(s.conflicts[conflict].theirs, value)) {
        s.conflicts.splice(conflict, 1);
        clear.push({ lineId: row.lineId, field });
      }
      const baseline = s.inFlight.has(key) ? s.inFlight.get(key) : s.synced.get(row.lineId, field);
      if (sameCell(value, baseline)) {
        s.queue.delete(key);
        continue;
      }
      const prev = s.queue.get(key);
      s.queue.set({ lineId: row.lineId, itemNo: s.itemNoOf(row.lineId), field, value, base: prev?.base ?? s.synced.get(row.lineId, field) ?? '' });
    }
  }
  return clear;
}

/** Refused cells leave the queue for the refused list (value kept, message from the server). */
export function refuse(
  cells: QueuedEdit[],
  bad: Map<string, { code: string; message: string }>,
  queue: EditQueue,
  rejected: Map<string, RejectedCell>,
): CellMark[] {
  const marks: CellMark[] = [];
  for (const c of cells) {
    const key = cellKey(c.lineId, c.field);
    const why = bad.get(key);
    if (!why) continue;
    queue.delete(key);
    rejected.set(key, { lineId: c.lineId, itemNo: c.itemNo, field: c.field, value: c.value, code: why.code, message: why.message });
    marks.push({ lineId: c.lineId, field: c.field, message: why.message, kind: 'error' });
  }
  return marks;
}

/** Every recorded line change, page by page (a reopened sheet is compared against them). */
export async function fetchAllHistory(api: ApiClient, invoiceId: string): Promise<HistoryResponse['changes']> {
  const changes: HistoryResponse['changes'] = [];
  let after: number | undefined;
  for (let page = 0; page < 50; page++) {
    const res = await api.history(invoiceId, { after, limit: 5000 });
    changes.push(...res.changes);
    if (res.nextAfter === null) return changes;
    after = res.nextAfter;
  }
  throw new Error('The invoice history is too long to compare with the sheet');
}

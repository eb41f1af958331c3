// The sheet-change pipeline of a session: an onChanged event becomes a read-back (kept in the
// persisted dirty set until it succeeds), a co-author's value is remembered and never sent, a
// value Excel converted (date, percentage) is refused, a typed-over computed cell is put back, and
// the rest joins the edit queue. The G702 notice says when the sheet's figures are provisional.

import type { InvoiceView } from '../api/types';
import * as xl from '../excel';
import { messageLabels } from '../excel/message-labels';
import type { Locale } from '@shared/i18n/locales';
import type { SheetInfo } from '../excel/sheet-info';
import { type CellValue, sameCell } from '../excel/units';
import { cellKey } from './edits';
import type { EditQueue } from './queue';
import { trackEdits } from './session-parts';
import { type DirtySet, G702_NOTICE_CELL, type RemoteValues, noticeText } from './session-sheet';
import type { SessionFacts } from './session-status';
import type { ConflictCell, RejectedCell } from './status';
import type { LayoutOptions } from '../excel/layout';
import { releaseLabels } from '@shared/i18n/release-labels';
import type { SyncedCopy } from './synced-copy';

export type ChangeDeps = {
  /** the pane's language, for the sentences the status line shows */
  lang: Locale;
  info: () => SheetInfo | null;
  current: () => InvoiceView | null;
  queue: EditQueue;
  synced: SyncedCopy;
  inFlight: Map<string, CellValue>;
  rejected: Map<string, RejectedCell>;
  conflicts: () => ConflictCell[];
  dirty: DirtySet;
  remote: RemoteValues;
  facts: SessionFacts;
  terms: LayoutOptions['terms'];
  overlay: () => LayoutOptions['pending'];
  emit: () => void;
  serial: <T>(fn: () => Promise<T>) => Promise<T>;
  /** now: send at once (a paste is one complete change); else after the typing pause */
  scheduleFlush: (now: boolean) => void;
  /** a new user edit lifts a block that retrying could not */
  unblock: () => void;
  report: (e: unknown) => void;
  retryMs: number;
  isClosed: () => boolean;
};

export function createChangePipeline(d: ChangeDeps) {
  const seen = { ownWrites: 0, userChanges: 0, remoteChanges: 0 };
  let dirtyTimer: ReturnType<typeof setTimeout> | null = null;
  let notice = '';
  const lineOf = (lineId: string) => d.current()?.lines.find((l) => l.lineId === lineId);
  /** A column whose header is missing or doubled was neither read nor written: say so. */
  const noteColumns = (info: SheetInfo) => {
    const message = xl.columnIssueMessage(info, d.lang);
    if (message) d.facts.error = { code: 'COLUMNS_NOT_FOUND', message };
  };

  async function onChange(change: xl.SheetChange): Promise<void> {
    if (change.isOwnWrite) {
      seen.ownWrites++;
      return;
    }
    const info = d.info();
    const current = d.current();
    if (!info || !current || change.changeType !== 'RangeEdited') return;
    if (change.source !== 'Remote' && xl.touchesGuardedCells(info, change.address)) await restoreGuarded(change.address);
    if (!xl.touchesEditableColumn(info, change.address)) return;
    if (change.source === 'Remote') {
      // A co-author's edit: theirs to save. Remember what they put there so it is never sent as ours.
      seen.remoteChanges++;
      for (const row of await xl.readEditedRows(info, change.address)) {
        for (const [field, value] of Object.entries(row.values) as Array<[xl.EditField, CellValue]>) d.remote.note(cellKey(row.lineId, field), value);
      }
      noteColumns(info);
      return;
    }
    seen.userChanges++;
    // Persist the address before reading: if Excel refuses the read, the edit is not lost.
    d.dirty.add(change.address);
    await readDirty();
  }

  /** A computed (or read-only) cell typed over: the formula or server figure goes back, with why. */
  async function restoreGuarded(address: string): Promise<void> {
    const info = d.info()!;
    const current = d.current()!;
    const r = await xl.restoreGuardedCells(info, current, address, { terms: d.terms ?? null, pending: d.overlay() });
    if (!r.cells) return;
    const say = messageLabels(d.lang);
    // On a retainage release invoice E, F and % are inputs no more (excel/layout.ts editableFields): say so.
    const isReleaseLock = current.invoice.isEditable && current.invoice.kind === 'retainage_release' && r.inputHeaders.length > 0;
    const why = isReleaseLock
      ? releaseLabels(d.lang).lockedCells(r.inputHeaders.join(', '))
      : current.invoice.isEditable
        ? say.computed(r.headers.join(', '), r.headers.length)
        : (current.invoice.notEditableReason ?? say.readOnly);
    d.facts.error = { code: 'CELL_NOT_EDITABLE', message: say.putBack(why, r.cells) };
    d.emit();
  }

  /** Reads every dirty address; what cannot be read now stays dirty and is retried. */
  async function readDirty(): Promise<void> {
    const info = d.info();
    if (!info) return;
    for (const address of d.dirty.values()) {
      let rows: xl.EditedRow[];
      try {
        rows = await xl.readEditedRows(info, address);
      } catch (e) {
        if (dirtyTimer === null && !d.isClosed())
          dirtyTimer = setTimeout(() => {
            dirtyTimer = null;
            void d.serial(() => readDirty()).catch(d.report);
          }, d.retryMs);
        throw e;
      }
      noteColumns(info);
      await absorb(rows);
      d.dirty.delete(address);
    }
  }

  /** Diff rows read from the sheet against the last synced copy; differences join the queue. */
  async function absorb(rows: xl.EditedRow[]): Promise<void> {
    const converted = refuseConverted(rows);
    const mine = rows.map((r) => ({
      ...r,
      values: Object.fromEntries(Object.entries(r.values).filter(([f, v]) => !d.remote.isRemote(cellKey(r.lineId, f as xl.EditField), v as CellValue))),
    }));
    const clear = trackEdits(mine, {
      queue: d.queue,
      synced: d.synced,
      inFlight: d.inFlight,
      rejected: d.rejected,
      conflicts: d.conflicts(),
      itemNoOf: (id) => lineOf(id)?.itemNo ?? '',
    });
    const info = d.info();
    d.queue.persist();
    d.unblock();
    if (clear.length && info)
      await xl.clearMarks(
        info,
        clear.filter((c) => !converted.some((m) => m.lineId === c.lineId && m.field === c.field)),
      );
    if (converted.length && info) await xl.markBadCells(info, converted);
    d.emit();
    if (d.queue.size) d.scheduleFlush(rows.length > 1);
    else await updateNotice(true);
  }

  /** Cells Excel turned into a date or a percentage are refused here, with what Excel saw. */
  function refuseConverted(rows: xl.EditedRow[]): xl.CellMark[] {
    const marks: xl.CellMark[] = [];
    for (const row of rows) {
      for (const [field, c] of Object.entries(row.converted ?? {}) as Array<[xl.EditField, xl.Converted]>) {
        const key = cellKey(row.lineId, field);
        if (d.rejected.get(key)?.code === 'EXCEL_CONVERTED' && sameCell(d.rejected.get(key)!.value, c.value)) continue;
        d.queue.delete(key);
        const message = xl.convertedMessage(c);
        d.rejected.set(key, { lineId: row.lineId, itemNo: lineOf(row.lineId)?.itemNo ?? '', field, value: c.value, code: 'EXCEL_CONVERTED', message });
        marks.push({ lineId: row.lineId, field, message, kind: 'error', resetFormat: true });
      }
    }
    return marks;
  }

  /** The G702 sheet says when its figures are provisional, and which server figure stands. */
  async function updateNotice(isInSerial = false): Promise<void> {
    const info = d.info();
    if (!info) return;
    const text = noticeText({ refused: d.rejected.size, unsaved: d.queue.size + d.inFlight.size }, d.current(), info.locale);
    if (text === notice) return;
    notice = text;
    const sheetInfo = info;
    const write = () => xl.writeG702Notice(sheetInfo, G702_NOTICE_CELL, text);
    await (isInSerial ? write() : d.serial(write));
  }

  return {
    onChange,
    readDirty,
    absorb,
    updateNotice,
    /** a render rewrote the G702: its notice cell is blank again */
    resetNotice: () => {
      notice = '';
    },
    seen: () => ({ ...seen, dirty: d.dirty.size }),
    close: () => {
      if (dirtyTimer) clearTimeout(dirtyTimer);
      dirtyTimer = null;
    },
  };
}

// One open invoice: renders it, watches the G703 sheet, queues and saves edits, handles 422/409/
// offline, refreshes without clobbering unsynced edits. See index.ts for the contract.
// Workbook facts it relies on (cited in excel/): one workbook-level change handler keyed by the
// sheet's id survives the sheet's deletion, renaming and re-rendering (excel/events.ts); every
// batch waits out cell-edit mode (excel/run.ts); writes locate lines by id (excel/locate.ts);
// nothing toggles protection, so saving keeps the user's Undo (excel/write-back.ts).

import { ApiError } from '../api/errors';
import type { InvoiceView } from '../api/types';
import * as xl from '../excel';
import type { ColumnOverrides, ColumnView, EditField } from '../excel/columns';
import type { SheetInfo } from '../excel/sheet-info';
import { sameCell, type CellValue } from '../excel/units';
import { attributeDetails, cellKey, chunkEdits, toLineEdits } from './edits';
import { EditQueue, type QueuedEdit } from './queue';
import { changedLines, needsRerender, rebaseEdits, reconcileSheet } from './rebase';
import { buildStatus, type SessionFacts } from './session-status';
import { afterSaveOverwrite, buildOverlay, classify, conflictNote, fetchAllHistory, mergeSave, noteSynced, probeInfo, refuse } from './session-parts';
import { createChangePipeline } from './session-changes';
import { DirtySet, RemoteValues, readLayout, writeLayout, type Layout } from './session-sheet';
import type { SessionOptions } from './session-options';
import { toLocale } from '@shared/i18n/locales';
import { createReplyMarker, type ReplyMark } from './reply-marks';
import { SyncedCopy } from './synced-copy';

export type { SessionOptions };
import type { ConflictCell, RejectedCell, SyncStatus } from './status';

export type InvoiceSession = ReturnType<typeof createInvoiceSession>;

export function createInvoiceSession(o: SessionOptions) {
  const coalesceMs = o.coalesceMs ?? 400;
  const maxWaitMs = o.maxWaitMs ?? 2_000;
  const maxCells = o.maxCellsPerPatch ?? 5_000;
  const retryDelays = o.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
  const queue = new EditQueue(o.storage, o.invoiceId);
  const synced = new SyncedCopy();
  const inFlight = new Map<string, CellValue>();
  const rejected = new Map<string, RejectedCell>();
  let conflicts: ConflictCell[] = [];
  const replies = createReplyMarker();
  let current: InvoiceView | null = null;
  let info: SheetInfo | null = null;
  let watch: xl.Watch | null = null;
  const prefs: Layout = { columnView: o.columnView ?? 'standard', grouped: o.grouped ?? false, columnOverrides: o.columnOverrides ?? {} };
  const facts: SessionFacts = { phase: 'idle', error: null, retryAt: null, lastSavedAt: null, mismatch: [], savingCount: 0 };
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryIndex = 0;
  let flushing: Promise<void> | null = null;
  let isBlocked = false; // a refusal that retrying cannot fix; cleared by the next user edit
  let isClosed = false;
  let chain: Promise<unknown> = Promise.resolve();
  let initialView = o.initialView ?? null; // used once: a later open() or a retry reads the server again

  /** Workbook work runs one at a time: a read never interleaves with a render or a write-back. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const statusNow = () =>
    buildStatus(facts, {
      queued: queue.size,
      inFlight: inFlight.size,
      rejected: [...rejected.values()],
      conflicts,
      version: current?.invoice.version ?? null,
      readOnlyReason: current && !current.invoice.isEditable ? current.invoice.notEditableReason : null,
    });
  const emit = () => o.onStatus?.(statusNow());

  const lineOf = (lineId: string) => current?.lines.find((l) => l.lineId === lineId);
  const overlay = () => buildOverlay(rejected.values(), queue.values(), inFlight);
  /** the pane's language: the session's own sentences in the status line */
  const lang = toLocale(o.locale) ?? 'en';
  const changes = createChangePipeline({
    lang,
    info: () => info,
    current: () => current,
    queue,
    synced,
    inFlight,
    rejected,
    conflicts: () => conflicts,
    dirty: new DirtySet(o.storage, o.invoiceId),
    remote: new RemoteValues(),
    facts,
    terms: o.terms ?? null,
    overlay: () => overlay(),
    emit: () => emit(),
    serial,
    scheduleFlush: (now) => scheduleFlush(now ? 0 : coalesceMs),
    unblock: () => {
      isBlocked = false;
    },
    report: (e) => report(e),
    retryMs: retryDelays[0],
    isClosed: () => isClosed,
  });
  const renderNow = async (view: InvoiceView, activate = false) => {
    const { columnOverrides, ...layout } = prefs;
    const r = await serial(() =>
      xl.renderInvoice(view, { header: o.header, locale: o.locale, terms: o.terms ?? null, pending: overlay(), rowHeight: o.rowHeight, activate, ...layout }),
    );
    info = r.info;
    // The user's own shown/hidden columns on top of the preset the render applied.
    if (Object.keys(columnOverrides).length) info = await serial(() => xl.setColumnView(r.info, prefs.columnView, columnOverrides));
    changes.resetNotice();
    await remark();
    replies.rendered();
    await syncReplies();
  };
  const syncReplies = () => replies.sync((write, remove) => (info ? serial(() => xl.applyReplyMarks(info!, write, remove)) : Promise.resolve(0)));
  const remark = async () => {
    if (!info) return;
    const marks: xl.CellMark[] = [
      ...[...rejected.values()].map((r) => ({ lineId: r.lineId, field: r.field, message: r.message, kind: 'error' as const })),
      ...conflicts.map((c) => ({ lineId: c.lineId, field: c.field, message: conflictNote(c, info!.locale), kind: 'conflict' as const })),
    ];
    if (marks.length) await serial(() => xl.markBadCells(info!, marks));
  };

  async function open(): Promise<void> {
    isClosed = false;
    facts.phase = 'opening';
    emit();
    queue.load();
    let view: InvoiceView;
    try {
      view = initialView ?? (await o.api.getInvoice(o.invoiceId));
      initialView = null;
    } catch (e) {
      return failed(e, open);
    }
    const binding = await xl.readBinding(o.invoiceId);
    if (binding && (await xl.sheetExists(binding.g703SheetId || binding.g703Sheet))) {
      // The sheet may hold edits made while the task pane was closed.
      const mine = readLayout(o.storage, o.invoiceId);
      prefs.columnView = o.columnView ?? mine?.columnView ?? binding.columnView;
      prefs.grouped = o.grouped ?? mine?.grouped ?? binding.grouped;
      prefs.columnOverrides = o.columnOverrides ?? mine?.columnOverrides ?? {};
      const rows = await serial(() => xl.readAllEditable(probeInfo(view, binding)));
      const history = binding.syncedVersion !== view.invoice.version ? await fetchAllHistory(o.api, o.invoiceId).catch(() => null) : null;
      const found = reconcileSheet(rows, view, binding.syncedVersion, history, (k) => queue.has(k));
      found.edits.forEach((e) => queue.set(e));
      conflicts = [...conflicts, ...found.conflicts];
    }
    adopt(view);
    await renderNow(view, true);
    // One registration for the workbook, filtered by the G703 sheet's CURRENT id: it keeps working
    // when the sheet is deleted and re-rendered (new id) or renamed (same id).
    watch ??= await xl.watchWorkbookChanges((c) => {
      if (info && c.worksheetId === info.g703SheetId) void serial(() => changes.onChange(c)).catch(report);
    });
    if (changes.seen().dirty) void serial(() => changes.readDirty()).catch(report);
    facts.phase = 'idle';
    o.onView?.(view);
    emit();
    if (queue.size) scheduleFlush(0);
    else await checkMismatch();
  }

  /** Take a server view as the truth: rebase queued edits onto it, collisions become conflicts. */
  function adopt(view: InvoiceView) {
    const r = rebaseEdits(queue.values(), view);
    for (const e of [...r.same, ...r.gone, ...r.conflicts]) queue.delete(cellKey(e.lineId, e.field));
    conflicts = [...conflicts.filter((c) => !r.conflicts.some((n) => n.lineId === c.lineId && n.field === c.field)), ...r.conflicts];
    queue.version = view.invoice.version;
    queue.persist();
    current = view;
    synced.reset(view);
  }

  function scheduleFlush(delay: number) {
    if (isClosed) return;
    const now = Date.now();
    firstPendingAt ??= now;
    const wait = Math.max(0, Math.min(delay, firstPendingAt + maxWaitMs - now));
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = setTimeout(() => {
      flushTimer = null;
      void flush().catch(report);
    }, wait);
  }

  function flush(): Promise<void> {
    if (flushTimer) {
      clearTimeout(flushTimer);
      flushTimer = null;
    }
    firstPendingAt = null;
    if (flushing) return flushing.then(() => (queue.size && !isBlocked ? flush() : undefined));
    flushing = (async () => {
      try {
        while (queue.size && !isBlocked && !isClosed && current) {
          const before = queue.size;
          const ok = await sendAll();
          if (!ok || queue.size >= before) break;
        }
      } finally {
        flushing = null;
      }
      if (!queue.size && !inFlight.size) await checkMismatch();
      await changes.updateNotice().catch(report);
      emit();
    })();
    return flushing;
  }

  async function sendAll(): Promise<boolean> {
    for (const chunk of chunkEdits(queue.values(), maxCells)) if (!(await send(chunk))) return false;
    return true;
  }

  /** One PATCH (re-sent without refused cells after a 422, rebased after a 409). */
  async function send(cells: QueuedEdit[]): Promise<boolean> {
    for (let attempt = 0; attempt < 6 && cells.length; attempt++) {
      const view = current!;
      for (const c of cells) inFlight.set(cellKey(c.lineId, c.field), c.value);
      Object.assign(facts, { phase: 'saving', savingCount: cells.length });
      emit();
      let res: Awaited<ReturnType<typeof o.api.editLines>>;
      try {
        res = await o.api.editLines(o.invoiceId, view.invoice.version, toLineEdits(cells));
      } catch (e) {
        for (const c of cells) inFlight.delete(cellKey(c.lineId, c.field));
        Object.assign(facts, { phase: 'idle', savingCount: 0 });
        try {
          if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') {
            cells = await holdBack(e, cells);
            continue;
          }
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
            await rebaseOnServer();
            cells = cells.map((c) => queue.get(cellKey(c.lineId, c.field))).filter((c): c is QueuedEdit => !!c);
            continue;
          }
          await failed(e, () => flush());
          // Not awaited: refresh waits for this flush to end.
          if (e instanceof ApiError && e.code === 'INVOICE_NOT_EDITABLE') void refresh().catch(report);
        } catch (inner) {
          await failed(inner, () => flush());
        }
        return false;
      }
      // Saved on the server: from here on nothing may put these cells back in the queue.
      for (const c of cells) {
        const key = cellKey(c.lineId, c.field);
        inFlight.delete(key);
        synced.set(c.lineId, c.field, c.value);
        const q = queue.get(key);
        if (q && sameCell(q.value, c.value)) queue.delete(key);
        else if (q) queue.set({ ...q, base: c.value });
      }
      const { view: next, changes } = mergeSave(view, res);
      current = next;
      queue.version = res.version;
      queue.persist();
      Object.assign(facts, { phase: 'idle', error: null, offline: false, retryAt: null, savingCount: 0, lastSavedAt: new Date().toISOString() });
      retryIndex = 0;
      o.onView?.(next);
      emit(); // saved on the server: say so now; the write-back of computed figures follows
      // A saved percentage moves E (or the quantity) and the % cell shows the server's G ÷ C: those
      // cells take the server's value unless the user has a newer edit in them.
      const canOverwrite = afterSaveOverwrite(cells, (k) => queue.has(k) || inFlight.has(k) || rejected.has(k));
      const written = await serial(() =>
        xl.applyServerLines(info!, next, changes, { terms: o.terms ?? null, pending: overlay(), version: res.version, canOverwrite }),
      );
      noteSynced(synced, changes, canOverwrite);
      noteLines(written);
      replies.saved(
        cells.map((c) => c.lineId),
        new Date().toISOString(),
      );
      await syncReplies();
      return true;
    }
    facts.phase = 'idle';
    return true;
  }

  /** 422: mark each refused cell with the server's message, keep its value, send the rest. */
  async function holdBack(e: ApiError, cells: QueuedEdit[]): Promise<QueuedEdit[]> {
    const { bad, unattributed } = attributeDetails(e.details, cells);
    if (!bad.size) {
      isBlocked = true;
      facts.phase = 'idle';
      facts.error = { code: e.code, message: unattributed[0]?.message ?? e.message, requestId: e.requestId };
      return [];
    }
    const marks = refuse(cells, bad, queue, rejected);
    queue.persist();
    await serial(() => xl.markBadCells(info!, marks));
    await changes.updateNotice();
    return cells.filter((c) => !bad.has(cellKey(c.lineId, c.field)));
  }

  /** 409 or refresh: fetch the latest, keep edits that do not collide, show those that do. */
  async function rebaseOnServer(): Promise<void> {
    const before = current!;
    const latest = await o.api.getInvoice(o.invoiceId);
    const conflictsBefore = conflicts.length;
    adopt(latest);
    if (latest.invoice.isEditable) isBlocked = false;
    // A user may have deleted or renamed the sheet: draw it again rather than fail every write.
    const isMissing = !info || !(await xl.sheetExists(xl.g703Key(info))) || !(await xl.sheetExists(xl.g702Key(info)));
    if (isMissing || needsRerender(before, latest)) await renderNow(latest);
    else {
      const canOverwrite = (lineId: string, field: EditField) => {
        const k = cellKey(lineId, field);
        return !queue.has(k) && !inFlight.has(k) && !rejected.has(k);
      };
      noteLines(
        await serial(() =>
          xl.applyServerLines(info!, latest, changedLines(before, latest), {
            terms: o.terms ?? null,
            pending: overlay(),
            canOverwrite,
            summary: latest,
            version: latest.invoice.version,
          }),
        ),
      );
      if (conflicts.length > conflictsBefore) await remark();
      // General information edited in the pane (or by someone else): the G702 header block only.
      if (JSON.stringify(before.generalInfo) !== JSON.stringify(latest.generalInfo)) await serial(() => xl.writeG702Info(info!, latest));
    }
    o.onView?.(latest);
  }

  async function failed(e: unknown, retry: () => Promise<void>): Promise<void> {
    const { error, isRetryable, isOffline } = classify(e);
    Object.assign(facts, { phase: 'idle', error, offline: isOffline });
    if (!isRetryable) {
      isBlocked = e instanceof ApiError;
      emit();
      return;
    }
    const delay = retryDelays[Math.min(retryIndex++, retryDelays.length - 1)];
    facts.retryAt = Date.now() + delay;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!isClosed) void retry().catch(report);
    }, delay);
    emit();
  }

  async function checkMismatch(): Promise<void> {
    if (!info || !current || queue.size || inFlight.size || rejected.size) {
      facts.mismatch = [];
      return;
    }
    const sheet = await serial(() => xl.readG702Values(info!));
    facts.mismatch = xl.compareG702(sheet, current);
  }

  async function refresh(): Promise<void> {
    if (!current) return open();
    if (flushing) await flushing;
    facts.error = null;
    facts.offline = false;
    try {
      await rebaseOnServer();
      // Safety net: an edit whose change event was missed is still on the sheet; find it.
      const sheetInfo = info;
      if (sheetInfo) await serial(async () => changes.absorb(await xl.readAllEditable(sheetInfo)));
    } catch (e) {
      return failed(e, refresh);
    }
    emit();
    if (queue.size) scheduleFlush(0);
    else await checkMismatch();
    emit();
  }

  /** Rows found by id during a write; lines not on the sheet are reported, never written elsewhere. */
  function noteLines(r: xl.ApplyResult) {
    if (info) info = { ...info, rowByLineId: r.rowByLineId };
    const columns = info && xl.columnIssueMessage(info, lang);
    if (columns) facts.error = { code: 'COLUMNS_NOT_FOUND', message: columns };
    if (r.unmapped.length) {
      const items = r.unmapped.map((id) => lineOf(id)?.itemNo ?? id).join(', ');
      facts.error = {
        code: 'LINES_NOT_ON_SHEET',
        message: `Line${r.unmapped.length === 1 ? '' : 's'} ${items} ${r.unmapped.length === 1 ? 'is' : 'are'} not on the sheet (deleted or copied rows); ${r.unmapped.length === 1 ? 'its' : 'their'} figures were not written. Refresh redraws the sheet.`,
      };
    }
  }

  function report(e: unknown) {
    facts.error = { code: 'CLIENT', message: e instanceof Error ? e.message : String(e) };
    emit();
  }

  const onlineAgain = () => {
    if (queue.size) void flush().catch(report);
  };
  if (typeof globalThis.addEventListener === 'function') globalThis.addEventListener('online', onlineAgain);

  return {
    open,
    refresh,
    /** send queued edits now (also what the timers call) */
    flush,
    /** resolves once no sheet change is being processed and no save is due or running (tests, benchmarks) */
    async settled(deadlineMs = 20_000): Promise<void> {
      // Every pass yields to the timer queue and checks the clock, so a loop that never settles
      // fails with a message instead of starving the test runner's own timeout.
      const end = Date.now() + deadlineMs;
      for (;;) {
        if (Date.now() > end)
          throw new Error(`The session did not settle within ${deadlineMs} ms (flushing: ${!!flushing}, timer: ${!!flushTimer}, queued: ${queue.size})`);
        await new Promise((r) => setTimeout(r, 0));
        await chain;
        if (flushing) {
          await flushing;
          continue;
        }
        if (flushTimer) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        await chain;
        if (!flushing && !flushTimer) return;
      }
    },
    /** counts of the changes the session has seen (own-write echoes are not user edits) */
    seen: () => changes.seen(),
    async close(): Promise<void> {
      isClosed = true;
      for (const t of [flushTimer, retryTimer]) if (t) clearTimeout(t);
      changes.close();
      if (typeof globalThis.removeEventListener === 'function') globalThis.removeEventListener('online', onlineAgain);
      queue.persist();
      await watch?.remove().catch(() => undefined);
      watch = null;
    },
    view: (): InvoiceView | null => current,
    sheet: (): SheetInfo | null => info,
    status: (): SyncStatus => statusNow(),
    /** a preset view, and the user's own shown/hidden columns on top of it ({} = the preset as is) */
    async setColumnView(v: ColumnView, overrides: ColumnOverrides = {}): Promise<void> {
      prefs.columnView = v;
      prefs.columnOverrides = overrides;
      if (info) info = await serial(() => xl.setColumnView(info!, v, overrides));
      writeLayout(o.storage, o.invoiceId, prefs);
    },
    async setGrouped(isGrouped: boolean): Promise<void> {
      prefs.grouped = isGrouped;
      writeLayout(o.storage, o.invoiceId, prefs);
      if (current) await renderNow(current);
    },
    async setRowHeight(points: number): Promise<void> {
      if (info) await serial(() => xl.setRowHeight(info!, points));
    },
    /** filter the table to lines whose item no. or description contains q; '' clears. Returns the match count. */
    search: (q: string): Promise<number> => (info && current ? serial(() => xl.applySearch(info!, current!.lines, q)) : Promise.resolve(0)),
    /** line ids of the rows selected on the G703 sheet ([] when the selection is elsewhere) */
    selectedLineIds: (): Promise<string[]> => (info ? xl.readSelectedLineIds(info) : Promise.resolve([])),
    /** select the line's row (a link in the Emails tab) */
    goToLine: async (lineId: string): Promise<void> => {
      if (info) await serial(() => xl.selectLine(info!, lineId));
    },
    /** the rows owners' replies name, as notes; lines saved since are left unmarked */
    async setReplyMarks(marks: ReplyMark[]): Promise<void> {
      replies.want(marks);
      await syncReplies();
    },
    /** the user has seen the conflicts: drop the list and the amber marks */
    async dismissConflicts(): Promise<void> {
      const targets = conflicts.map((c) => ({ lineId: c.lineId, field: c.field }));
      conflicts = [];
      if (info && targets.length) await serial(() => xl.clearMarks(info!, targets));
      emit();
    },
  };
}

// Owns the sync session of the open invoice for the React tree: creates it, opens it, mirrors its
// status and view into state, and closes it on unmount. All workbook work goes through it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient, Contract, InvoiceView, MeResponse } from '../../api';
import type { G702Header, RetainageTerms } from '../../excel';
import { useI18n } from '../../i18n/i18n-context';
import { createInvoiceSession } from '../../sync';
import type { InvoiceSession, StorageLike, SyncStatus } from '../../sync';
import type { FirstInvoice } from './first-invoice';
import { ROW_HEIGHT_POINTS } from './workbook-controls';
import type { ColumnKey, ColumnView, RowHeight, WorkbookControls } from './workbook-controls';
import { loadViewPrefs, saveViewPrefs } from './view-prefs';

export type SessionState = {
  view: InvoiceView | null;
  contract: Contract | null;
  /** the contract's read failed: the pane says so (until then, and without it, access is not known, which is not read-only) */
  contractError: unknown;
  status: SyncStatus | null;
  openError: unknown;
  workbook: WorkbookControls;
  session: InvoiceSession | null;
  refresh: () => Promise<void>;
  setView: (view: InvoiceView) => void;
};

/** Unsynced edits survive a reload in the pane's own storage (never the workbook). */
function queueStorage(): StorageLike {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {
    /* storage disabled: fall through to memory */
  }
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

/** The G703 header block's project and contract lines, as the invoice's general information has them. */
function headerFor(view: InvoiceView): G702Header {
  const g = view.generalInfo;
  return { project: [g.projectName, g.projectAddress].filter(Boolean).join(', '), contractFor: g.contractFor };
}

/** The contract's retainage terms, which make column I a live formula; the invoice view carries them. */
function termsFor(view: InvoiceView): RetainageTerms {
  const c = view.contract;
  return { workRetainageBps: c.workRetainageBps, storedRetainageBps: c.storedRetainageBps, retainageReduction: c.retainageReduction };
}

export function useInvoiceSession(api: ApiClient, me: MeResponse, invoiceId: string, firstInvoice: FirstInvoice | null = null): SessionState {
  const [view, setViewState] = useState<InvoiceView | null>(null);
  const [contract, setContract] = useState<Contract | null>(null);
  const [contractError, setContractError] = useState<unknown>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [prefs, setPrefs] = useState(loadViewPrefs);
  const [searchText, setSearchText] = useState('');
  const sessionRef = useRef<InvoiceSession | null>(null);
  const [session, setSession] = useState<InvoiceSession | null>(null);

  // the sheets are written in the pane's language the first time (then keep it: excel/render-invoice.ts)
  const { lang } = useI18n();
  useEffect(() => {
    let isCancelled = false;
    let created: InvoiceSession | null = null;
    (async () => {
      // The invoice view carries all the sheets need (header fields, retainage terms), so the render
      // starts as soon as it arrives. The contract record (this user's access to it, its invoice
      // contacts) is for the pane's actions and tabs: it is read alongside the render, not before it.
      const first = await (firstInvoice?.take(invoiceId) ?? api.getInvoice(invoiceId));
      if (isCancelled) return;
      setContractError(null);
      api.setup.getContract(first.invoice.contractId).then(
        (c) => !isCancelled && setContract(c),
        // without it the pane offers no admin actions (the sheets do not need it): say why, not "read-only"
        (err: unknown) => !isCancelled && setContractError(err),
      );
      setViewState(first);
      const initialPrefs = loadViewPrefs();
      created = createInvoiceSession({
        api,
        invoiceId,
        storage: queueStorage(),
        onStatus: (s) => !isCancelled && setStatus(s),
        onView: (v) => !isCancelled && setViewState(v),
        initialView: first, // one GET of the invoice on open, not two
        header: headerFor(first),
        locale: lang,
        terms: termsFor(first),
        columnView: initialPrefs.columnView,
        columnOverrides: initialPrefs.columnOverrides,
        grouped: initialPrefs.isGrouped,
        rowHeight: ROW_HEIGHT_POINTS[initialPrefs.rowHeight],
      });
      sessionRef.current = created;
      setSession(created);
      await created.open();
    })().catch((err: unknown) => !isCancelled && setOpenError(err));
    return () => {
      isCancelled = true;
      sessionRef.current = null;
      void created?.close();
    };
  }, [api, me, invoiceId, firstInvoice]);

  const updatePrefs = useCallback((patch: Partial<typeof prefs>) => {
    setPrefs((p) => {
      const next = { ...p, ...patch };
      saveViewPrefs(next);
      return next;
    });
  }, []);

  const workbook = useMemo<WorkbookControls>(
    () => ({
      columnView: prefs.columnView,
      rowHeight: prefs.rowHeight,
      isGrouped: prefs.isGrouped,
      searchText,
      columnOverrides: prefs.columnOverrides,
      setColumnView: async (v: ColumnView) => {
        updatePrefs({ columnView: v, columnOverrides: {} });
        await sessionRef.current?.setColumnView(v, {});
      },
      setColumnsShown: async (keys: ColumnKey[], isShown: boolean) => {
        const columnOverrides = { ...prefs.columnOverrides, ...Object.fromEntries(keys.map((k) => [k, isShown])) };
        updatePrefs({ columnOverrides });
        await sessionRef.current?.setColumnView(prefs.columnView, columnOverrides);
      },
      setRowHeight: async (h: RowHeight) => {
        updatePrefs({ rowHeight: h });
        await sessionRef.current?.setRowHeight(ROW_HEIGHT_POINTS[h]);
      },
      setGrouped: async (g: boolean) => {
        updatePrefs({ isGrouped: g });
        await sessionRef.current?.setGrouped(g);
      },
      search: async (q: string) => {
        setSearchText(q);
        await sessionRef.current?.search(q);
      },
      selectedLineIds: async () => (await sessionRef.current?.selectedLineIds()) ?? [],
      goToLine: async (lineId: string) => {
        await sessionRef.current?.goToLine(lineId);
      },
      setReplyMarks: async (marks) => {
        await sessionRef.current?.setReplyMarks(marks);
      },
    }),
    [prefs, searchText, updatePrefs],
  );

  const refresh = useCallback(async () => {
    await sessionRef.current?.refresh();
  }, []);
  const setView = useCallback((v: InvoiceView) => {
    setViewState(v);
    // a status change or added change orders change the sheets too: pull them through the session
    void sessionRef.current?.refresh();
  }, []);

  return { view, contract, contractError, status, openError, workbook, session, refresh, setView };
}

// The workbook double: an in-memory Excel for the dev harness and the unit tests. It implements
// the part of the Excel JS API the add-in uses (member names and argument/value types follow
// @types/office-js), queues operations until context.sync() like office-js, counts syncs and
// the JSON bytes of every request (refusing > 5 MB like Excel on the web), raises onChanged
// (triggerSource 'ThisLocalAddin' for the add-in's writes, 'Unknown' for a user's, source 'Remote'
// for a co-author's), and evaluates formulas with its own engine (formula/: exactly the formulas
// the add-in writes, with Excel's rules; dev and tests only, never shipped to Excel). It is at least as strict as Excel where Excel surprises add-ins:
// cell-edit mode fails batches (context.ts), APIs above the host's requirement set fail
// (Book.requireApi), handlers die with their sheet, protection blocks users inside tables and
// takes passwords, typed text converts by locale (typed-input.ts), and Undo-clearing calls are
// recorded (undo.ts).
//
//   const wb = installWorkbookDouble();       // sets globalThis.Excel and globalThis.Office
//   await renderInvoice(view);                // the add-in's own code, unchanged
//   wb.getSheetSnapshot('G702 #3').values;    // formulas computed
//   await wb.setValuesAsUser('G703 #3', 'E8', [[100], ['12,34x']]);   // a paste
//   wb.stats.syncCount, wb.stats.maxRequestBytes

import { FakeContext, type DoubleStats } from './context';
import { Book, versionAtLeast, type ChangeListener, type Platform } from './model';
import { FakeWorkbook } from './workbook';
import { snapshotOf, type SheetSnapshot } from './snapshot';
import { columnLetter, parseA1, rangeA1 } from '../excel/a1';
import { typedInput } from './typed-input';
import { insertColumnsAsUser, shiftRowsAsUser, sortRows } from './user-actions';

export type { DoubleStats } from './context';
export { REQUEST_LIMIT_BYTES, OP_OVERHEAD_BYTES } from './context';
export type { SheetSnapshot } from './snapshot';

export type DoubleOptions = {
  /** highest ExcelApi requirement set the fake host supports ('1.18' has notes, '1.13' lacks triggerSource) */
  apiVersion?: string;
  displayLanguage?: string;
  /** the regional format typed text is read with (defaults to displayLanguage) */
  locale?: string;
  platform?: Platform;
};

type ValueOpts = {
  /** the user starts typing in another cell right after this edit (cell-edit mode stays on) */
  thenEditing?: boolean;
  /** values are the user's typed text, converted by the locale (default); false: already values */
  isTyped?: boolean;
};

export type WorkbookDouble = {
  book: Book;
  stats: DoubleStats;
  resetStats(): void;
  setApiVersion(version: string): void;
  sheetNames(): string[];
  getSheetSnapshot(name: string): SheetSnapshot;
  /** A user's typing or paste: values land from the address's top-left cell; onChanged fires. */
  setValuesAsUser(sheet: string, address: string, values: unknown[][], opts?: ValueOpts): Promise<void>;
  /** A co-author's edit arriving through co-authoring: onChanged fires with source 'Remote'. */
  setValuesAsRemote(sheet: string, address: string, values: unknown[][]): Promise<void>;
  /** The user enters / leaves cell-edit mode (typing in a cell, before Enter). */
  beginCellEdit(): void;
  endCellEdit(): void;
  /** Data ▸ Sort on a block of rows, by one of its columns (0-based within the block). */
  sortAsUser(sheet: string, address: string, byColumn: number, descending?: boolean): Promise<void>;
  /** Insert (count > 0) or delete (count < 0) whole rows at a 0-based row. */
  insertRowsAsUser(sheet: string, row: number, count: number): Promise<void>;
  /** inserts `count` whole columns at 0-based `col`; cells shift right, references adjust */
  insertColumnsAsUser(sheet: string, col: number, count: number): Promise<void>;
  deleteSheetAsUser(sheet: string): Promise<void>;
  /** The "+" beside the sheet tabs: a new empty sheet ("Sheet1", "Sheet2"… as Excel names them), made active. */
  addSheetAsUser(name?: string): string;
  /** Review ▸ Unprotect Sheet (with the password, if one was set). */
  unprotectAsUser(sheet: string, password?: string): void;
  renameSheetAsUser(sheet: string, newName: string): Promise<void>;
  /** Could the user still press Ctrl+Z on their own last edit? */
  canUndo(): boolean;
  /** The user selects cells (what workbook.getSelectedRange() returns). */
  select(sheet: string, address: string): void;
  /** Resolves when every onChanged handler raised so far has finished. */
  idle(): Promise<void>;
  /** Called after every sync and every user edit (the harness redraws its grids); returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  uninstall(): void;
};

export function installWorkbookDouble(options: DoubleOptions = {}): WorkbookDouble {
  const book = new Book();
  book.apiVersion = options.apiVersion ?? '1.18';
  book.platform = options.platform ?? 'web';
  const locale = options.locale ?? options.displayLanguage ?? 'en-US';
  const stats: DoubleStats = { syncCount: 0, requests: [], maxRequestBytes: 0, maxResponseBytes: 0, runCount: 0 };
  const inFlight = new Set<Promise<unknown>>();
  const subscribers = new Set<() => void>();
  const notify = () =>
    subscribers.forEach((fn) => {
      try {
        fn();
      } catch (e) {
        console.error('workbook double subscriber failed', e);
      }
    });
  let cellEdit: { ended: Promise<void>; end: () => void } | null = null;

  const fire = (listener: ChangeListener, args: Record<string, unknown>) => {
    // Excel raises events after the request completes, never inside it.
    const p = new Promise((resolve) => setTimeout(resolve, 0)).then(() => listener(args)).catch((e) => console.error('onChanged handler failed', e));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  /**
   * onChanged: a handler registered on a worksheet lives and dies with that sheet ("When an object
   * to which events are registered is deleted … the event handler no longer triggers",
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events); one registered on
   * workbook.worksheets (ExcelApi 1.9) hears every sheet, with worksheetId. Co-authors' changes
   * arrive with source 'Remote' (same page, "Events and coauthoring").
   */
  const dispatch = (sheetName: string, address: string, who: 'addin' | 'user' | 'remote', details?: unknown, changeType = 'RangeEdited') => {
    const sheet = book.sheet(sheetName);
    if (!sheet) return;
    const args: Record<string, unknown> = {
      type: 'WorksheetChanged',
      address,
      changeType,
      source: who === 'remote' ? 'Remote' : 'Local',
      worksheetId: sheet.id,
      ...(details ? { details } : {}),
      ...(versionAtLeast(book.apiVersion, '1.14') ? { triggerSource: who === 'addin' ? 'ThisLocalAddin' : 'Unknown' } : {}),
    };
    for (const listener of [...sheet.listeners, ...book.workbookListeners]) fire(listener, { ...args });
  };

  const newContext = (runOptions?: { delayForCellEdit?: boolean }) =>
    new FakeContext(
      book,
      stats,
      {
        afterSync: (writes) => {
          writes.forEach((w) => dispatch(w.sheet, w.address, 'addin'));
          notify();
        },
        cellEditEnded: () => cellEdit?.ended ?? null,
      },
      (ctx) => new FakeWorkbook(ctx, book),
      runOptions,
    );

  async function run<T>(a: unknown, b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (context: unknown) => Promise<T>;
    const given = a instanceof FakeContext ? a : (a as { context?: unknown } | null)?.context;
    const runOptions = typeof a === 'object' && a !== null && !(a instanceof FakeContext) ? (a as { delayForCellEdit?: boolean }) : undefined;
    const context = given instanceof FakeContext ? given : newContext(runOptions);
    stats.runCount++;
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  }

  const excel = { run, RequestContext: FakeContext };
  const office = {
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      requirements: {
        isSetSupported: (name: string, version?: string) => name.toLowerCase() === 'excelapi' && versionAtLeast(book.apiVersion, version ?? '1.1'),
      },
    },
    onReady: async (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      cb?.(info);
      return info;
    },
    HostType: { Excel: 'Excel' },
  };
  const g = globalThis as unknown as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office };
  g.Excel = excel;
  g.Office = office;

  const sheetOf = (name: string) => {
    const sheet = book.sheet(name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet;
  };

  const writeAs = async (who: 'user' | 'remote', sheetName: string, address: string, values: unknown[][], opts: ValueOpts = {}) => {
    const sheet = sheetOf(sheetName);
    const start = parseA1(address).start;
    const box = { r0: start.row, c0: start.col, r1: start.row + values.length - 1, c1: start.col + Math.max(...values.map((r) => r.length)) - 1 };
    if (sheet.isProtected) {
      for (let r = box.r0; r <= box.r1; r++)
        for (let c = box.c0; c <= box.c1; c++) {
          if (sheet.cell(r, c).locked) throw new Error(`The cell ${rangeA1(r, c, r, c)} is on a protected sheet and locked`);
        }
    }
    const before = sheet.valueAt(box.r0, box.c0);
    const isTyped = opts.isTyped ?? true;
    book.batch(() => {
      const grid = values.map((r) => Array.from({ length: box.c1 - box.c0 + 1 }, (_, i) => r[i] ?? ''));
      sheet.writeBox(box, grid, !isTyped);
      if (isTyped) {
        for (let r = box.r0; r <= box.r1; r++)
          for (let c = box.c0; c <= box.c1; c++) {
            const input = grid[r - box.r0][c - box.c0];
            if (typeof input !== 'string' || input.startsWith('=') || sheet.cell(r, c).numberFormat === '@') continue;
            const typed = typedInput(input, locale, undefined, sheet.cell(r, c).numberFormat);
            sheet.mutate(r, c, (x) => {
              x.value = typed.value;
              if (typed.numberFormat) x.numberFormat = typed.numberFormat;
            });
          }
        book.mirror(sheet, box);
      }
    });
    if (who === 'user') book.undoDepth++;
    // A multi-cell change carries no details (Excel's behaviour): the add-in must read back.
    const isSingle = box.r0 === box.r1 && box.c0 === box.c1;
    if (opts.thenEditing) double.beginCellEdit();
    dispatch(
      sheetName,
      rangeA1(box.r0, box.c0, box.r1, box.c1),
      who,
      isSingle ? { valueBefore: before, valueAfter: sheet.valueAt(box.r0, box.c0) } : undefined,
    );
    notify();
    if (!opts.thenEditing) await double.idle();
  };

  const double: WorkbookDouble = {
    book,
    stats,
    resetStats() {
      Object.assign(stats, { syncCount: 0, requests: [], maxRequestBytes: 0, maxResponseBytes: 0, runCount: 0, cellsWritten: {}, rowsWritten: {} });
    },
    setApiVersion(v) {
      book.apiVersion = v;
    },
    sheetNames: () => book.sheets.map((s) => s.name),
    getSheetSnapshot: (name) => snapshotOf(sheetOf(name)),
    setValuesAsUser: (sheet, address, values, opts) => writeAs('user', sheet, address, values, opts),
    setValuesAsRemote: (sheet, address, values) => writeAs('remote', sheet, address, values),
    beginCellEdit() {
      if (cellEdit) return;
      let end!: () => void;
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      cellEdit = { ended, end };
    },
    endCellEdit() {
      const c = cellEdit;
      cellEdit = null;
      c?.end();
    },
    async sortAsUser(sheetName, address, byColumn, descending) {
      sortRows(book, sheetOf(sheetName), address, byColumn, descending);
      book.undoDepth++;
      notify();
      await double.idle();
    },
    async insertRowsAsUser(sheetName, row, count) {
      const sheet = sheetOf(sheetName);
      shiftRowsAsUser(book, sheet, row, count);
      book.undoDepth++;
      const last = row + Math.abs(count) - 1;
      dispatch(sheetName, `${row + 1}:${last + 1}`, 'user', undefined, count > 0 ? 'RowInserted' : 'RowDeleted');
      notify();
      await double.idle();
    },
    async insertColumnsAsUser(sheetName, col, count) {
      const sheet = sheetOf(sheetName);
      insertColumnsAsUser(book, sheet, col, count);
      book.undoDepth++;
      dispatch(sheetName, `${columnLetter(col)}:${columnLetter(col + count - 1)}`, 'user', undefined, 'ColumnInserted');
      notify();
      await double.idle();
    },
    unprotectAsUser(sheetName, password) {
      const sheet = sheetOf(sheetName);
      if (sheet.password !== null && sheet.password !== password) throw new Error('The password you supplied is not correct');
      sheet.isProtected = false;
      sheet.password = null;
      book.undoDepth = 0; // a user's unprotect is itself not undoable
      notify();
    },
    async deleteSheetAsUser(sheetName) {
      book.removeSheet(sheetOf(sheetName));
      notify();
      await double.idle();
    },
    addSheetAsUser(name) {
      let n = 1;
      while (!name && book.sheet(`Sheet${n}`)) n++;
      const sheet = book.addSheet(name ?? `Sheet${n}`);
      book.activeSheet = sheet;
      book.selection = { sheet: sheet.name, address: 'A1' };
      notify();
      return sheet.name;
    },
    async renameSheetAsUser(sheetName, newName) {
      book.renameSheet(sheetOf(sheetName), newName);
      notify();
      await double.idle();
    },
    canUndo: () => book.undoDepth > 0,
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    select(sheet, address) {
      book.selection = { sheet, address };
      book.activeSheet = book.sheet(sheet) ?? book.activeSheet;
      notify();
    },
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
    uninstall() {
      g.Excel = previous.Excel;
      g.Office = previous.Office;
    },
  };
  return double;
}

// The workbook double: an in-memory Excel for the dev harness and the unit tests. It implements
// the part of the Excel JS API the add-in uses (member names and argument/value types follow
// @types/office-js), queues operations until context.sync() like office-js, counts syncs and
// the JSON bytes of every request (refusing > 5 MB like Excel on the web), raises onChanged
// (triggerSource 'ThisLocalAddin' for the add-in's writes, 'Unknown' for a user's), and
// evaluates formulas with HyperFormula (GPL-v3 key; dev and tests only, never shipped to Excel).
//
//   const wb = installWorkbookDouble();       // sets globalThis.Excel and globalThis.Office
//   await renderInvoice(view);                // the add-in's own code, unchanged
//   wb.getSheetSnapshot('G702 #3').values;    // formulas computed
//   await wb.setValuesAsUser('G703 #3', 'E8', [[100], ['12,34x']]);   // a paste
//   wb.stats.syncCount, wb.stats.maxRequestBytes

import { FakeContext, type DoubleStats } from './context';
import { Book } from './model';
import { FakeWorkbook } from './workbook';
import { snapshotOf, type SheetSnapshot } from './snapshot';
import { parseA1, rangeA1 } from '../excel/a1';

export type { DoubleStats } from './context';
export { REQUEST_LIMIT_BYTES } from './context';
export type { SheetSnapshot } from './snapshot';

export type DoubleOptions = {
  /** highest ExcelApi requirement set the fake host supports ('1.18' has notes, '1.13' lacks triggerSource) */
  apiVersion?: string;
  displayLanguage?: string;
};

export type WorkbookDouble = {
  book: Book;
  stats: DoubleStats;
  resetStats(): void;
  setApiVersion(version: string): void;
  sheetNames(): string[];
  getSheetSnapshot(name: string): SheetSnapshot;
  /** A user's typing or paste: values land from the address's top-left cell; onChanged fires. */
  setValuesAsUser(sheet: string, address: string, values: unknown[][]): Promise<void>;
  /** The user selects cells (what workbook.getSelectedRange() returns). */
  select(sheet: string, address: string): void;
  /** Resolves when every onChanged handler raised so far has finished. */
  idle(): Promise<void>;
  /** Called after every sync and every user edit (the harness redraws its grids); returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  uninstall(): void;
};

const versionAtLeast = (have: string, want: string) => {
  const [a1, a2 = 0] = have.split('.').map(Number);
  const [b1, b2 = 0] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
};

export function installWorkbookDouble(options: DoubleOptions = {}): WorkbookDouble {
  const book = new Book();
  let apiVersion = options.apiVersion ?? '1.18';
  const stats: DoubleStats = { syncCount: 0, requests: [], maxRequestBytes: 0, maxResponseBytes: 0, runCount: 0 };
  const inFlight = new Set<Promise<unknown>>();
  const subscribers = new Set<() => void>();
  const notify = () => subscribers.forEach((fn) => { try { fn(); } catch (e) { console.error('workbook double subscriber failed', e); } });

  const dispatch = (sheetName: string, address: string, isAddin: boolean, details?: unknown) => {
    const sheet = book.sheet(sheetName);
    if (!sheet) return;
    for (const listener of sheet.listeners) {
      const args: Record<string, unknown> = {
        type: 'WorksheetChanged', address, changeType: 'RangeEdited', source: 'Local', worksheetId: sheet.id,
        ...(details ? { details } : {}),
        ...(versionAtLeast(apiVersion, '1.14') ? { triggerSource: isAddin ? 'ThisLocalAddin' : 'Unknown' } : {}),
      };
      // Excel raises events after the request completes, never inside it.
      const p = new Promise((resolve) => setTimeout(resolve, 0)).then(() => listener(args)).catch((e) => console.error('onChanged handler failed', e));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
  };

  const newContext = () => new FakeContext(book, stats, { afterSync: (writes) => { writes.forEach((w) => dispatch(w.sheet, w.address, true)); notify(); } }, (ctx) => new FakeWorkbook(ctx, book));

  async function run<T>(a: unknown, b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (context: unknown) => Promise<T>;
    const given = a instanceof FakeContext ? a : (a as { context?: unknown } | null)?.context;
    const context = given instanceof FakeContext ? given : newContext();
    stats.runCount++;
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  }

  const excel = { run, RequestContext: FakeContext };
  const office = {
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      requirements: { isSetSupported: (name: string, version?: string) => name.toLowerCase() === 'excelapi' && versionAtLeast(apiVersion, version ?? '1.1') },
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

  return {
    book,
    stats,
    resetStats() {
      Object.assign(stats, { syncCount: 0, requests: [], maxRequestBytes: 0, maxResponseBytes: 0, runCount: 0 });
    },
    setApiVersion(v) { apiVersion = v; },
    sheetNames: () => book.sheets.map((s) => s.name),
    getSheetSnapshot(name) {
      const sheet = book.sheet(name);
      if (!sheet) throw new Error(`No sheet ${name}`);
      return snapshotOf(sheet);
    },
    async setValuesAsUser(sheetName, address, values) {
      const sheet = book.sheet(sheetName);
      if (!sheet) throw new Error(`No sheet ${sheetName}`);
      const start = parseA1(address).start;
      const box = { r0: start.row, c0: start.col, r1: start.row + values.length - 1, c1: start.col + Math.max(...values.map((r) => r.length)) - 1 };
      if (sheet.isProtected) {
        for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) {
          if (sheet.cell(r, c).locked) throw new Error(`The cell ${rangeA1(r, c, r, c)} is on a protected sheet and locked`);
        }
      }
      const before = sheet.valueAt(box.r0, box.c0);
      book.batch(() => sheet.writeBox(box, values.map((r) => Array.from({ length: box.c1 - box.c0 + 1 }, (_, i) => r[i] ?? '')), true));
      // A multi-cell change carries no details (Excel's behaviour): the add-in must read back.
      const isSingle = box.r0 === box.r1 && box.c0 === box.c1;
      dispatch(sheetName, rangeA1(box.r0, box.c0, box.r1, box.c1), false, isSingle ? { valueBefore: before, valueAfter: sheet.valueAt(box.r0, box.c0) } : undefined);
      notify();
      await this.idle();
    },
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
}

// The request context of the double: operations are queued and run, in order, at sync(), like
// office-js. Each sync is one "request": its JSON payload is measured (op arguments as JSON plus a
// per-operation cost) and refused above Excel on the web's 5 MB, like the real thing; loaded data
// is measured too. A sync also fails while the user is in cell-edit mode unless the run asked to
// wait (Excel.RunOptions.delayForCellEdit), and some calls clear the user's Undo stack.

import type { Book } from './model';
import { utf8ByteLength } from '@shared/utf8';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export type RequestRecord = { ops: number; requestBytes: number; responseBytes: number };

export type DoubleStats = {
  syncCount: number;
  requests: RequestRecord[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  runCount: number;
  /** cells whose value or formula the add-in wrote, per sheet name (benchmarks count them) */
  cellsWritten?: Record<string, number>;
  /** 0-based rows the add-in wrote values or formulas in, per sheet name */
  rowsWritten?: Record<string, number[]>;
};

/** writes: the range a content write touched (for the change event), resolved after it ran */
export type Op = { bytes: number; run: () => number | void; writes?: () => { sheet: string; address: string } };

/**
 * What one queued operation costs on the wire besides its arguments. office-js sends each action
 * with the object paths it needs (e.g. worksheets.getItem → getRange(address) → format → fill, each
 * an entry with ids, type, name and arguments) — several hundred bytes for a ranged write
 * (../shared/reports/officejs.md, finding 12; the per-request limit is 5 MB in Excel on the web:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * 400 B is at the top of that estimate, so the double counts no less than Excel does.
 */
export const OP_OVERHEAD_BYTES = 400;

/** JSON bytes of an operation's arguments, in UTF-8 (utf8ByteLength counts exactly what TextEncoder would write), plus its overhead. */
export const measure = (payload: unknown): number => utf8ByteLength(JSON.stringify(payload ?? null)) + OP_OVERHEAD_BYTES;

export class DoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export type ContextHooks = {
  afterSync: (writes: Array<{ sheet: string; address: string }>) => void;
  /** resolves when the user leaves cell-edit mode (null when not editing) */
  cellEditEnded: () => Promise<void> | null;
};

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: unknown;
  constructor(
    readonly book: Book,
    readonly stats: DoubleStats,
    readonly hooks: ContextHooks,
    makeWorkbook: (ctx: FakeContext) => unknown,
    readonly runOptions: { delayForCellEdit?: boolean } = {},
  ) {
    this.workbook = makeWorkbook(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.stats.syncCount++;
    const record: RequestRecord = { ops: ops.length, requestBytes, responseBytes: 0 };
    this.stats.requests.push(record);
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
    if (requestBytes > REQUEST_LIMIT_BYTES) {
      throw new DoubleError('RequestPayloadSizeLimitExceeded', `The request payload (${requestBytes} bytes) exceeds Excel on the web's 5 MB limit`);
    }
    const writes: Array<{ sheet: string; address: string }> = [];
    await Promise.resolve(); // a sync is always asynchronous
    // Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch
    // request is processed by the host, the batch automatically fails. When true, … the batch
    // request is delayed until the user exits cell edit mode."
    // (https://learn.microsoft.com/javascript/api/excel/excel.runoptions; the error code is
    // InvalidOperationInCellEditMode, OfficeDev/office-js#625, #3388)
    for (let ended = this.hooks.cellEditEnded(); ended; ended = this.hooks.cellEditEnded()) {
      if (!this.runOptions.delayForCellEdit) {
        throw new DoubleError(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      }
      await ended;
    }
    this.book.batch(() => {
      for (const op of ops) {
        const responseBytes = op.run();
        if (typeof responseBytes === 'number') record.responseBytes += responseBytes;
        if (op.writes) {
          const w = op.writes();
          writes.push(w);
          const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(w.address);
          if (m) {
            const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
            const r0 = Number(m[2]) - 1;
            const r1 = Number(m[4] ?? m[2]) - 1;
            const cells = (r1 - r0 + 1) * (col(m[3] ?? m[1]) - col(m[1]) + 1);
            this.stats.cellsWritten = { ...this.stats.cellsWritten, [w.sheet]: (this.stats.cellsWritten?.[w.sheet] ?? 0) + cells };
            const rows = ((this.stats.rowsWritten ??= {})[w.sheet] ??= []);
            if (r1 - r0 < 10_000) for (let r = r0; r <= r1; r++) rows.push(r);
          }
        }
      }
    });
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, record.responseBytes);
    if (record.responseBytes > REQUEST_LIMIT_BYTES) {
      throw new DoubleError('ResponsePayloadSizeLimitExceeded', `The response payload (${record.responseBytes} bytes) exceeds Excel on the web's 5 MB limit`);
    }
    this.hooks.afterSync(writes);
    return passThroughValue as T;
  }

  // office-js surface the add-in never uses but type-checks against
  trackedObjects = { add: () => undefined, remove: () => undefined };
  load(): void {}
}

/** Base of every proxy: loaded properties are readable only after a sync, as in office-js. */
export class Proxy {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  constructor(readonly context: FakeContext) {}

  protected get$<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new DoubleError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading it, call load() and context.sync().`);
    }
    return this.data[prop] as T;
  }

  /** Queues a load: `snapshot` runs at sync and returns the loaded props. */
  protected queueLoad(props: string[], snapshot: () => Record<string, unknown>): void {
    this.context.enqueue({
      bytes: measure(props),
      run: () => {
        const d = snapshot();
        for (const p of props) {
          this.data[p] = d[p];
          this.loaded.add(p);
        }
        return measure(props.map((p) => d[p]));
      },
    });
  }
}

export function propsOf(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === 'string')
    return arg
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap(propsOf);
  if (typeof arg === 'object') {
    const sel = (arg as { select?: string | string[] }).select;
    return sel ? propsOf(sel) : Object.keys(arg as object);
  }
  return [];
}

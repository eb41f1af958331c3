// The request context of the double: operations are queued and run, in order, at sync(), like
// office-js. Each sync is one "request": its JSON payload is measured (op arguments as JSON)
// and refused above Excel on the web's 5 MB, like the real thing; loaded data is measured too.

import type { Book } from './model';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export type RequestRecord = { ops: number; requestBytes: number; responseBytes: number };

export type DoubleStats = {
  syncCount: number;
  requests: RequestRecord[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  runCount: number;
};

/** writes: the range a content write touched (for the change event), resolved after it ran */
export type Op = { bytes: number; run: () => number | void; writes?: () => { sheet: string; address: string } };

const OP_OVERHEAD_BYTES = 60; // object path + method name of one action, roughly as office-js sends it

export const measure = (payload: unknown): number => new TextEncoder().encode(JSON.stringify(payload ?? null)).length + OP_OVERHEAD_BYTES;

export class DoubleError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: unknown;
  constructor(readonly book: Book, readonly stats: DoubleStats, readonly hooks: { afterSync: (writes: Array<{ sheet: string; address: string }>) => void }, makeWorkbook: (ctx: FakeContext) => unknown) {
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
    this.book.batch(() => {
      for (const op of ops) {
        const responseBytes = op.run();
        if (typeof responseBytes === 'number') record.responseBytes += responseBytes;
        if (op.writes) writes.push(op.writes());
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
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap(propsOf);
  if (typeof arg === 'object') {
    const sel = (arg as { select?: string | string[] }).select;
    return sel ? propsOf(sel) : Object.keys(arg as object);
  }
  return [];
}

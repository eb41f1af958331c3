// Shared set-up of the sync tests: the workbook double, a fake server, a session on it.

import { createApiClient } from '../api/client';
import { FakeServer } from '../api/fake-server';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { ZERO_PRIOR } from '@shared/engine';
import { entry, sov } from '@shared/engine/test-builders';
import type { ViewSpec } from '../workbook-double/demo-views';
import { createInvoiceSession, type SessionOptions } from './session';
import type { SyncStatus } from './status';
import type { StorageLike } from './queue';

export class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

export function specOf(n: number): ViewSpec {
  return {
    invoiceId: 'inv-7',
    number: 3,
    version: 1,
    terms: { accountingMethod: 'amount', workRetainageBps: 1000, storedRetainageBps: 500, reduction: null, allowOverbilling: false },
    period: { start: '2026-11-01', end: '2026-11-30' },
    lines: Array.from({ length: n }, (_, i) => ({
      sov: sov(String(i + 1), { lineId: `L${i + 1}`, description: `Item ${i + 1}`, originalScheduledValueCents: 10_000_000 }),
      prior: { ...ZERO_PRIOR, workCompletedToDateCents: 100_000, workRetainageCents: 10_000 },
      entry: entry(),
    })),
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export type Setup = Awaited<ReturnType<typeof setup>>;

export async function setup(
  opts: { lines?: number; storage?: MemoryStorage; server?: FakeServer; wb?: WorkbookDouble; apiVersion?: string; session?: Partial<SessionOptions> } = {},
) {
  const wb = opts.wb ?? installWorkbookDouble({ apiVersion: opts.apiVersion });
  const server = opts.server ?? new FakeServer(specOf(opts.lines ?? 20));
  const storage = opts.storage ?? new MemoryStorage();
  const api = createApiClient({ baseUrl: 'http://fake', getToken: () => 'tok', fetch: server.fetch });
  const statuses: SyncStatus[] = [];
  const session = createInvoiceSession({
    api,
    invoiceId: 'inv-7',
    storage,
    onStatus: (s) => statuses.push(s),
    terms: { workRetainageBps: 1000, storedRetainageBps: 500, retainageReduction: null },
    coalesceMs: 20,
    maxWaitMs: 200,
    retryDelaysMs: [30, 60],
    ...opts.session,
  });
  await session.open();
  const info = session.sheet()!;
  const col = (key: string) => info.columns.find((c) => c.key === key)!.letter;
  const cellOf = (lineId: string, key = 'thisPeriod') => `${col(key)}${info.rowByLineId[lineId] + 1}`;
  const last = () => statuses.at(-1)!;
  const settle = async (kind: SyncStatus['kind'] = 'saved') => {
    await wb.idle();
    await session.settled();
    await waitFor(() => last().kind === kind && session.status().pendingCount === 0, `status ${kind}`);
  };
  return { wb, server, storage, api, session, statuses, info, col, cellOf, last, settle };
}

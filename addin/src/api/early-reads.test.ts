// The hand-over of the pane's first reads (early-reads.ts) to the app: sent once through the one
// requester, adopted only by the call that builds the same request with the same credentials,
// taken once; and the two entry scripts that start them (Excel after Office.onReady, the harness).
import { buildRequest } from '@shared/api/call';
import * as invoiceRoutes from '@shared/api/routes/invoices';
import * as projectRoutes from '@shared/api/routes/projects';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { earlyPaths } from './early-reads';
import type { ApiError } from './errors';

const SERVER = 'https://pb.example';
const CREDS = { serverUrl: SERVER, token: 'tok-1' };

type Sent = { url: string; method: string; authorization: string | null };
/** globalThis.fetch recording each request and answering it from `respond` (a JSON body and status). */
function stubFetch(respond: (url: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} })) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, method: String(init.method), authorization: new Headers(init.headers).get('authorization') });
    const r = respond(url);
    return Response.json(r.body, { status: r.status });
  });
  return sent;
}
const tick = () => new Promise((r) => setTimeout(r, 0));
/** a client whose own requests are recorded apart from the early ones */
function clientWith(token: string) {
  const own: string[] = [];
  const api = createApiClient({
    baseUrl: SERVER,
    getToken: () => token,
    fetch: async (url) => {
      own.push(url);
      return Response.json({ user: { id: 'from-client' } });
    },
  });
  return { api, own };
}

/** A fresh copy of the module: its registry is per page (module instance), as in the browser. */
async function page() {
  vi.resetModules();
  return import('./early-reads');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('early reads', () => {
  it('asks exactly what the client asks for GET /me and GET /invoices/{id} (the route declarations)', () => {
    expect({ method: 'GET', path: earlyPaths.me }).toEqual({ method: 'GET', path: buildRequest(projectRoutes.getMe, {}).path });
    expect(projectRoutes.getMe.method.toUpperCase()).toBe('GET');
    const id = 'inv 1/ü';
    expect(earlyPaths.invoice(id)).toBe(buildRequest(invoiceRoutes.getInvoice, { param: { id } }).path);
    expect(invoiceRoutes.getInvoice.method.toUpperCase()).toBe('GET');
  });

  it('sends both GETs through the requester with the bearer header, never the token in the URL', async () => {
    const { startEarlyReads } = await page();
    const sent = stubFetch();
    startEarlyReads(CREDS, Promise.resolve('inv-1'));
    await tick();
    expect(sent).toEqual([
      { url: `${SERVER}/api/v1/me`, method: 'GET', authorization: 'Bearer tok-1' },
      { url: `${SERVER}/api/v1/invoices/inv-1`, method: 'GET', authorization: 'Bearer tok-1' },
    ]);
    expect(sent.some((s) => s.url.includes('tok-1'))).toBe(false);
  });

  it('are taken once, and the client uses their answers without asking again', async () => {
    const { startEarlyReads, takeEarlyReads } = await page();
    stubFetch((url) => ({ status: 200, body: url.endsWith('/me') ? { user: { id: 'early' } } : { invoice: { id: 'inv-1' } } }));
    startEarlyReads(CREDS, Promise.resolve('inv-1'));
    const reads = takeEarlyReads(CREDS)!;
    expect(takeEarlyReads(CREDS)).toBeNull();
    const { api, own } = clientWith('tok-1');
    expect(await api.me(reads.me)).toEqual({ user: { id: 'early' } });
    const invoice = (await reads.invoice)!;
    expect(await api.earlyInvoice('inv-1', invoice)).toEqual({ invoice: { id: 'inv-1' } });
    expect(own).toEqual([]);
  });

  it('a read of another invoice is not adopted for this one; /me without an early read is asked by the client', async () => {
    const { startEarlyReads, takeEarlyReads } = await page();
    stubFetch();
    startEarlyReads(CREDS, Promise.resolve('inv-1'));
    const reads = takeEarlyReads(CREDS)!;
    const { api, own } = clientWith('tok-1');
    expect(api.earlyInvoice('inv-2', (await reads.invoice)!)).toBeNull();
    expect(await api.me(null)).toEqual({ user: { id: 'from-client' } });
    expect(own).toEqual([`${SERVER}/api/v1/me`]);
  });

  it('reads sent with another token or to another server are not handed over', async () => {
    stubFetch();
    const one = await page();
    one.startEarlyReads(CREDS, null);
    expect(one.takeEarlyReads({ serverUrl: SERVER, token: 'tok-2' })).toBeNull();
    expect(one.takeEarlyReads(CREDS)).toBeNull(); // dropped, not kept for a later taker
    const two = await page();
    two.startEarlyReads(CREDS, null);
    expect(two.takeEarlyReads({ serverUrl: 'https://other.example', token: 'tok-1' })).toBeNull();
  });

  it('an entry script that runs after the app looked (async script, slow network) sends nothing', async () => {
    const sent = stubFetch();
    const { startEarlyReads, takeEarlyReads } = await page();
    expect(takeEarlyReads(CREDS)).toBeNull();
    expect(startEarlyReads(CREDS, Promise.resolve('inv-1'))).toBeNull();
    await tick();
    expect(sent).toEqual([]);
  });

  it('a rejected token reaches the app as the error envelope the client would have raised', async () => {
    const { startEarlyReads, takeEarlyReads } = await page();
    stubFetch(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Token revoked', requestId: 'r-9', details: [] } } }));
    startEarlyReads(CREDS, null);
    const reads = takeEarlyReads(CREDS)!;
    expect(reads.invoice).toBeNull();
    const { api, own } = clientWith('tok-1');
    const err = await api.me(reads.me).catch((e: unknown) => e);
    // the requester of this page's module graph (page() reloads it) raised it
    expect(err).toBeInstanceOf((await import('./errors')).ApiError);
    expect([(err as ApiError).status, (err as ApiError).code, (err as ApiError).requestId]).toEqual([401, 'UNAUTHENTICATED', 'r-9']);
    expect(own).toEqual([]);
  });

  it('no invoice found (null id, or its lookup failing) sends only /me', async () => {
    const sent = stubFetch();
    const one = await page();
    one.startEarlyReads(CREDS, Promise.resolve(null));
    expect(await one.takeEarlyReads(CREDS)!.invoice).toBeNull();
    const two = await page();
    two.startEarlyReads(CREDS, Promise.reject(new Error('settings unreadable')));
    expect(await two.takeEarlyReads(CREDS)!.invoice).toBeNull();
    expect(sent.map((s) => s.url)).toEqual([`${SERVER}/api/v1/me`, `${SERVER}/api/v1/me`]);
  });
});

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(entries));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

/** Office as Excel gives it: onReady calls back once ready; partitionKey set from then on. */
function fakeOffice(host: string, bindings: unknown) {
  const ready: Array<(info: { host: string }) => void> = [];
  const office = {
    HostType: { Excel: 'Excel' },
    context: {} as { partitionKey?: string },
    onReady: (cb: (info: { host: string }) => void) => void ready.push(cb),
  };
  vi.stubGlobal('Office', office);
  const settings = { getItemOrNullObject: () => ({ load: () => ({ isNullObject: bindings === null, value: JSON.stringify(bindings) }) }) };
  vi.stubGlobal('Excel', { run: async (_o: unknown, batch: (c: unknown) => Promise<unknown>) => batch({ workbook: { settings }, sync: async () => {} }) });
  return {
    becomeReady(partitionKey: string) {
      office.context.partitionKey = partitionKey;
      for (const cb of ready) cb({ host });
    },
  };
}
const binding = (invoiceId: string, updatedAt: string) => ({ invoiceId, updatedAt });

describe('the entry scripts', () => {
  beforeEach(() => vi.resetModules());

  it('Excel: waits for Office.onReady (the token is stored under the partition key), then reads /me and the last synced invoice', async () => {
    const sent = stubFetch();
    vi.stubGlobal('localStorage', memoryStorage({ 'doc-A/progress-billing.token': 'tok-A', 'doc-A/progress-billing.serverUrl': SERVER }));
    const office = fakeOffice('Excel', { schema: 1, invoices: [binding('inv-old', '2026-01-01'), binding('inv-new', '2026-02-01')] });
    await import('../early-reads-entry');
    await tick();
    expect(sent).toEqual([]);
    office.becomeReady('doc-A/');
    await tick();
    expect(sent.map((s) => [s.url, s.authorization])).toEqual([
      [`${SERVER}/api/v1/me`, 'Bearer tok-A'],
      [`${SERVER}/api/v1/invoices/inv-new`, 'Bearer tok-A'],
    ]);
    const { takeEarlyReads: take } = await import('./early-reads');
    expect(take({ serverUrl: SERVER, token: 'tok-A' })).not.toBeNull();
  });

  it('Excel: no token stored, or another Office host, reads nothing; a workbook without bindings reads /me only', async () => {
    const sent = stubFetch();
    vi.stubGlobal('localStorage', memoryStorage());
    fakeOffice('Excel', null).becomeReady('');
    await import('../early-reads-entry');
    await tick();
    expect(sent).toEqual([]);

    vi.resetModules();
    vi.stubGlobal('localStorage', memoryStorage({ 'progress-billing.token': 'tok' }));
    const word = fakeOffice('Word', null);
    await import('../early-reads-entry');
    word.becomeReady('');
    await tick();
    expect(sent).toEqual([]);

    vi.resetModules();
    const excel = fakeOffice('Excel', null);
    await import('../early-reads-entry');
    excel.becomeReady('');
    await tick();
    expect(sent.map((s) => s.url)).toEqual([expect.stringMatching(/\/api\/v1\/me$/)]);
  });

  it('harness: reads ?invoice= at once; without it leaves the invoice to the app; without a token reads nothing', async () => {
    const sent = stubFetch();
    vi.stubGlobal('localStorage', memoryStorage({ 'progress-billing.token': 'tok-h', 'progress-billing.serverUrl': SERVER }));
    vi.stubGlobal('location', { search: '?invoice=inv-h&lang=fr', origin: SERVER });
    await import('../../harness/early-reads-entry');
    await tick();
    expect(sent.map((s) => s.url)).toEqual([`${SERVER}/api/v1/me`, `${SERVER}/api/v1/invoices/inv-h`]);

    vi.resetModules();
    vi.stubGlobal('location', { search: '', origin: SERVER });
    await import('../../harness/early-reads-entry');
    const { takeEarlyReads: take } = await import('./early-reads');
    expect(take({ serverUrl: SERVER, token: 'tok-h' })?.invoice).toBeNull();

    vi.resetModules();
    sent.length = 0;
    vi.stubGlobal('localStorage', memoryStorage());
    await import('../../harness/early-reads-entry');
    await tick();
    expect(sent).toEqual([]);
  });
});

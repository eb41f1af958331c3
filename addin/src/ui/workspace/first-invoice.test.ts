import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../api';
import type { EarlyGet } from '../../api/early-reads';
import { readFirstInvoice } from './first-invoice';

/** A fake API whose GETs are recorded and answered when the test says so. */
function fakeApi() {
  const gets: string[] = [];
  const answers = new Map<string, { resolve: (v: InvoiceView) => void; reject: (e: unknown) => void }[]>();
  return {
    gets,
    getInvoice(id: string): Promise<InvoiceView> {
      gets.push(id);
      return new Promise((resolve, reject) => answers.set(id, [...(answers.get(id) ?? []), { resolve, reject }]));
    },
    answer(id: string, k = 0) {
      answers.get(id)![k].resolve({ invoice: { id, read: k } } as unknown as InvoiceView);
    },
    fail(id: string, k = 0) {
      answers.get(id)![k].reject(new Error(`GET ${id} failed`));
    },
    /** as the client: the early read's answer when its path is this invoice's */
    earlyInvoice(id: string, early: EarlyGet): Promise<InvoiceView> | null {
      return early.path === `/invoices/${id}` ? (early.answer as Promise<InvoiceView>) : null;
    },
  };
}

/** A GET the page's first script sent (api/early-reads.ts), answered or failed when the test says. */
function earlyGet(id: string) {
  let settle!: { resolve: (v: unknown) => void; reject: (e: unknown) => void };
  const answer = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
  answer.catch(() => undefined);
  const get: EarlyGet = { method: 'GET', path: `/invoices/${id}`, answer };
  return { get, answer: () => settle.resolve({ invoice: { id, read: 'early' } }), fail: () => settle.reject(new Error(`early GET ${id} failed`)) };
}
const notAsked = () => Promise.reject(new Error('not asked'));
const tick = () => new Promise((r) => setTimeout(r, 0));
const idOf = (v: InvoiceView) => v.invoice as unknown as { id: string; read: number };

describe('readFirstInvoice', () => {
  it('starts the GET at once, before anything asks for it, and hands that read to the first open only', async () => {
    const api = fakeApi();
    const first = readFirstInvoice(api, 'inv-1', () => Promise.reject(new Error('not asked')));
    await tick();
    expect(api.gets).toEqual(['inv-1']);
    const taken = first.take('inv-1')!;
    api.answer('inv-1');
    expect(idOf(await taken)).toEqual({ id: 'inv-1', read: 0 });
    expect(first.take('inv-1')).toBeNull(); // a later open reads the server itself
    expect(api.gets).toEqual(['inv-1']);
  });

  it('without an invoice id, reads the one the workbook holds; another invoice opened first gets its own GET', async () => {
    const api = fakeApi();
    const first = readFirstInvoice(api, null, async () => 'inv-bound');
    await tick();
    expect(api.gets).toEqual(['inv-bound']);
    const other = first.take('inv-2')!;
    await tick();
    expect(api.gets).toEqual(['inv-bound', 'inv-2']);
    api.answer('inv-2');
    expect(idOf(await other).id).toBe('inv-2');
  });

  it('a workbook holding no invoice reads nothing early', async () => {
    const api = fakeApi();
    const first = readFirstInvoice(api, null, async () => null);
    await tick();
    expect(api.gets).toEqual([]);
    const taken = first.take('inv-3')!;
    await tick();
    api.answer('inv-3');
    expect(idOf(await taken).id).toBe('inv-3');
  });

  it('a failed early read is read again by the open, whose own error is what the open reports', async () => {
    const api = fakeApi();
    const first = readFirstInvoice(api, 'inv-4', async () => null);
    await tick();
    api.fail('inv-4', 0);
    const taken = first.take('inv-4')!;
    await tick();
    expect(api.gets).toEqual(['inv-4', 'inv-4']);
    api.fail('inv-4', 1);
    await expect(taken).rejects.toThrow('GET inv-4 failed');
  });

  it("with the page's early read, the app sends nothing itself and the first open gets that answer, once", async () => {
    const api = fakeApi();
    const early = earlyGet('inv-5');
    const first = readFirstInvoice(api, 'inv-5', notAsked, Promise.resolve(early.get));
    const taken = first.take('inv-5')!;
    early.answer();
    expect(idOf(await taken)).toEqual({ id: 'inv-5', read: 'early' });
    expect(first.take('inv-5')).toBeNull();
    expect(api.gets).toEqual([]);
  });

  it('an early read of another invoice than the one opened first is not used: the open reads its own', async () => {
    const api = fakeApi();
    const early = earlyGet('inv-bound');
    const first = readFirstInvoice(api, null, notAsked, Promise.resolve(early.get));
    const taken = first.take('inv-6')!;
    early.answer();
    await tick();
    expect(api.gets).toEqual(['inv-6']);
    api.answer('inv-6');
    expect(idOf(await taken)).toEqual({ id: 'inv-6', read: 0 });
  });

  it('a failed early read is read again by the open and that error is reported', async () => {
    const api = fakeApi();
    const early = earlyGet('inv-7');
    const first = readFirstInvoice(api, 'inv-7', notAsked, Promise.resolve(early.get));
    const taken = first.take('inv-7')!;
    early.fail();
    await tick();
    expect(api.gets).toEqual(['inv-7']);
    api.fail('inv-7');
    await expect(taken).rejects.toThrow('GET inv-7 failed');
  });

  it('the page looked and found no invoice: the app does not look again, the open reads', async () => {
    const api = fakeApi();
    let looked = 0;
    const first = readFirstInvoice(
      api,
      null,
      async () => {
        looked++;
        return 'inv-8';
      },
      Promise.resolve(null),
    );
    await tick();
    expect([looked, api.gets]).toEqual([0, []]);
    const taken = first.take('inv-8')!;
    await tick();
    api.answer('inv-8');
    expect(idOf(await taken).id).toBe('inv-8');
    expect(api.gets).toEqual(['inv-8']);
  });
});

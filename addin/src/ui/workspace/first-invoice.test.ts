import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../../api';
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
  };
}
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
});

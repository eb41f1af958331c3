import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';
import { buildContractWithInvoice } from './builders';
import { ok } from './helpers';
import { billAndApprove, payment } from './payment-builders';

// Opening an invoice and editing all its lines take a fixed number of D1 statements whatever the
// line count (worker/src/lib/d1-count.ts counts them in DEV_MODE; `npm run bench` prints them for
// 50, 500 and 5,000 lines). A per-line query would make the 120-line figures larger.

async function counted(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.fetch(
    new Request(`http://localhost${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { ...env, DEV_MODE: '1' },
    createExecutionContext(),
  );
  const json = (await res.json()) as { version?: number };
  expect(res.status, JSON.stringify(json).slice(0, 500)).toBe(200);
  return { statements: Number(res.headers.get('x-d1-statements')), roundTrips: Number(res.headers.get('x-d1-round-trips')), json };
}

async function countsFor(lineCount: number) {
  const b = await buildContractWithInvoice({ lineCount });
  const id = b.invoice.invoice.id;
  const get = await counted(b.token, 'GET', `/api/v1/invoices/${id}`);
  const edits = b.lineIds.map((lineId, i) => ({ lineId, workCompletedThisPeriod: 100 + i }));
  const patch = await counted(b.token, 'PATCH', `/api/v1/invoices/${id}/lines`, { edits }, { 'if-match': '1' });
  expect(patch.json.version).toBe(2);
  return { get, patch };
}

describe('D1 statements per request', () => {
  it('do not grow with the number of lines, for opening an invoice and for a PATCH of every line', async () => {
    const small = await countsFor(3);
    const large = await countsFor(120);
    expect(small.get.statements).toBeGreaterThan(0);
    expect(small.patch.statements).toBeGreaterThan(small.get.statements); // the PATCH also writes
    expect(large.get).toMatchObject({ statements: small.get.statements, roundTrips: small.get.roundTrips });
    expect(large.patch).toMatchObject({ statements: small.patch.statements, roundTrips: small.patch.roundTrips });
  });

  it('do not grow with the number of invoices or payments, for the invoice lists, the aging, the payments and the invoice', async () => {
    async function countsForInvoices(n: number) {
      const b = await buildContractWithInvoice({ lineCount: 2 });
      let id = b.invoice.invoice.id as string;
      for (let k = 0; k < n; k++) {
        if (k > 0) id = (await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[k] })).invoice.id;
        await billAndApprove(b.token, id, b.lineIds[0]!, 100 * (k + 1));
        for (let p = 0; p <= k; p++) await ok(201, b.token, 'POST', `/api/v1/invoices/${id}/payments`, payment(1_000));
      }
      return {
        list: await counted(b.token, 'GET', `/api/v1/projects/${b.projectId}/invoices`),
        contractList: await counted(b.token, 'GET', `/api/v1/contracts/${b.contractId}/invoices`),
        aging: await counted(b.token, 'GET', `/api/v1/projects/${b.projectId}/aging?asOf=2026-06-30`),
        payments: await counted(b.token, 'GET', `/api/v1/invoices/${id}/payments`),
        view: await counted(b.token, 'GET', `/api/v1/invoices/${id}`),
      };
    }
    // from 2 invoices on, the last one has a previous invoice (one statement more for its priors, whatever the count)
    const two = await countsForInvoices(2);
    const four = await countsForInvoices(4); // the last invoice has 4 payments
    for (const k of ['list', 'contractList', 'aging', 'payments', 'view'] as const) {
      expect(four[k], k).toMatchObject({ statements: two[k].statements, roundTrips: two[k].roundTrips });
    }
  });

  it('are not reported outside DEV_MODE', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 });
    const res = await app.fetch(
      new Request(`http://localhost/api/v1/invoices/${b.invoice.invoice.id}`, { headers: { authorization: `Bearer ${b.token}` } }),
      env,
      createExecutionContext(),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-d1-statements')).toBeNull();
  });
});

import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';
import { buildContractWithInvoice } from './builders';

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

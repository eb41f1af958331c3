import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';
import { ok, seedUser } from './helpers';

// PUT /contracts/{id}/sov as the pane's import sends it: up to 5,000 lines in ONE request, a
// fixed number of D1 statements whatever the line and group count (rows travel as JSON unpacked
// by json_each), every bad line named by its index so the pane maps it back to the sheet row, and
// nothing saved unless every line is right.

async function put(token: string, contractId: string, lines: unknown[]) {
  const res = await app.fetch(
    new Request(`http://localhost/api/v1/contracts/${contractId}/sov`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lines }),
    }),
    { ...env, DEV_MODE: '1' },
    createExecutionContext(),
  );
  return { status: res.status, body: (await res.json()) as any, statements: Number(res.headers.get('x-d1-statements')) };
}

async function draftContract(method: 'amount' | 'unit' = 'amount') {
  const { token } = await seedUser({ name: 'Ana Ruiz' });
  const project = await ok(201, token, 'POST', '/api/v1/projects', { name: 'P', number: '1' });
  const contract = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/contracts`, { kind: 'prime', accountingMethod: method, title: 'Prime' });
  return { token, contractId: contract.id as string };
}

/** Line i: item "00001"…, in group "Area k" (50 lines per group), value 1,000.00 + i cents. */
const lineAt = (i: number) => ({
  itemNo: String(i + 1).padStart(5, '0'),
  costCode: `CC-${i % 37}`,
  description: `Work item ${i + 1}`,
  group: `Area ${Math.floor(i / 50) + 1}`,
  scheduledValueCents: 100_000 + i,
});

describe('PUT /contracts/{id}/sov with 5,000 lines', () => {
  it('saves 5,000 lines in 100 groups in one request, its D1 statements not growing with lines or groups', async () => {
    const small = await draftContract();
    const five = await put(
      small.token,
      small.contractId,
      Array.from({ length: 5 }, (_, i) => lineAt(i)),
    );
    expect(five.status, JSON.stringify(five.body).slice(0, 300)).toBe(200);

    const big = await draftContract();
    const lines = Array.from({ length: 5_000 }, (_, i) => lineAt(i));
    const r = await put(big.token, big.contractId, lines);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.lines).toHaveLength(5_000);
    expect(r.body.groups).toHaveLength(100);
    // Lines travel as JSON in chunks of at most 900 KB (services/invoices/bulk-sql.ts): 5,000 lines
    // are ~2 MB, so at most 3 chunks where 5 lines need 1 — never one statement per line or group.
    expect(r.statements - five.statements).toBeGreaterThanOrEqual(0);
    expect(r.statements - five.statements).toBeLessThanOrEqual(2);
    const oneGroup = await draftContract();
    const same = await put(
      oneGroup.token,
      oneGroup.contractId,
      lines.map((l) => ({ ...l, group: 'Area 1' })),
    );
    expect(same.statements).toBe(r.statements);

    const sov = await ok(200, big.token, 'GET', `/api/v1/contracts/${big.contractId}/sov`);
    const groupName = new Map(sov.groups.map((g: { id: string; name: string }) => [g.id, g.name]));
    const line3999 = sov.lines[3_999];
    expect([line3999.itemNo, line3999.description, groupName.get(line3999.groupId), line3999.scheduledValueCents]).toEqual([
      '04000',
      'Work item 4000',
      'Area 80',
      103_999,
    ]);
    const contract = await ok(200, big.token, 'GET', `/api/v1/contracts/${big.contractId}`);
    // Σ (100,000 + i) for i < 5,000 = 500,000,000 + 12,497,500
    expect(contract.originalContractSumCents).toBe(512_497_500);
  });

  it('refuses the whole import when line 3,999 is bad, naming that index, and keeps what was saved', async () => {
    const c = await draftContract();
    expect((await put(c.token, c.contractId, [lineAt(0)])).status).toBe(200);

    const lines = Array.from({ length: 5_000 }, (_, i) => lineAt(i));
    lines[3_999] = { ...lines[3_999]!, description: '' };
    const schema = await put(c.token, c.contractId, lines);
    expect(schema.status).toBe(422);
    expect(schema.body.error.details.map((d: { field: string }) => d.field)).toEqual(['lines.3999.description']);

    const dup = Array.from({ length: 5_000 }, (_, i) => lineAt(i));
    dup[3_999] = { ...dup[3_999]!, itemNo: '00007' };
    const rules = await put(c.token, c.contractId, dup);
    expect(rules.status).toBe(422);
    expect(rules.body.error.details).toEqual([
      {
        itemNo: '00007',
        field: 'lines.3999.itemNo',
        code: 'DUPLICATE_ITEM_NO',
        message: 'Line 4000 (item 00007): item no. "00007" is already used by line 7',
      },
    ]);

    const sov = await ok(200, c.token, 'GET', `/api/v1/contracts/${c.contractId}/sov`);
    expect(sov.lines.map((l: { itemNo: string }) => l.itemNo)).toEqual(['00001']);
  });
});

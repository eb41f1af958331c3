import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invoices, sovLines, users } from '../src/db/schema';
import { buildReadyInvoice } from './email-builders';
import { db, ok } from './helpers';

// The project's jurisdiction drives `deadlines` on the contract view, the contract list and the
// invoice view (shared/jurisdiction/rules.ts). buildReadyInvoice: a prime contract at 10% work
// retainage, SOV $373,456.78 (5,000,000 + 12,345,678 + 20,000,000 cents), no contract date.

const today = () => new Date().toISOString().slice(0, 10);

async function ready(place: { jurisdiction: string | null; workType?: string }, contract: object = { contractDate: '2026-03-15' }) {
  const b = await buildReadyInvoice();
  await ok(200, b.admin.token, 'PATCH', `/api/v1/projects/${b.projectId}`, { workType: 'private', ...place });
  await ok(200, b.admin.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, contract);
  return b;
}
const pick = (d: Array<{ code: string; severity: string; dueOn: string | null }>) => d.map((x) => [x.code, x.severity, x.dueOn]);

describe('deadlines by jurisdiction on the views', () => {
  it('California private, 10% on a 2026 contract: a warning on the contract, the list and the invoice', async () => {
    const b = await ready({ jurisdiction: 'US-CA' });
    const c = await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`);
    expect(c.deadlines).toEqual([
      {
        code: 'US-CA.private-retainage-cap',
        severity: 'warning',
        message: "Retainage 10% is above California's 5% cap for private works (Civil Code §8811).",
        dueOn: null,
        source: expect.objectContaining({ url: expect.stringMatching(/^https:\/\//), checkedOn: '2026-11-30' }),
      },
    ]);
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/projects/${b.projectId}/contracts`);
    expect(list.contracts[0].deadlines).toEqual(c.deadlines);
    const inv = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`);
    expect(inv.deadlines).toEqual(c.deadlines);
  });

  it('California private at 5%: none; a line of its own at 6% brings it back; public works cite PCC 7201', async () => {
    const b = await ready({ jurisdiction: 'US-CA' }, { contractDate: '2026-03-15', workRetainageBps: 500 });
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`)).deadlines).toEqual([]);
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`)).deadlines).toEqual([]);
    // a line's own stored-materials rate counts too (the contract is approved: set it in the table, as a change order line could)
    const sov = await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}/sov`);
    await db().update(sovLines).set({ storedRetainageBps: 600 }).where(eq(sovLines.id, sov.lines[1].id));
    const c = await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`);
    expect(c.deadlines.map((d: { message: string }) => d.message)).toEqual(["Retainage 6% is above California's 5% cap for private works (Civil Code §8811)."]);
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`)).deadlines.map((d: { message: string }) => d.message)).toEqual(
      c.deadlines.map((d: { message: string }) => d.message),
    );
    await ok(200, b.admin.token, 'PATCH', `/api/v1/projects/${b.projectId}`, { workType: 'public' });
    expect(pick((await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`)).deadlines)).toEqual([
      ['US-CA.public-retainage-cap', 'warning', null],
    ]);
  });

  it("New York private over $150,000 at 10%: a warning in the reader's language; no jurisdiction: none", async () => {
    const b = await ready({ jurisdiction: 'US-NY' });
    await db().update(users).set({ locale: 'es' }).where(eq(users.id, b.admin.id));
    const c = await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`);
    expect(pick(c.deadlines)).toEqual([['US-NY.private-retainage-cap', 'warning', null]]);
    expect(c.deadlines[0].message).toBe(
      'La retención del 10\u00a0% supera el tope del 5\u00a0% de Nueva York para obras privadas de 150.000 $ o más (General Business Law §756-c).',
    );
    await ok(200, b.admin.token, 'PATCH', `/api/v1/projects/${b.projectId}`, { jurisdiction: null });
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`)).deadlines).toEqual([]);
  });

  it('Ontario: the invoice shows the 14/28-day clocks from its submission day, the contract its annual holdback release', async () => {
    const b = await ready({ jurisdiction: 'CA-ON' }, { contractDate: '2026-03-15' });
    // submitted 2026-03-10: notice of non-payment by 03-24 (10 + 14), payment by 04-07 (10 + 28 − 31)
    await db().update(invoices).set({ submittedOn: '2026-03-10' }).where(eq(invoices.id, b.invoiceId));
    const inv = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`);
    const clocks = inv.deadlines.filter((d: { code: string }) => d.code === 'CA-ON.prompt-payment');
    // today (the run's day) is long after 2026-04-07 and nothing is paid: the payment clock warns
    expect(pick(clocks)).toEqual([
      ['CA-ON.prompt-payment', today() > '2026-04-07' ? 'warning' : 'info', '2026-04-07'],
      ['CA-ON.prompt-payment', 'info', '2026-03-24'],
    ]);
    // the annual release: the first anniversary whose last payment day (anniversary + 14 + 74) is not past today
    let year = 2027;
    const plus88 = (y: number) => new Date(Date.UTC(y, 2, 15 + 88)).toISOString().slice(0, 10);
    while (plus88(year) < today()) year++;
    const notice = `${year}-03-29`; // March 15 + 14
    const release = (await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}`)).deadlines.filter(
      (d: { code: string }) => d.code === 'CA-ON.annual-holdback-release',
    );
    expect(release.map((d: { dueOn: string }) => d.dueOn)).toEqual([notice, plus88(year)]);
    expect(plus88(2027)).toBe('2027-06-11'); // 29 March + 74 days: 2 (to 31 March) + 30 + 31 + 11
    // a draft invoice (not submitted) has no clocks
    await db().update(invoices).set({ submittedOn: null }).where(eq(invoices.id, b.invoiceId));
    const draft = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`);
    expect(draft.deadlines.filter((d: { code: string }) => d.code === 'CA-ON.prompt-payment')).toEqual([]);
  });
});

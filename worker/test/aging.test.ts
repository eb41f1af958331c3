// Aging through the real worker on FIXED dates: eight approved invoices whose due dates fall 0, 1,
// 30, 31, 60, 61, 90 and 91 days before asOf (the bucket edges), payments taken off the open
// balances, a draft never aged, retainage held shown apart, private contracts filtered like the
// project invoice list. Expected figures are worked out by hand in the comments.
import { describe, expect, it, beforeAll } from 'vitest';
import { addDays } from '@shared/dates';
import { buildContractWithInvoice } from './builders';
import { api, joinByInvitation, ok, seedCompany, seedUser } from './helpers';
import { billAndApprove, payment, setSubmittedOn, todayUtc } from './payment-builders';
import { latestTodayOnEarth } from '../src/services/payments/invoice-payments';

const AS_OF = '2026-06-30';
/** days past due on AS_OF of invoices 1..8: the buckets' edges, oldest first */
const LATE = [91, 90, 61, 60, 31, 30, 1, 0];

type Setup = { token: string; projectId: string; primeId: string; invoiceIds: string[]; draftId: string; subId: string; privateId: string };

async function contractWithLine(token: string, projectId: string, body: Record<string, unknown>) {
  const c = await ok(201, token, 'POST', `/api/v1/projects/${projectId}/contracts`, { accountingMethod: 'amount', workRetainageBps: 1000, ...body });
  const sov = await ok(200, token, 'PUT', `/api/v1/contracts/${c.id}/sov`, { lines: [{ itemNo: '1', description: 'Work', scheduledValueCents: 100_000_000 }] });
  await ok(200, token, 'POST', `/api/v1/contracts/${c.id}/approve`);
  return { id: c.id as string, lineId: sov.lines[0].id as string };
}

describe('aging on fixed dates', () => {
  let s: Setup;
  beforeAll(async () => {
    const admin = await seedUser({ name: 'Ana Ruiz' });
    const token = admin.token;
    const project = await ok(201, token, 'POST', '/api/v1/projects', { name: 'Aging', number: 'AG-1' });
    const periods = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'monthly', start: '2025-01-01', count: 10 });
    const periodIds: string[] = periods.billingPeriods.map((p: { id: string }) => p.id);
    const owner = await seedCompany('Harbor Owner LLC');
    const prime = await contractWithLine(token, project.id, { kind: 'prime', title: 'Owner contract', counterpartyCompanyId: owner });
    const invoiceIds: string[] = [];
    for (let k = 1; k <= 8; k++) {
      const inv = await ok(201, token, 'POST', `/api/v1/contracts/${prime.id}/invoices`, { billingPeriodId: periodIds[k - 1] });
      // invoice k bills $1,000·k of work; 10% retainage: line 8 = $900·k = 90,000·k cents
      await billAndApprove(token, inv.invoice.id, prime.lineId, 1_000 * k);
      // due (submitted + 30 days) LATE[k-1] days before AS_OF
      await setSubmittedOn(inv.invoice.id, addDays(AS_OF, -LATE[k - 1]! - 30));
      invoiceIds.push(inv.invoice.id);
    }
    // invoice 9 stays a draft: never aged, and not the retainage's invoice
    const draft = await ok(201, token, 'POST', `/api/v1/contracts/${prime.id}/invoices`, { billingPeriodId: periodIds[8] });
    const view9 = await ok(200, token, 'GET', `/api/v1/invoices/${draft.invoice.id}`);
    await ok(
      200,
      token,
      'PATCH',
      `/api/v1/invoices/${draft.invoice.id}/lines`,
      { edits: [{ lineId: prime.lineId, workCompletedThisPeriod: 50_000 }] },
      { 'if-match': String(view9.invoice.version) },
    );
    // invoice 2 (due 180,000) paid 50,000: 130,000 open; invoice 5 (due 450,000) paid in full: not aged.
    // Both received on AS_OF itself, so an aging as of the day before still shows them open.
    await ok(201, token, 'POST', `/api/v1/invoices/${invoiceIds[1]}/payments`, payment(50_000, { receivedOn: AS_OF }));
    await ok(201, token, 'POST', `/api/v1/invoices/${invoiceIds[4]}/payments`, payment(450_000, { receivedOn: AS_OF }));
    // a voided payment counts for nothing: invoice 8 stays fully open
    const v = await ok(201, token, 'POST', `/api/v1/invoices/${invoiceIds[7]}/payments`, payment(720_000, { receivedOn: AS_OF }));
    await ok(200, token, 'POST', `/api/v1/invoices/${invoiceIds[7]}/payments/${v.payments[0].id}/void`, { reason: 'wrong invoice' });

    const subCo = await seedCompany('Rebar Subs Inc');
    const sub = await contractWithLine(token, project.id, { kind: 'commitment', title: 'Rebar', counterpartyCompanyId: subCo });
    const subInv = await ok(201, token, 'POST', `/api/v1/contracts/${sub.id}/invoices`, { billingPeriodId: periodIds[0] });
    // $2,000 less 10% = 180,000 cents, due 10 days before AS_OF
    await billAndApprove(token, subInv.invoice.id, sub.lineId, 2_000);
    await setSubmittedOn(subInv.invoice.id, addDays(AS_OF, -40));

    const priv = await contractWithLine(token, project.id, { kind: 'prime', title: 'Private prime', isPrivate: true });
    const privInv = await ok(201, token, 'POST', `/api/v1/contracts/${priv.id}/invoices`, { billingPeriodId: periodIds[0] });
    await billAndApprove(token, privInv.invoice.id, priv.lineId, 3_000);
    await setSubmittedOn(privInv.invoice.id, addDays(AS_OF, -30));
    s = { token, projectId: project.id, primeId: prime.id, invoiceIds, draftId: draft.invoice.id, subId: sub.id, privateId: priv.id };
  });

  it('puts each open balance in its bucket at the edges, paid and draft invoices out, retainage apart', async () => {
    const aging = await ok(200, s.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${AS_OF}&kind=prime`);
    expect(aging.asOf).toBe(AS_OF);
    expect(aging.kind).toBe('prime');
    const row = aging.rows.find((r: any) => r.contractId === s.primeId);
    expect(row).toMatchObject({ contractNumber: 1, contractTitle: 'Owner contract', counterpartyName: 'Harbor Owner LLC' });
    // number, days past due, bucket, open (cents): 90,000·k less payments; #5 paid in full is absent
    expect(row.invoices.map((i: any) => [i.number, i.daysPastDue, i.bucket, i.openCents])).toEqual([
      [1, 91, 'd90_plus', 90_000],
      [2, 90, 'd61_90', 130_000], // 180,000 − 50,000
      [3, 61, 'd61_90', 270_000],
      [4, 60, 'd31_60', 360_000],
      [6, 30, 'd1_30', 540_000],
      [7, 1, 'd1_30', 630_000],
      [8, 0, 'current', 720_000], // the voided 720,000 does not count
    ]);
    expect(row.invoices[0].dueOn).toBe('2026-03-31'); // AS_OF − 91 days
    // current 720,000; 1–30: 540,000 + 630,000; 31–60: 360,000; 61–90: 130,000 + 270,000; 90+: 90,000
    expect(row.buckets).toEqual({ current: 720_000, d1_30: 1_170_000, d31_60: 360_000, d61_90: 400_000, d90_plus: 90_000 });
    // 90,000 × (1+…+8) = 3,240,000, less 50,000 and 450,000 paid = 2,740,000
    expect(row.totalOpenCents).toBe(2_740_000);
    // retainage held = invoice 8's line 5 (the draft #9 is not counted): 10% of $36,000 billed to date = 360,000
    expect(row.retainageHeldCents).toBe(360_000);
    const view8 = await ok(200, s.token, 'GET', `/api/v1/invoices/${s.invoiceIds[7]}`);
    expect(view8.g702.line5TotalRetainageCents).toBe(360_000);
    // the admin also sees the private prime contract: 270,000 due on AS_OF, current; retainage 30,000
    const priv = aging.rows.find((r: any) => r.contractId === s.privateId);
    expect(priv).toMatchObject({ counterpartyName: '', totalOpenCents: 270_000, retainageHeldCents: 30_000, buckets: { current: 270_000 } });
    expect(aging.rows.map((r: any) => r.contractId)).toEqual([s.primeId, s.privateId]);
    expect(aging.totals).toEqual({
      buckets: { current: 990_000, d1_30: 1_170_000, d31_60: 360_000, d61_90: 400_000, d90_plus: 90_000 },
      totalOpenCents: 3_010_000,
      retainageHeldCents: 390_000,
    });
  });

  it('ages the same invoices differently on another day', async () => {
    // 31 days later every invoice is 31 days later: 91+31=122 and 90+31=121 → 90+; 61,60 → 92,91 → 90+;
    // 31 → 62 and 30 → 61 → 61–90; 1 → 32 → 31–60; 0 → 31 → 31–60
    const aging = await ok(200, s.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${addDays(AS_OF, 31)}`);
    const row = aging.rows.find((r: any) => r.contractId === s.primeId);
    expect(row.buckets).toEqual({ current: 0, d1_30: 0, d31_60: 630_000 + 720_000, d61_90: 540_000, d90_plus: 90_000 + 130_000 + 270_000 + 360_000 });
  });

  it('ages as of a past day: payments received later are still open, invoices submitted later are not there yet', async () => {
    // the day before the payments of AS_OF: invoice 2 owes its whole 180,000 (89 days late → 61–90),
    // invoice 5 its whole 450,000 (30 days late → 1–30); invoice 8 (due AS_OF) is current
    const before = await ok(200, s.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${addDays(AS_OF, -1)}`);
    const row = before.rows.find((r: any) => r.contractId === s.primeId);
    expect(row.invoices.filter((i: any) => [2, 5].includes(i.number)).map((i: any) => [i.number, i.daysPastDue, i.bucket, i.openCents])).toEqual([
      [2, 89, 'd61_90', 180_000],
      [5, 30, 'd1_30', 450_000],
    ]);
    // 90,000 × (1+…+8) = 3,240,000 with nothing paid yet
    expect(row.totalOpenCents).toBe(3_240_000);
    // 45 days before AS_OF: invoices 7 and 8 (submitted AS_OF − 31 and − 30) were not submitted yet; invoice 6
    // (submitted AS_OF − 60, due AS_OF − 30) is current; the retainage held is invoice 6's: 10% of $21,000
    const early = await ok(200, s.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${addDays(AS_OF, -45)}`);
    const earlyRow = early.rows.find((r: any) => r.contractId === s.primeId);
    expect(earlyRow.invoices.map((i: any) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(earlyRow.invoices.at(-1)).toMatchObject({ number: 6, bucket: 'current', openCents: 540_000 });
    expect(earlyRow.retainageHeldCents).toBe(210_000);
  });

  it('shows commitments with the subcontractor, and hides private contracts from those not on them', async () => {
    const subs = await ok(200, s.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${AS_OF}&kind=commitment`);
    expect(subs.rows).toHaveLength(1);
    // $2,000 less 10% = 180,000, due 10 days before AS_OF
    expect(subs.rows[0]).toMatchObject({ contractId: s.subId, counterpartyName: 'Rebar Subs Inc', buckets: { d1_30: 180_000 }, retainageHeldCents: 20_000 });

    const reader = await seedUser({ name: 'Reader' });
    await joinByInvitation(s.token, s.projectId, reader, { primeContracts: 'read_only' });
    const seen = await ok(200, reader.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${AS_OF}`);
    expect(seen.rows.map((r: any) => r.contractId)).toEqual([s.primeId]);
    expect(seen.totals.totalOpenCents).toBe(2_740_000);
    // no commitments tool: no rows at all, and the list of invoices agrees
    expect((await ok(200, reader.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=${AS_OF}&kind=commitment`)).rows).toEqual([]);
    const invoices = await ok(200, reader.token, 'GET', `/api/v1/projects/${s.projectId}/invoices`);
    expect(new Set(invoices.invoices.map((i: any) => i.contract.id))).toEqual(new Set([s.primeId]));

    const stranger = await seedUser({ name: 'Stranger' });
    expect((await api(stranger.token, 'GET', `/api/v1/projects/${s.projectId}/aging`)).status).toBe(404);
    expect((await api(s.token, 'GET', `/api/v1/projects/${s.projectId}/aging?asOf=2026-02-30`)).status).toBe(422);
  });

  it('shows retainage apart until a retainage-only invoice releases it, which is then aged like any other', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 }); // 10% work retainage
    const agingRow = async () => (await ok(200, b.token, 'GET', `/api/v1/projects/${b.projectId}/aging?asOf=${todayUtc()}`)).rows[0];
    await billAndApprove(b.token, b.invoice.invoice.id, b.lineIds[0]!, 6_000);
    // $6,000 billed: 60,000 retainage held, 540,000 due, nothing late yet
    expect(await agingRow()).toMatchObject({ totalOpenCents: 540_000, retainageHeldCents: 60_000, buckets: { current: 540_000 } });
    await ok(201, b.token, 'POST', `/api/v1/invoices/${b.invoice.invoice.id}/payments`, payment(540_000));
    // paid in full: nothing open, the retainage still held and never in a bucket
    expect(await agingRow()).toMatchObject({ totalOpenCents: 0, retainageHeldCents: 60_000, invoices: [], buckets: { current: 0 } });

    const release = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, {
      billingPeriodId: b.periodIds[1],
      kind: 'retainage_release',
    });
    const id = release.invoice.id;
    await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/release-retainage`, { all: true }, { 'if-match': String(release.invoice.version) });
    // a draft release changes nothing yet
    expect(await agingRow()).toMatchObject({ totalOpenCents: 0, retainageHeldCents: 60_000 });
    await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'under_review' });
    // submitted: its line 8 is the 60,000 released, now open; its line 5 (nothing held) is the retainage held
    expect(await agingRow()).toMatchObject({ totalOpenCents: 60_000, retainageHeldCents: 0, invoices: [{ number: 2, openCents: 60_000, bucket: 'current' }] });
    expect((await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`)).g702).toMatchObject({ line5TotalRetainageCents: 0, line8CurrentPaymentDueCents: 60_000 });
  });
  it("today's aging takes off a payment dated today east of UTC, as the invoice view does", async () => {
    // A payment may be dated up to UTC+14's day (record-payment.ts). From 10:00 UTC that is tomorrow in
    // UTC; the aging without asOf must still count it, or it shows open what the invoice shows paid.
    const b = await buildContractWithInvoice({ lineCount: 1 });
    await billAndApprove(b.token, b.invoice.invoice.id, b.lineIds[0]!, 6_000); // 540,000 due
    await ok(201, b.token, 'POST', `/api/v1/invoices/${b.invoice.invoice.id}/payments`, payment(100_000, { receivedOn: latestTodayOnEarth() }));
    const view = await ok(200, b.token, 'GET', `/api/v1/invoices/${b.invoice.invoice.id}`);
    expect(view.payment.openCents).toBe(440_000);
    const aging = await ok(200, b.token, 'GET', `/api/v1/projects/${b.projectId}/aging`);
    expect(aging.rows[0]).toMatchObject({ totalOpenCents: 440_000, invoices: [{ openCents: 440_000 }] });
  });
});

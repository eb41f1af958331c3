import { beforeAll, describe, expect, it } from 'vitest';
import { listProjectInvoices } from '@shared/api/routes/invoices';
import { api, call, joinByInvitation, ok, seedUser } from './helpers';
import { buildContractWithInvoice, type Built } from './builders';

// GET /projects/{id}/invoices: one period's owner and subcontractor invoices across the contracts
// the caller may see. A private commitment's invoices are absent for a reader who is not on its
// private list; a stranger gets 404 for the project itself.

async function commitment(token: string, projectId: string, title: string, extra: object = {}) {
  const c = await ok(201, token, 'POST', `/api/v1/projects/${projectId}/contracts`, { kind: 'commitment', accountingMethod: 'amount', title, ...extra });
  await ok(200, token, 'PUT', `/api/v1/contracts/${c.id}/sov`, { lines: [{ itemNo: '01', description: 'Framing', scheduledValueCents: 5_000_000 }] });
  await ok(200, token, 'POST', `/api/v1/contracts/${c.id}/approve`);
  return c.id as string;
}

describe('GET /projects/{id}/invoices', () => {
  let b: Built;
  let publicSub: string;
  let privateSub: string;
  const ids: Record<string, string> = {};
  const list = (token: string, query: { billingPeriodId?: string; kind?: 'prime' | 'commitment' } = {}) =>
    call(200, token, listProjectInvoices, { param: { id: b.projectId }, query });

  beforeAll(async () => {
    b = await buildContractWithInvoice();
    ids.prime1 = b.invoice.invoice.id;
    // the owner invoice leaves draft: its line 6 is frozen and line 8 becomes the amount due
    await ok(
      200,
      b.token,
      'PATCH',
      `/api/v1/invoices/${ids.prime1}/lines`,
      { edits: [{ lineId: b.lineIds[0], workCompletedThisPeriod: 2500 }] },
      { 'if-match': '1' },
    );
    await ok(200, b.token, 'POST', `/api/v1/invoices/${ids.prime1}/status`, { status: 'under_review' });
    publicSub = await commitment(b.token, b.projectId, 'Drywall sub');
    privateSub = await commitment(b.token, b.projectId, 'Secret sub', { isPrivate: true });
    ids.public1 = (await ok(201, b.token, 'POST', `/api/v1/contracts/${publicSub}/invoices`, { billingPeriodId: b.periodIds[0] })).invoice.id;
    ids.private1 = (await ok(201, b.token, 'POST', `/api/v1/contracts/${privateSub}/invoices`, { billingPeriodId: b.periodIds[0] })).invoice.id;
    await ok(200, b.token, 'POST', `/api/v1/invoices/${ids.public1}/status`, { status: 'under_review' });
    ids.public2 = (await ok(201, b.token, 'POST', `/api/v1/contracts/${publicSub}/invoices`, { billingPeriodId: b.periodIds[1] })).invoice.id;
  });

  it('lists an admin every invoice of the period, owner first, with contract, access and amount due', async () => {
    const { invoices } = await list(b.token, { billingPeriodId: b.periodIds[0] });
    expect(invoices.map((i) => i.id)).toEqual([ids.prime1, ids.public1, ids.private1]);
    const prime = invoices[0]!;
    const view = await ok(200, b.token, 'GET', `/api/v1/invoices/${ids.prime1}`);
    expect(prime).toMatchObject({ number: 1, status: 'under_review', isLatest: true, contract: { kind: 'prime', title: 'Prime' } });
    expect(prime.currentPaymentDueCents).toBe(view.g702.line8CurrentPaymentDueCents);
    // 2,500.00 billed (a cell value in currency units), 10% work retainage held
    expect(prime.currentPaymentDueCents).toBe(250_000 - 25_000);
    expect(prime.myAccess).toEqual({ level: 'admin', isToolAdmin: true, isInvoiceContact: false });
    // nothing billed on the submitted subcontractor invoice 1, which is no longer the latest once 2 exists
    expect(invoices[1]).toMatchObject({
      status: 'under_review',
      currentPaymentDueCents: 0,
      isLatest: false,
      contract: { kind: 'commitment', title: 'Drywall sub' },
    });
    // a draft has no frozen figures yet
    expect(invoices[2]).toMatchObject({ status: 'draft', currentPaymentDueCents: null, isLatest: true, contract: { title: 'Secret sub' } });
    expect(invoices.every((i) => i.billingPeriod.id === b.periodIds[0])).toBe(true);
  });

  it('the billing periods list counts the invoices of each period (the Invoices tab opens on one that has some)', async () => {
    const { billingPeriods } = await ok(200, b.token, 'GET', `/api/v1/projects/${b.projectId}/billing-periods`);
    // period 1: owner 1, drywall 1, secret 1; period 2: drywall 2; the others none
    expect(billingPeriods.map((p: { invoiceCount: number; canDelete: boolean }) => [p.invoiceCount, p.canDelete])).toEqual([
      [3, false],
      [1, false],
      [0, true],
      [0, true],
    ]);
  });

  it('filters by kind: the Subcontractor list holds commitment invoices only, of every period without a period filter', async () => {
    const subs = await list(b.token, { kind: 'commitment' });
    expect(subs.invoices.map((i) => i.id).sort()).toEqual([ids.public1, ids.public2, ids.private1].sort());
    const owner = await list(b.token, { kind: 'prime', billingPeriodId: b.periodIds[1] });
    expect(owner.invoices).toEqual([]);
  });

  it('leaves out a private contract for a read-only member not on its list, and shows it once they are', async () => {
    const reader = await seedUser({ name: 'Reader' });
    await joinByInvitation(b.token, b.projectId, reader, { primeContracts: 'read_only', commitments: 'read_only' });
    const seen = await list(reader.token, { billingPeriodId: b.periodIds[0] });
    expect(seen.invoices.map((i) => i.id)).toEqual([ids.prime1, ids.public1]);
    expect(JSON.stringify(seen)).not.toContain(ids.private1);
    expect(JSON.stringify(seen)).not.toContain('Secret sub');
    expect(seen.invoices[0]!.myAccess).toEqual({ level: 'read_only', isToolAdmin: false, isInvoiceContact: false });
    // the invoice itself is hidden too (404, not 403), consistent with the list
    expect((await api(reader.token, 'GET', `/api/v1/invoices/${ids.private1}`)).status).toBe(404);
    await ok(200, b.token, 'PATCH', `/api/v1/contracts/${privateSub}`, { privateUserIds: [reader.id] });
    const after = await list(reader.token, { billingPeriodId: b.periodIds[0] });
    expect(after.invoices.map((i) => i.id)).toEqual([ids.prime1, ids.public1, ids.private1]);
  });

  it("shows the owner's invoice contact only their contract's submitted invoices", async () => {
    const owner = await seedUser({ name: 'Owner contact' });
    await joinByInvitation(b.token, b.projectId, owner);
    await ok(200, b.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, { invoiceContactUserIds: [owner.id] });
    const draft2 = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1] });
    const seen = await list(owner.token);
    expect(seen.invoices.map((i) => i.id)).toEqual([ids.prime1]);
    expect(JSON.stringify(seen)).not.toContain(draft2.invoice.id);
    expect(seen.invoices[0]!.isLatest).toBe(true);
  });

  it('answers 404 to a stranger and for a project that does not exist, and 422 for an unknown kind', async () => {
    const stranger = await seedUser({ name: 'Stranger' });
    const r = await api(stranger.token, 'GET', `/api/v1/projects/${b.projectId}/invoices`);
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Project not found' });
    expect((await api(b.token, 'GET', '/api/v1/projects/prj_nope/invoices')).status).toBe(404);
    expect((await api(b.token, 'GET', `/api/v1/projects/${b.projectId}/invoices?kind=owner`)).status).toBe(422);
  });
});

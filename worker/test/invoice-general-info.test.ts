// PATCH /invoices/{id}: the invoice's general information (G702 header), stored per invoice,
// version-checked like line edits, recorded in the history, printed on the PDF.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { buildContractWithInvoice, patchLines } from './builders';
import { api, joinByInvitation, ok, seedCompany, seedUser } from './helpers';
import { readPdf } from './pdf-text';

const get = (token: string, id: string) => ok(200, token, 'GET', `/api/v1/invoices/${id}`);
const patchInfo = (token: string, id: string, version: number, body: object) =>
  api(token, 'PATCH', `/api/v1/invoices/${id}`, body, { 'if-match': String(version) });

describe('invoice general information', () => {
  it('defaults from the contract and project, then edits are stored on the invoice, with history', async () => {
    const owner = await seedCompany('Harbor Point Holdings LLC');
    const b = await buildContractWithInvoice({ contract: { counterpartyCompanyId: owner, architect: 'Ruiz & Partners', contractDate: '2025-12-01' } });
    const id = b.invoice.invoice.id;
    const before = await get(b.token, id);
    // defaults: builders.ts makes project "P" number "1", contract #1 "Prime", period 1 = January 2026
    expect(before.generalInfo).toMatchObject({
      applicationDate: '2026-01-31',
      toName: 'Harbor Point Holdings LLC',
      architect: 'Ruiz & Partners',
      contractDate: '2025-12-01',
      projectName: 'P',
      projectNumber: '1',
      contractFor: '#1 Prime',
      overridden: [],
    });

    const r = await patchInfo(b.token, id, 1, {
      applicationDate: '2026-02-03',
      toName: 'Harbor Point Holdings LLC (c/o Maria Lopez)',
      architect: '  Lopez Engineering  ',
      projectNumber: '2026-014',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    expect(r.body.invoice.version).toBe(2);
    expect(r.body.generalInfo).toMatchObject({
      applicationDate: '2026-02-03',
      toName: 'Harbor Point Holdings LLC (c/o Maria Lopez)',
      architect: 'Lopez Engineering', // trimmed
      contractDate: '2025-12-01', // not sent: still the contract's
      projectNumber: '2026-014',
      contractFor: '#1 Prime',
      overridden: ['applicationDate', 'toName', 'architect', 'projectNumber'],
    });

    // null puts the default back; an unchanged value writes no history row
    const back = await patchInfo(b.token, id, 2, { architect: null, projectNumber: '2026-014' });
    expect(back.status).toBe(200);
    expect(back.body.generalInfo.architect).toBe('Ruiz & Partners');
    expect(back.body.generalInfo.overridden).toEqual(['applicationDate', 'toName', 'projectNumber']);

    const history = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/history`);
    expect(history.revisions.map((x: any) => [x.version, x.kind])).toEqual([
      [1, 'create'],
      [2, 'general_info'],
      [3, 'general_info'],
    ]);
    expect(history.infoChanges.map((c: any) => [c.version, c.field, c.oldValue, c.newValue])).toEqual([
      [2, 'applicationDate', null, '2026-02-03'],
      [2, 'toName', null, 'Harbor Point Holdings LLC (c/o Maria Lopez)'],
      [2, 'architect', null, 'Lopez Engineering'],
      [2, 'projectNumber', null, '2026-014'],
      [3, 'architect', 'Lopez Engineering', null],
    ]);
    expect(history.infoChanges[0].userName).toBe('Ana Ruiz');
  });

  it('is version-checked like line edits: a stale If-Match gets 409 and writes nothing; none gets 428', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    await patchLines(b.token, id, 1, [{ itemNo: '0001', workCompletedThisPeriod: 10 }]); // now version 2
    const stale = await patchInfo(b.token, id, 1, { projectNumber: 'X-1' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', meta: { currentVersion: 2 } });
    const missing = await api(b.token, 'PATCH', `/api/v1/invoices/${id}`, { projectNumber: 'X-1' });
    expect(missing.status).toBe(428);
    const after = await get(b.token, id);
    expect(after.generalInfo.projectNumber).toBe('1');
    expect(after.invoice.version).toBe(2);
    // and a line edit after a general-information edit needs the new version too
    await ok(200, b.token, 'PATCH', `/api/v1/invoices/${id}`, { projectNumber: 'X-1' }, { 'if-match': '2' });
    const lineStale = await api(
      b.token,
      'PATCH',
      `/api/v1/invoices/${id}/lines`,
      { edits: [{ itemNo: '0001', workCompletedThisPeriod: 20 }] },
      { 'if-match': '2' },
    );
    expect(lineStale.status).toBe(409);
  });

  it('refused with the reason once the invoice is not editable', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'under_review' });
    const r = await patchInfo(b.token, id, 2, { projectNumber: 'X-1' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVOICE_NOT_EDITABLE');
    expect(r.body.error.message).toBe('Invoice #1 is under review and locked; an admin can return it with Revise & resubmit');
    // returned for revision: editable again
    await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'revise_and_resubmit' });
    const current = (await get(b.token, id)).invoice.version;
    expect((await patchInfo(b.token, id, current, { projectNumber: 'X-1' })).status).toBe(200);
  });

  it('403 for a project member without admin on Prime Contracts; 404 for a stranger', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    const member = await seedUser({ name: 'Standard member' });
    await joinByInvitation(b.token, b.projectId, member, { primeContracts: 'standard' });
    const refused = await patchInfo(member.token, id, 1, { projectNumber: 'X-1' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Read-only access: editing invoices needs admin on Prime Contracts');
    const stranger = await seedUser({ name: 'Stranger' });
    const hidden = await patchInfo(stranger.token, id, 1, { projectNumber: 'X-1' });
    expect(hidden.status).toBe(404);
    expect((await get(b.token, id)).generalInfo.projectNumber).toBe('1');
  });

  it('bad input names the field: an impossible date, an unknown field, an empty body', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    const badDate = await patchInfo(b.token, id, 1, { applicationDate: '2026-02-30' });
    expect(badDate.status).toBe(422);
    expect(JSON.stringify(badDate.body.error.details)).toContain('applicationDate');
    expect(JSON.stringify(badDate.body.error.details)).toContain('not a real calendar date');
    const unknown = await patchInfo(b.token, id, 1, { number: 7 });
    expect(unknown.status).toBe(422);
    const empty = await patchInfo(b.token, id, 1, {});
    expect(empty.status).toBe(422);
    expect((await get(b.token, id)).invoice.version).toBe(1);
  });

  it('"% complete" on a unit line sets the quantity: cumulative qty = round(scheduled qty × pct)', async () => {
    const b = { token: (await seedUser({ name: 'Unit admin' })).token };
    const project = await ok(201, b.token, 'POST', '/api/v1/projects', { name: 'U', number: 'U-1' });
    const c = await ok(201, b.token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'prime',
      accountingMethod: 'unit',
      title: 'Steel',
      workRetainageBps: 1000,
    });
    await ok(200, b.token, 'PUT', `/api/v1/contracts/${c.id}/sov`, {
      lines: [{ itemNo: '1', description: 'Steel', scheduledQty: 33_3333, unitOfMeasure: 'TON', unitPrice: 1_850_0000 }],
    });
    await ok(200, b.token, 'POST', `/api/v1/contracts/${c.id}/approve`);
    const periods = await ok(201, b.token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'monthly', start: '2026-01-01', count: 1 });
    const inv = await ok(201, b.token, 'POST', `/api/v1/contracts/${c.id}/invoices`, { billingPeriodId: periods.billingPeriods[0].id });
    // 33.3333 TON × 50% = 16.66665 → 16.6667 TON (half away from zero, to a ten-thousandth);
    // E = 16.6667 × $1,850.00 = $30,833.395 → $30,833.40
    const out = await patchLines(b.token, inv.invoice.id, 1, [{ itemNo: '1', percentComplete: '50%' }]);
    expect(out.lines[0]).toMatchObject({ workQtyThisPeriod: 16_6667, workQtyToDate: 16_6667, workCompletedThisPeriodCents: 3_083_340 });
  });
});

describe('the PDF prints the invoice general information and the 5a/5b rates', () => {
  it('edited fields on the G702 page; rates = 5a ÷ (D + E) and 5b ÷ F', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    // builders.ts contract: 10% work, 5% stored retainage. Line 1: E 1,000.00, F 400.00.
    await patchLines(b.token, id, 1, [{ itemNo: '0001', workCompletedThisPeriod: 1000, materialsPresentlyStored: 400 }]);
    await ok(
      200,
      b.token,
      'PATCH',
      `/api/v1/invoices/${id}`,
      { projectNumber: '2026-014', toName: 'Harbor Point Holdings LLC', contractFor: 'Tower B shell' },
      { 'if-match': '2' },
    );
    const res = await SELF.fetch(`https://example.com/api/v1/invoices/${id}/pdf`, { headers: { authorization: `Bearer ${b.token}` } });
    expect(res.status).toBe(200);
    const g702 = (await readPdf(new Uint8Array(await res.arrayBuffer()))).pages[0]!;
    for (const text of ['2026-014', 'Harbor Point Holdings LLC', 'Tower B shell', 'APPLICATION DATE:']) expect(g702.text).toContain(text);
    // 5a = 10% × 1,000.00 = 100.00 over D + E = 1,000.00 → 10.00 %; 5b = 5% × 400.00 = 20.00 over F 400.00 → 5.00 %
    expect(g702.text).toContain('10.00% of completed work');
    expect(g702.text).toContain('5.00% of stored material');
  });
});

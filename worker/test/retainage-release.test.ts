import { createExecutionContext, env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';
import { buildContractWithInvoice, patchLines, type Built } from './builders';
import { api, joinByInvitation, ok, seedUser } from './helpers';
import { readPdf } from './pdf-text';
import { emailLabels } from '@shared/i18n/email-labels';
import { formatMoney } from '@shared/money';
import { renderInvoiceHtml, renderInvoiceText } from '../src/email/render-invoice';

// Retainage-only (release) invoices: POST /contracts/:id/invoices { kind: 'retainage_release' } and
// POST /invoices/:id/release-retainage. The figures are worked out by hand below from the
// builder's contract: 10% work / 5% stored retainage, C = 1,000,000 / 1,000,001 / 1,000,002 cents.
//
// Invoice 1 (progress):  0001 E 123,455  F 10,001 → work ret round(12,345.5) = 12,346, stored round(500.05) = 500
//                        0002 E 500,001            → work ret round(50,000.1) = 50,000
//                        0003 nothing
//   line 4 = 123,455 + 10,001 + 500,001 = 633,457; line 5 = 12,346 + 500 + 50,000 = 62,846;
//   line 6 = 570,611 = line 8 (first invoice).
// Invoice 2 (release): E = 0, F stays 10,001, so line 4 stays 633,457 and line 8 is the release.

const HELD = { '0001': 12_346 + 500, '0002': 50_000, '0003': 0 };
const INV1_LINE6 = 633_457 - 62_846;

// line edits take cell values (dollars, as typed in the sheet); releases take cents
const get = (token: string, id: string) => ok(200, token, 'GET', `/api/v1/invoices/${id}`);
const release = (token: string, id: string, version: number, body: unknown) =>
  api(token, 'POST', `/api/v1/invoices/${id}/release-retainage`, body, { 'if-match': String(version) });

/** Invoice 1 billed as above and submitted; returns the builder's contract. */
async function withBilledInvoice1(): Promise<Built> {
  const b = await buildContractWithInvoice();
  const id = b.invoice.invoice.id;
  await patchLines(b.token, id, 1, [
    { itemNo: '0001', workCompletedThisPeriod: '1234.55', materialsPresentlyStored: '100.01' },
    { itemNo: '0002', workCompletedThisPeriod: '5000.01' },
  ]);
  const submitted = await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'under_review' });
  expect(submitted.invoice.line6FrozenCents).toBe(INV1_LINE6);
  return b;
}

const createRelease = (b: Built, periodIndex = 1) =>
  ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[periodIndex], kind: 'retainage_release' });

describe('retainage release invoices', () => {
  it('is created in its own period with nothing billed: line 8 is 0 until a release is entered; views show the kind', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    expect(inv.invoice).toMatchObject({ number: 2, kind: 'retainage_release', status: 'draft' });
    expect(inv.lines.map((l: any) => [l.itemNo, l.workCompletedThisPeriodCents, l.materialsPresentlyStoredCents, l.retainageCents])).toEqual([
      ['0001', 0, 10_001, HELD['0001']],
      ['0002', 0, 0, HELD['0002']],
      ['0003', 0, 0, 0],
    ]);
    expect(inv.g702).toMatchObject({
      line4TotalCompletedAndStoredCents: 633_457,
      line5TotalRetainageCents: 62_846,
      line7PreviousCertificatesCents: INV1_LINE6,
      line8CurrentPaymentDueCents: 0,
    });
    const list = await ok(200, b.token, 'GET', `/api/v1/contracts/${b.contractId}/invoices`);
    expect(list.invoices.map((i: any) => [i.number, i.kind])).toEqual([
      [1, 'progress'],
      [2, 'retainage_release'],
    ]);
    const project = await ok(200, b.token, 'GET', `/api/v1/projects/${b.projectId}/invoices`);
    expect(project.invoices.map((i: any) => [i.number, i.kind])).toEqual([
      [1, 'progress'],
      [2, 'retainage_release'],
    ]);
  });

  it('may not share a period, needs retainage held, and needs invoice 1 out of draft', async () => {
    const b = await buildContractWithInvoice();
    const noneHeld = await api(b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1], kind: 'retainage_release' });
    expect(noneHeld.status).toBe(409); // invoice 1 is still a draft: the ordinary rule comes first
    await ok(200, b.token, 'POST', `/api/v1/invoices/${b.invoice.invoice.id}/status`, { status: 'under_review' });
    const nothing = await api(b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1], kind: 'retainage_release' });
    expect(nothing.status).toBe(422);
    expect(nothing.body.error.details[0]).toMatchObject({ field: 'kind', code: 'NOTHING_HELD' });
    expect(nothing.body.error.message).toContain('nothing to release');

    const first = await buildContractWithInvoice();
    // a contract with no invoice at all
    const other = await ok(201, first.token, 'POST', `/api/v1/projects/${first.projectId}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: 'Empty',
      workRetainageBps: 1000,
    });
    await ok(200, first.token, 'PUT', `/api/v1/contracts/${other.id}/sov`, { lines: [{ itemNo: '1', description: 'W', scheduledValueCents: 100 }] });
    await ok(200, first.token, 'POST', `/api/v1/contracts/${other.id}/approve`);
    const none = await api(first.token, 'POST', `/api/v1/contracts/${other.id}/invoices`, { billingPeriodId: first.periodIds[0], kind: 'retainage_release' });
    expect(none.status).toBe(422);
    expect(none.body.error.details[0].message).toContain('has no invoice yet');

    const billed = await withBilledInvoice1();
    const samePeriod = await api(billed.token, 'POST', `/api/v1/contracts/${billed.contractId}/invoices`, {
      billingPeriodId: billed.periodIds[0],
      kind: 'retainage_release',
    });
    expect(samePeriod.status).toBe(409);
    expect(samePeriod.body.error.message).toContain('already bills the period');
  });

  it('refuses work, stored materials, % complete and rate edits, naming line and column; nothing is written', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    const id = inv.invoice.id;
    const r = await api(
      b.token,
      'PATCH',
      `/api/v1/invoices/${id}/lines`,
      {
        edits: [
          { itemNo: '0001', workCompletedThisPeriod: 1, retainageReleased: 1 },
          { itemNo: '0002', materialsPresentlyStored: 5 },
          { itemNo: '0003', percentComplete: '10%' },
          { itemNo: '0003', workRetainageBpsOverride: 0 },
        ],
      },
      { 'if-match': '1' },
    );
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: any) => [d.itemNo, d.field, d.code])).toEqual([
      ['0001', 'workCompletedThisPeriod', 'RELEASE_INVOICE_LOCKED'],
      ['0002', 'materialsPresentlyStored', 'RELEASE_INVOICE_LOCKED'],
      ['0003', 'percentComplete', 'RELEASE_INVOICE_LOCKED'],
      ['0003', 'workRetainageBpsOverride', 'RELEASE_INVOICE_LOCKED'],
    ]);
    expect(r.body.error.details[0].message).toBe('Line 0001: a retainage release invoice bills no work (column E)');
    expect(r.body.error.details[1].message).toContain('Line 0002: a retainage release invoice bills no stored materials (column F');
    const after = await get(b.token, id);
    expect(after.invoice.version).toBe(1);
    expect(after.g702.line8CurrentPaymentDueCents).toBe(0);

    // the locked values themselves (E 0, F as carried) are not an error; the release column is editable
    const okEdit = await patchLines(b.token, id, 1, [
      { itemNo: '0001', workCompletedThisPeriod: 0, materialsPresentlyStored: '100.01', retainageReleased: 10 },
    ]);
    expect(okEdit.g702.line8CurrentPaymentDueCents).toBe(1_000);
  });

  it('releases per line: line 8 equals the releases and nothing else; above what is held is refused', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    const id = inv.invoice.id;
    const [l1, l2, l3] = b.lineIds;
    const over = await release(b.token, id, 1, {
      lines: [
        { sovLineId: l1, amountCents: HELD['0001'] + 1 },
        { sovLineId: l2, amountCents: 10 },
      ],
    });
    expect(over.status).toBe(422);
    expect(over.body.error.details).toHaveLength(1);
    expect(over.body.error.details[0]).toMatchObject({ itemNo: '0001', code: 'RELEASE_EXCEEDS_HELD' });
    expect(over.body.error.details[0].message).toContain('at most 128.46 can be released');
    expect((await get(b.token, id)).invoice.version).toBe(1);

    const unknown = await release(b.token, id, 1, { lines: [{ sovLineId: 'sov_nope', amountCents: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ code: 'LINE_NOT_FOUND' });
    const negative = await release(b.token, id, 1, { lines: [{ sovLineId: l3, amountCents: -1 }] });
    expect(negative.status).toBe(422);

    const out = await release(b.token, id, 1, {
      lines: [
        { sovLineId: l1, amountCents: 5_000 },
        { sovLineId: l2, amountCents: 50_000 },
      ],
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('etag')).toBe('"2"');
    expect(out.body).toMatchObject({ version: 2, changedLineCount: 2 });
    // I: 0001 12,846 − 5,000 = 7,846; 0002 0. Line 5 = 7,846; line 6 = 633,457 − 7,846 = 625,611
    expect(out.body.g702).toMatchObject({
      line4TotalCompletedAndStoredCents: 633_457,
      line5aWorkRetainageCents: 12_346 - 5_000, // the release comes off work retainage first
      line5bStoredRetainageCents: 500,
      line5TotalRetainageCents: 7_846,
      line6TotalEarnedLessRetainageCents: 625_611,
      line7PreviousCertificatesCents: INV1_LINE6,
      line8CurrentPaymentDueCents: 55_000,
    });
    const history = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/history`);
    expect(history.revisions.map((r: any) => r.kind)).toEqual(['create', 'release_retainage']);
    expect(history.changes.map((c: any) => [c.itemNo, c.field, c.oldValue, c.newValue])).toEqual([
      ['0001', 'retainageReleasedCents', 0, 5_000],
      ['0002', 'retainageReleasedCents', 0, 50_000],
    ]);
  });

  it('releases all at once, version-checked; the next progress invoice takes it into line 7', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    const id = inv.invoice.id;
    await release(b.token, id, 1, { lines: [{ sovLineId: b.lineIds[0], amountCents: 5_000 }] });
    const stale = await release(b.token, id, 1, { all: true });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', meta: { currentVersion: 2 } });
    const missing = await api(b.token, 'POST', `/api/v1/invoices/${id}/release-retainage`, { all: true });
    expect(missing.status).toBe(428);

    const all = await release(b.token, id, 2, { all: true });
    expect(all.status).toBe(200);
    // everything held to date on every line, replacing the 5,000 entered before
    expect(all.body.g702).toMatchObject({
      line5TotalRetainageCents: 0,
      line6TotalEarnedLessRetainageCents: 633_457,
      line8CurrentPaymentDueCents: 62_846,
    });
    const view = await get(b.token, id);
    expect(view.lines.map((l: any) => [l.itemNo, l.retainageReleasedThisPeriodCents, l.retainageCents])).toEqual([
      ['0001', HELD['0001'], 0],
      ['0002', HELD['0002'], 0],
      ['0003', 0, 0],
    ]);
    const again = await release(b.token, id, 3, { all: true });
    expect(again.status).toBe(200);
    expect(again.body.changedLineCount).toBe(0); // nothing left to release: the same figures, no new version
    expect(again.body.version).toBe(3);

    const submitted = await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'under_review' });
    expect(submitted.invoice.line6FrozenCents).toBe(633_457);
    // Invoice 3 (progress): 0003 E 200,000 → work ret 20,000. Released to date stays with 0001/0002,
    // so line 4 = 833,457, line 5 = 20,000, line 6 = 813,457, line 7 = invoice 2's line 6 = 633,457,
    // line 8 = 180,000 (the new work less its retainage, nothing of the release billed twice).
    const inv3 = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[2] });
    expect(inv3.invoice.kind).toBe('progress');
    const edited = await patchLines(b.token, inv3.invoice.id, 1, [{ itemNo: '0003', workCompletedThisPeriod: 2000 }]);
    expect(edited.g702).toMatchObject({
      line4TotalCompletedAndStoredCents: 833_457,
      line5TotalRetainageCents: 20_000,
      line6TotalEarnedLessRetainageCents: 813_457,
      line7PreviousCertificatesCents: 633_457,
      line8CurrentPaymentDueCents: 180_000,
    });
    const inv3View = await get(b.token, inv3.invoice.id);
    expect(inv3View.lines.map((l: any) => [l.itemNo, l.retainageReleasedToDateCents, l.retainageCents])).toEqual([
      ['0001', HELD['0001'], 0],
      ['0002', HELD['0002'], 0],
      ['0003', 0, 20_000],
    ]);
    // line 8 over the three invoices adds up to what is earned less what is still held
    expect(INV1_LINE6 + 62_846 + 180_000).toBe(833_457 - 20_000);
  });

  it('a release invoice is locked once submitted and a read-only member gets 403; someone who may not see it gets 404', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    const id = inv.invoice.id;
    const reader = await seedUser({ name: 'Reader', companyId: (await ok(200, b.token, 'GET', '/api/v1/me')).user.companyId });
    await ok(201, b.token, 'POST', `/api/v1/projects/${b.projectId}/members`, { userId: reader.id, primeContracts: 'read_only', commitments: 'read_only' });
    const outsider = await seedUser();
    expect((await release(reader.token, id, 1, { all: true })).status).toBe(403);
    expect((await release(outsider.token, id, 1, { all: true })).status).toBe(404);
    const create = (token: string) =>
      api(token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[2], kind: 'retainage_release' });
    expect((await create(reader.token)).status).toBe(403);
    expect((await create(outsider.token)).status).toBe(404);
    expect((await get(reader.token, id)).invoice.kind).toBe('retainage_release');
    await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/status`, { status: 'under_review' });
    const locked = await release(b.token, id, 1, { all: true });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('INVOICE_NOT_EDITABLE');
  });

  it('the PDF titles it as a retainage release; a progress invoice keeps the form title', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    await release(b.token, inv.invoice.id, 1, { all: true });
    const res = await SELF.fetch(`http://localhost/api/v1/invoices/${inv.invoice.id}/pdf`, { headers: { authorization: `Bearer ${b.token}` } });
    expect(res.status).toBe(200);
    const { pages } = await readPdf(await res.arrayBuffer());
    expect(pages[0]!.text).toContain('APPLICATION AND CERTIFICATE FOR PAYMENT — RETAINAGE RELEASE');
    expect(pages[0]!.text).toContain('628.46'); // line 8 = 62,846 cents
    const progress = await SELF.fetch(`http://localhost/api/v1/invoices/${b.invoice.invoice.id}/pdf`, { headers: { authorization: `Bearer ${b.token}` } });
    const p1 = await readPdf(await progress.arrayBuffer());
    expect(p1.pages[0]!.text).not.toContain('RETAINAGE RELEASE');
  });

  it('the invoice email titles its G702 summary as a retainage release (es), line 8 = the release', async () => {
    const b = await withBilledInvoice1();
    const inv = await createRelease(b);
    await release(b.token, inv.invoice.id, 1, { all: true });
    const view = await get(b.token, inv.invoice.id);
    const input = { view, projectName: 'P', senderName: 'Ana', message: '', labels: emailLabels('es'), pdfUrl: 'https://x.example/pdf', attachmentNames: [] };
    const text = renderInvoiceText(input);
    expect(text).toContain('LIBERACIÓN DE RETENCIÓN (RESUMEN G702)');
    expect(text).toContain(`${emailLabels('es').g702.line8}: ${formatMoney(62_846, 'es')}`);
    expect(renderInvoiceHtml(input)).toContain('Liberación de retención (resumen G702)');
    const progress = renderInvoiceText({ ...input, view: await get(b.token, b.invoice.invoice.id) });
    expect(progress).not.toContain('LIBERACIÓN');
  });

  it('a unit-based subcontract: the invoice contact creates one, quantities are refused, release all = the retainage held', async () => {
    const admin = await seedUser({ name: 'Admin' });
    const sub = await seedUser({ name: 'Luc Bernard' });
    const project = await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'P' });
    await joinByInvitation(admin.token, project.id, sub);
    const c = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'commitment',
      accountingMethod: 'unit',
      title: 'Steel',
      workRetainageBps: 1000,
      invoiceContactUserIds: [sub.id],
    });
    await ok(200, admin.token, 'PUT', `/api/v1/contracts/${c.id}/sov`, {
      lines: [{ itemNo: '1', description: 'Steel', scheduledQty: 100_0000, unitOfMeasure: 'TON', unitPrice: 1_850_0000 }],
    });
    await ok(200, admin.token, 'POST', `/api/v1/contracts/${c.id}/approve`);
    const period = (start: string, end: string) =>
      ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'manual', start, end, due: end });
    const p1 = (await period('2026-01-01', '2026-01-31')).billingPeriods[0].id;
    const p2 = (await period('2026-02-01', '2026-02-28')).billingPeriods[0].id;
    const inv1 = await ok(201, sub.token, 'POST', `/api/v1/contracts/${c.id}/invoices`, { billingPeriodId: p1 });
    // 12.5 TON × $1,850.00 = $23,125.00; 10% retainage = $2,312.50
    await patchLines(sub.token, inv1.invoice.id, 1, [{ itemNo: '1', workQtyThisPeriod: 12.5 }]);
    await ok(200, sub.token, 'POST', `/api/v1/invoices/${inv1.invoice.id}/status`, { status: 'under_review' });
    const rel = await ok(201, sub.token, 'POST', `/api/v1/contracts/${c.id}/invoices`, { billingPeriodId: p2, kind: 'retainage_release' });
    const refused = await api(
      sub.token,
      'PATCH',
      `/api/v1/invoices/${rel.invoice.id}/lines`,
      { edits: [{ itemNo: '1', workQtyThisPeriod: 1, storedQty: 1 }] },
      { 'if-match': '1' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['workQtyThisPeriod', 'RELEASE_INVOICE_LOCKED'],
      ['storedQty', 'RELEASE_INVOICE_LOCKED'],
    ]);
    const all = await release(sub.token, rel.invoice.id, 1, { all: true });
    expect(all.status).toBe(200);
    expect(all.body.g702).toMatchObject({ line4TotalCompletedAndStoredCents: 2_312_500, line5TotalRetainageCents: 0, line8CurrentPaymentDueCents: 231_250 });
  });

  it('release all takes the same number of D1 statements for 3 lines and for 120', async () => {
    const countFor = async (lineCount: number) => {
      const b = await buildContractWithInvoice({ lineCount });
      await patchLines(
        b.token,
        b.invoice.invoice.id,
        1,
        b.lineIds.map((lineId, i) => ({ lineId, workCompletedThisPeriod: 1_000 + i })), // dollars, under C ($10,000)
      );
      await ok(200, b.token, 'POST', `/api/v1/invoices/${b.invoice.invoice.id}/status`, { status: 'under_review' });
      const inv = await createRelease(b);
      const res = await app.fetch(
        new Request(`http://localhost/api/v1/invoices/${inv.invoice.id}/release-retainage`, {
          method: 'POST',
          headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json', 'if-match': '1' },
          body: JSON.stringify({ all: true }),
        }),
        { ...env, DEV_MODE: '1' },
        createExecutionContext(),
      );
      const json = (await res.json()) as { changedLineCount: number };
      expect(res.status).toBe(200);
      expect(json.changedLineCount).toBe(lineCount);
      return { statements: Number(res.headers.get('x-d1-statements')), roundTrips: Number(res.headers.get('x-d1-round-trips')) };
    };
    const small = await countFor(3);
    const large = await countFor(120);
    expect(small.statements).toBeGreaterThan(0);
    expect(large).toEqual(small);
  });
});

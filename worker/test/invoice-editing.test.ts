import { describe, expect, it } from 'vitest';
import { buildContractWithInvoice, patchLines } from './builders';
import { api, ok, seedUser, joinByInvitation } from './helpers';

const get = (token: string, id: string) => ok(200, token, 'GET', `/api/v1/invoices/${id}`);

describe('bulk line edits', () => {
  it('one bad cell among many rejects the whole request, lists every bad cell, writes nothing', async () => {
    const b = await buildContractWithInvoice({ lineCount: 200 });
    const edits = b.lineIds.map((lineId, i) => ({ lineId, workCompletedThisPeriod: i === 17 ? '12,34x' : i === 99 ? '-' : i === 150 ? 1.234 : 100 + i }));
    const r = await api(b.token, 'PATCH', `/api/v1/invoices/${b.invoice.invoice.id}/lines`, { edits }, { 'if-match': '1' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.map((d: any) => [d.lineId, d.field, d.code])).toEqual([
      [b.lineIds[17], 'workCompletedThisPeriod', 'NOT_A_NUMBER'],
      [b.lineIds[99], 'workCompletedThisPeriod', 'NOT_A_NUMBER'],
      [b.lineIds[150], 'workCompletedThisPeriod', 'TOO_MANY_DECIMALS'],
    ]);
    expect(r.body.error.details[0].message).toContain("'12,34x' is not an amount");
    const after = await get(b.token, b.invoice.invoice.id);
    expect(after.invoice.version).toBe(1);
    expect(after.totals.workCompletedThisPeriodCents).toBe(0);
    const history = await ok(200, b.token, 'GET', `/api/v1/invoices/${b.invoice.invoice.id}/history`);
    expect(history.changes).toHaveLength(0);
  });

  it('saves valid edits, returns changed lines and bumps the version; history records old → new', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    const out = await patchLines(b.token, id, 1, [
      { itemNo: '0001', workCompletedThisPeriod: '$1,234.56', materialsPresentlyStored: 500 },
      { lineId: b.lineIds[1], percentComplete: '25%' },
    ]);
    expect(out.version).toBe(2);
    expect(out.changedLineCount).toBe(2);
    expect(out.lines[0]).toMatchObject({ workCompletedThisPeriodCents: 123456, materialsPresentlyStoredCents: 50000, retainageCents: 12346 + 2500 });
    // % complete: cumulative = round(C × 25%) = round(1,000,001 × 0.25) = 250,000.25 → 250000; E = 250000 − D(0)
    expect(out.lines[1].workCompletedThisPeriodCents).toBe(250000);
    const history = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/history`);
    expect(history.changes.map((c: any) => [c.itemNo, c.field, c.oldValue, c.newValue, c.version])).toEqual([
      ['0001', 'workCompletedThisPeriodCents', 0, 123456, 2],
      ['0001', 'materialsPresentlyStoredCents', 0, 50000, 2],
      ['0002', 'workCompletedThisPeriodCents', 0, 250000, 2],
    ]);
    expect(history.revisions.map((r: any) => r.kind)).toEqual(['create', 'edit_lines']);
  });

  it('an edit moves updated_at and leaves created_at alone', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    const before = (await get(b.token, id)).invoice;
    // timestamps have millisecond resolution: let the clock pass one before editing
    await new Promise((resolve) => setTimeout(resolve, 5));
    await patchLines(b.token, id, 1, [{ itemNo: '0001', workCompletedThisPeriod: 10 }]);
    const after = (await get(b.token, id)).invoice;
    expect(after.version).toBe(2);
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.updatedAt > after.createdAt).toBe(true);
  });

  it('a stale If-Match gets 409 with the current version and writes nothing; a missing one gets 428', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    await patchLines(b.token, id, 1, [{ itemNo: '0001', workCompletedThisPeriod: 10 }]);
    const stale = await api(
      b.token,
      'PATCH',
      `/api/v1/invoices/${id}/lines`,
      { edits: [{ itemNo: '0002', workCompletedThisPeriod: 20 }] },
      { 'if-match': '1' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', meta: { currentVersion: 2 } });
    const missing = await api(b.token, 'PATCH', `/api/v1/invoices/${id}/lines`, { edits: [{ itemNo: '0002', workCompletedThisPeriod: 20 }] });
    expect(missing.status).toBe(428);
    const after = await get(b.token, id);
    expect(after.lines[1].workCompletedThisPeriodCents).toBe(0);
    expect(after.invoice.version).toBe(2);
  });

  it('two concurrent writers with the same version: exactly one wins, the other gets 409', async () => {
    const b = await buildContractWithInvoice({ lineCount: 50 });
    const id = b.invoice.invoice.id;
    const send = (v: number) =>
      api(
        b.token,
        'PATCH',
        `/api/v1/invoices/${id}/lines`,
        { edits: b.lineIds.map((lineId) => ({ lineId, workCompletedThisPeriod: v })) },
        { 'if-match': '1' },
      );
    const results = await Promise.all([send(1), send(2), send(3)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.lines[0].workCompletedThisPeriodCents;
    const after = await get(b.token, id);
    expect(after.invoice.version).toBe(2);
    expect(new Set(after.lines.map((l: any) => l.workCompletedThisPeriodCents))).toEqual(new Set([winner]));
  });

  it('refuses overbilling unless the contract allows it', async () => {
    const b = await buildContractWithInvoice();
    const r = await api(
      b.token,
      'PATCH',
      `/api/v1/invoices/${b.invoice.invoice.id}/lines`,
      { edits: [{ itemNo: '0001', workCompletedThisPeriod: 10_000.02 }] },
      { 'if-match': '1' },
    );
    expect(r.status).toBe(422);
    expect(r.body.error.details[0]).toMatchObject({ itemNo: '0001', code: 'OVERBILLED' });
    await ok(200, b.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, { allowOverbilling: true });
    const out = await patchLines(b.token, b.invoice.invoice.id, 1, [{ itemNo: '0001', workCompletedThisPeriod: 10_000.02 }]);
    expect(out.warnings[0]).toMatchObject({ code: 'OVERBILLED', isBlocking: false });
  });

  it('reports unknown lines and malformed requests with field-level details', async () => {
    const b = await buildContractWithInvoice();
    const r = await api(
      b.token,
      'PATCH',
      `/api/v1/invoices/${b.invoice.invoice.id}/lines`,
      { edits: [{ itemNo: '9999', workCompletedThisPeriod: 1 }] },
      { 'if-match': '1' },
    );
    expect(r.body.error.details[0]).toMatchObject({ field: 'itemNo', code: 'LINE_NOT_FOUND' });
    const bad = await api(b.token, 'PATCH', `/api/v1/invoices/${b.invoice.invoice.id}/lines`, { edits: [{ itemNo: '0001', bogus: 1 }] }, { 'if-match': '1' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('edits.0');
    const notJson = await api(b.token, 'PATCH', `/api/v1/invoices/${b.invoice.invoice.id}/lines`, undefined, {
      'if-match': '1',
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
  });
});

describe('invoice lifecycle', () => {
  it('only the latest invoice in draft or revise & resubmit is editable; line 6 freezes on submit', async () => {
    const b = await buildContractWithInvoice();
    const inv1 = b.invoice.invoice.id;
    await patchLines(b.token, inv1, 1, [{ itemNo: '0001', workCompletedThisPeriod: 1000 }]);
    const early = await api(b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1] });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('Invoice #1 is still being edited');
    const submitted = await ok(200, b.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'under_review' });
    expect(submitted.invoice.line6FrozenCents).toBe(90000); // 1,000.00 − 10% retainage
    const locked = await api(
      b.token,
      'PATCH',
      `/api/v1/invoices/${inv1}/lines`,
      { edits: [{ itemNo: '0001', workCompletedThisPeriod: 5 }] },
      { 'if-match': String(submitted.invoice.version) },
    );
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatchObject({
      code: 'INVOICE_NOT_EDITABLE',
      message: 'Invoice #1 is under review and locked; an admin can return it with Revise & resubmit',
    });
    const inv2 = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1] });
    expect(inv2.invoice.number).toBe(2);
    expect(inv2.g702.line7PreviousCertificatesCents).toBe(90000);
    expect(inv2.lines[0].workCompletedPreviousCents).toBe(100000);
    const old = await get(b.token, inv1);
    expect(old.invoice.notEditableReason).toBe('Only the most recent invoice can be edited: Invoice #2 is the editable one');
    const revise = await api(b.token, 'POST', `/api/v1/invoices/${inv1}/status`, { status: 'revise_and_resubmit' });
    expect(revise.status).toBe(409);
    const dup = await api(b.token, 'POST', `/api/v1/contracts/${b.contractId}/invoices`, { billingPeriodId: b.periodIds[1] });
    expect(dup.status).toBe(409);
    const badTransition = await api(b.token, 'POST', `/api/v1/invoices/${inv2.invoice.id}/status`, { status: 'approved' });
    expect(badTransition.body.error.message).toContain('cannot move to approved');
  });

  it('a change order approved after the invoice was created shows as pending until an admin adds it', async () => {
    const b = await buildContractWithInvoice();
    const id = b.invoice.invoice.id;
    const co = await ok(201, b.token, 'POST', `/api/v1/contracts/${b.contractId}/change-orders`, {
      title: 'Extra',
      lines: [
        { itemNo: '0002', amountCents: 250_000 },
        { newLine: { itemNo: 'CO-1', description: 'New scope' }, amountCents: 100_000 },
      ],
    });
    await ok(200, b.token, 'POST', `/api/v1/change-orders/${co.id}/approve`, { approvedOn: '2026-01-15' });
    const before = await get(b.token, id);
    expect(before.invoice.pendingChangeOrderCount).toBe(1);
    expect(before.g702.line2NetChangeByChangeOrdersCents).toBe(0);
    const pending = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}/pending-change-orders`);
    expect(pending.changeOrders.map((c: any) => c.amountCents)).toEqual([350_000]);
    const after = await ok(200, b.token, 'POST', `/api/v1/invoices/${id}/change-orders`, { changeOrderIds: [co.id] });
    expect(after.invoice.pendingChangeOrderCount).toBe(0);
    expect(after.g702.line2NetChangeByChangeOrdersCents).toBe(350_000);
    expect(after.g702.line3ContractSumToDateCents).toBe(after.totals.scheduledValueCents);
    expect(after.lines.find((l: any) => l.itemNo === 'CO-1')).toMatchObject({ scheduledValueCents: 100_000, workCompletedPreviousCents: 0 });
    expect(after.changeOrderSummary).toMatchObject({ thisPeriodAdditionsCents: 350_000, netChangesCents: 350_000 });
    expect(after.invoice.version).toBe(2);
  });
});

describe('subcontractor invoices (commitments)', () => {
  it('the invoice contact creates, edits and submits; only an admin approves', async () => {
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
    const periods = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, {
      schedule: 'manual',
      start: '2026-01-01',
      end: '2026-01-31',
      due: '2026-02-10',
    });
    const inv = await ok(201, sub.token, 'POST', `/api/v1/contracts/${c.id}/invoices`, { billingPeriodId: periods.billingPeriods[0].id });
    // 12.5 TON × $1,850.00 = $23,125.00
    const out = await patchLines(sub.token, inv.invoice.id, 1, [{ itemNo: '1', workQtyThisPeriod: 12.5 }]);
    expect(out.lines[0]).toMatchObject({ workCompletedThisPeriodCents: 2_312_500, workQtyToDate: 12_5000 });
    const refused = await api(sub.token, 'POST', `/api/v1/invoices/${inv.invoice.id}/status`, { status: 'approved' });
    expect(refused.status).toBe(403); // reviewing is for admins, whatever the status
    await ok(200, sub.token, 'POST', `/api/v1/invoices/${inv.invoice.id}/status`, { status: 'under_review' });
    const notAllowed = await api(sub.token, 'POST', `/api/v1/invoices/${inv.invoice.id}/status`, { status: 'approved_as_noted' });
    expect(notAllowed.status).toBe(403);
    const approved = await ok(200, admin.token, 'POST', `/api/v1/invoices/${inv.invoice.id}/status`, { status: 'approved_as_noted' });
    expect(approved.invoice.status).toBe('approved_as_noted');
  });
});

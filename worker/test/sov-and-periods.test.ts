import { describe, expect, it } from 'vitest';
import { buildContractWithInvoice } from './builders';
import { api, ok, seedUser } from './helpers';

describe('schedule of values', () => {
  it('reports every problem of a replaced SOV by line and field, and saves nothing', async () => {
    const { token } = await seedUser();
    const project = await ok(201, token, 'POST', '/api/v1/projects', { name: 'P' });
    const unit = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/contracts`, { kind: 'prime', accountingMethod: 'unit', title: 'U' });
    const r = await api(token, 'PUT', `/api/v1/contracts/${unit.id}/sov`, {
      lines: [
        { itemNo: '1', description: 'OK', scheduledQty: 10_0000, unitOfMeasure: 'CY', unitPrice: 125_5000 },
        { itemNo: '2', description: 'No price', scheduledQty: 5_0000, unitOfMeasure: 'CY' },
        { itemNo: '1', description: 'Dup', scheduledValueCents: 100, hasSubtotalOverride: true },
        { itemNo: '4', description: 'Amount on unit line', scheduledQty: 1_0000, unitOfMeasure: 'EA', unitPrice: 1_0000, scheduledValueCents: 5 },
      ],
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: any) => `${d.field}:${d.code}`)).toEqual([
      'lines.1.unitPrice:REQUIRED',
      'lines.2.itemNo:DUPLICATE_ITEM_NO',
      'lines.3.scheduledValueCents:AMOUNT_NOT_ALLOWED',
    ]);
    expect((await ok(200, token, 'GET', `/api/v1/contracts/${unit.id}/sov`)).lines).toHaveLength(0);
    const good = await ok(200, token, 'PUT', `/api/v1/contracts/${unit.id}/sov`, {
      lines: [{ itemNo: '1', description: 'Concrete', scheduledQty: 10_0000, unitOfMeasure: 'CY', unitPrice: 125_5555 }],
    });
    // C = round(10 CY × $125.5555) = $1,255.555 → $1,255.56 (half away from zero)
    expect(good.lines[0].scheduledValueCents).toBe(125556);
  });

  it('cannot be replaced once the contract is approved', async () => {
    const b = await buildContractWithInvoice();
    const r = await api(b.token, 'PUT', `/api/v1/contracts/${b.contractId}/sov`, { lines: [{ itemNo: '1', description: 'X', scheduledValueCents: 1 }] });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('changes only through change orders');
  });

  it('custom groups: create, rename (unique), assign, delete keeps the lines', async () => {
    const b = await buildContractWithInvoice({ lineCount: 120 });
    const base = `/api/v1/contracts/${b.contractId}/groups`;
    const g = await ok(201, b.token, 'POST', base, { name: 'Sitework' });
    const other = await ok(201, b.token, 'POST', base, { name: 'Concrete' });
    expect((await api(b.token, 'PATCH', `${base}/${other.id}`, { name: 'Sitework' })).status).toBe(409);
    await ok(200, b.token, 'PATCH', `${base}/${g.id}`, { name: 'Site work' });
    await ok(200, b.token, 'POST', `${base}/${g.id}/lines`, { lineIds: b.lineIds.slice(0, 100) });
    const bad = await api(b.token, 'POST', `${base}/${g.id}/lines`, { lineIds: [b.lineIds[0], 'sov_nope'] });
    expect(bad.body.error.details).toEqual([{ lineId: 'sov_nope', field: 'lineIds', code: 'LINE_NOT_FOUND', message: 'No line sov_nope on this contract' }]);
    let inv = await ok(200, b.token, 'GET', `/api/v1/invoices/${b.invoice.invoice.id}`);
    expect(inv.lines.filter((l: any) => l.groupName === 'Site work')).toHaveLength(100);
    await ok(200, b.token, 'DELETE', `${base}/${g.id}`);
    inv = await ok(200, b.token, 'GET', `/api/v1/invoices/${b.invoice.invoice.id}`);
    expect(inv.lines).toHaveLength(120);
    expect(inv.lines.every((l: any) => l.groupId === null)).toBe(true);
  });
});

describe('billing periods', () => {
  it('generates monthly periods clamped to month ends, refuses overlaps, keeps periods used by invoices', async () => {
    const b = await buildContractWithInvoice();
    const monthly = await ok(201, b.token, 'POST', `/api/v1/projects/${b.projectId}/billing-periods`, {
      schedule: 'monthly',
      start: '2027-01-31',
      count: 2,
      dueDaysAfterEnd: 10,
    });
    expect(monthly.billingPeriods.map((p: any) => [p.start, p.end, p.due])).toEqual([
      ['2027-01-31', '2027-02-27', '2027-03-09'],
      ['2027-02-28', '2027-03-30', '2027-04-09'],
    ]);
    const overlap = await api(b.token, 'POST', `/api/v1/projects/${b.projectId}/billing-periods`, {
      schedule: 'manual',
      start: '2026-01-15',
      end: '2026-02-15',
      due: '2026-02-20',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.details[0].message).toContain('overlaps the existing period 2026-01-01 – 2026-01-31');
    const badDates = await api(b.token, 'POST', `/api/v1/projects/${b.projectId}/billing-periods`, {
      schedule: 'manual',
      start: '2028-02-30',
      end: '2028-03-01',
      due: '2028-03-01',
    });
    expect(badDates.body.error.details[0]).toMatchObject({ field: 'start', message: 'not a real calendar date' });
    const used = await api(b.token, 'DELETE', `/api/v1/billing-periods/${b.periodIds[0]}`);
    expect(used.status).toBe(409);
    await ok(200, b.token, 'DELETE', `/api/v1/billing-periods/${b.periodIds[3]}`);
  });
});

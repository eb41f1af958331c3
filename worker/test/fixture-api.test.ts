import { beforeAll, describe, expect, it } from 'vitest';
import { ok, seedUser } from './helpers';

// fixtures/g702-two-periods.json reproduced through the HTTP API: contract, lines,
// change orders, periods, invoices and edits created over HTTP, then GET /invoices/:id compared.
// The fixture is inlined at build time by Vite's JSON import (workerd has no file system).
import fixture from '../../fixtures/g702-two-periods.json';

describe('fixture g702-two-periods through the API', () => {
  let token: string;
  const invoiceIds: string[] = [];

  beforeAll(async () => {
    ({ token } = await seedUser({ name: 'Ana Ruiz' }));
    const project = await ok(201, token, 'POST', '/api/v1/projects', { name: 'Fixture project', number: 'F-1' });
    const contract = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: 'Prime contract',
      workRetainageBps: fixture.contract.retainage.workRateBps,
      storedRetainageBps: fixture.contract.retainage.storedRateBps,
    });
    await ok(200, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, {
      lines: fixture.sovLines.map((l) => ({ itemNo: l.itemNo, description: l.description, scheduledValueCents: l.scheduledValueCents })),
    });
    await ok(200, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
    const periods = [];
    for (const inv of fixture.invoices) {
      const p = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, {
        schedule: 'manual',
        start: inv.billingPeriod.start,
        end: inv.billingPeriod.end,
        due: inv.billingPeriod.end,
      });
      periods.push(p.billingPeriods[0].id);
    }
    const approveCo = async (co: (typeof fixture.changeOrders)[number]) => {
      const created = await ok(201, token, 'POST', `/api/v1/contracts/${contract.id}/change-orders`, {
        title: co.title,
        lines: [{ itemNo: co.lineItemNo, amountCents: co.amountCents }],
      });
      await ok(200, token, 'POST', `/api/v1/change-orders/${created.id}/approve`, { approvedOn: co.approvedOn });
    };
    // CO 1 is approved in January, before invoice 1; CO 2 in February, before invoice 2.
    await approveCo(fixture.changeOrders[0]!);
    for (const [i, inv] of fixture.invoices.entries()) {
      if (i === 1) await approveCo(fixture.changeOrders[1]!);
      const created = await ok(201, token, 'POST', `/api/v1/contracts/${contract.id}/invoices`, { billingPeriodId: periods[i] });
      invoiceIds.push(created.invoice.id);
      await ok(
        200,
        token,
        'PATCH',
        `/api/v1/invoices/${created.invoice.id}/lines`,
        {
          edits: inv.lines.map((l) => ({
            itemNo: l.itemNo,
            // as Excel would send them: numbers in dollars
            workCompletedThisPeriod: l.input.workCompletedThisPeriodCents / 100,
            materialsPresentlyStored: l.input.materialsPresentlyStoredCents / 100,
          })),
        },
        { 'if-match': String(created.invoice.version) },
      );
      await ok(200, token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: 'under_review' });
      await ok(200, token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: 'approved' });
    }
  });

  for (const [i, expected] of fixture.invoices.entries()) {
    it(`invoice ${expected.invoiceNumber}: every G703 column, totals, G702 and CO summary to the cent`, async () => {
      const view = await ok(200, token, 'GET', `/api/v1/invoices/${invoiceIds[i]}`);
      expect(view.invoice.number).toBe(expected.invoiceNumber);
      for (const line of expected.lines) {
        const got = view.lines.find((l: { itemNo: string }) => l.itemNo === line.itemNo);
        expect(got, `line ${line.itemNo}`).toMatchObject(line.expected);
      }
      expect(view.totals).toEqual(expected.expectedTotals);
      expect(view.g702).toEqual(expected.expectedG702);
      expect(view.changeOrderSummary).toEqual(expected.expectedChangeOrderSummary);
      expect(view.invoice.isEditable).toBe(false);
    });
  }
});

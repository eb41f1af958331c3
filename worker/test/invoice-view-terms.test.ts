import { describe, expect, it } from 'vitest';
import { buildContractWithInvoice } from './builders';
import { api, ok, seedUser } from './helpers';

// The task pane renders an opened invoice from GET /invoices/{id} alone: the view carries the
// contract's retainage terms that make the G703's retainage column a live formula
// (addin/src/ui/workspace/use-invoice-session.ts), so they must be the contract's as
// GET /contracts/{id} shows them, also after the terms change.

const terms = (c: { workRetainageBps: number; storedRetainageBps: number; retainageReduction: unknown }) => ({
  workRetainageBps: c.workRetainageBps,
  storedRetainageBps: c.storedRetainageBps,
  retainageReduction: c.retainageReduction,
});

describe('the invoice view carries the contract retainage terms', () => {
  it('as GET /contracts/{id} has them, before and after the contract changes them', async () => {
    const b = await buildContractWithInvoice({ lineCount: 2, contract: { workRetainageBps: 1000, storedRetainageBps: 500 } });
    const id = b.invoice.invoice.id as string;
    const view = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`);
    expect(terms(view.contract)).toEqual({ workRetainageBps: 1000, storedRetainageBps: 500, retainageReduction: null });
    expect(terms(view.contract)).toEqual(terms(await ok(200, b.token, 'GET', `/api/v1/contracts/${b.contractId}`)));
    // the answer of POST …/invoices is the same view
    expect(terms(b.invoice.contract)).toEqual(terms(view.contract));

    const reduction = { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 500, mode: 'new_work_only' };
    await ok(200, b.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, { workRetainageBps: 750, storedRetainageBps: 0, retainageReduction: reduction });
    const after = await ok(200, b.token, 'GET', `/api/v1/invoices/${id}`);
    expect(terms(after.contract)).toEqual({ workRetainageBps: 750, storedRetainageBps: 0, retainageReduction: reduction });
    expect(terms(after.contract)).toEqual(terms(await ok(200, b.token, 'GET', `/api/v1/contracts/${b.contractId}`)));
  });

  it('is not shown to a user who may not see the contract: 404 for the invoice, as for the contract', async () => {
    const b = await buildContractWithInvoice({ lineCount: 1 });
    const { token: outsider } = await seedUser({ name: 'Outsider' });
    const invoice = await api(outsider, 'GET', `/api/v1/invoices/${b.invoice.invoice.id}`);
    const contract = await api(outsider, 'GET', `/api/v1/contracts/${b.contractId}`);
    expect([invoice.status, contract.status]).toEqual([404, 404]);
    expect(JSON.stringify(invoice.body)).not.toContain('workRetainageBps');
  });
});

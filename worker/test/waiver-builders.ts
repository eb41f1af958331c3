// Builders for the lien-waiver tests: an owner contract (our company bills the owner) with an
// approved invoice #1, optionally a final invoice #2 that bills the contract to 100%, and a
// subcontract with an approved invoice. Payments are stored as rows (recording them is another
// route's job); everything else goes through the API.
import { eq } from 'drizzle-orm';
import { payments, projects } from '../src/db/schema';
import { newId } from '../src/lib/ids';
import { db, ok, seedCompany, seedUser } from './helpers';

export type WaiverProject = {
  admin: { id: string; token: string; email: string; companyId: string };
  projectId: string;
  periods: Array<{ id: string; startDate: string; endDate: string }>;
  primeId: string;
  invoice1: string;
  invoice2: string | null;
};

/** Line 1 $100,000.00, line 2 $50,000.00, 10% retainage. Invoice 1 bills $40,000 + $10,000: line 8 = $45,000.00. */
export async function buildWaiverProject(opts: { jurisdiction?: string | null; finalInvoice?: boolean; adminName?: string } = {}): Promise<WaiverProject> {
  const companyId = await seedCompany('Northbridge Builders Inc.');
  const admin = await seedUser({ name: opts.adminName ?? 'Ana Ruiz', companyId });
  const project = await ok(201, admin.token, 'POST', '/api/v1/projects', {
    name: 'Harbor View Residences',
    number: 'HV-2',
    address: '1450 Embarcadero Blvd, San Francisco',
  });
  if (opts.jurisdiction) await db().update(projects).set({ jurisdiction: opts.jurisdiction }).where(eq(projects.id, project.id));
  const owner = await seedCompany('Harbor View Owner LLC');
  const contract = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'Owner contract',
    counterpartyCompanyId: owner,
    workRetainageBps: 1000,
    storedRetainageBps: 0,
  });
  await ok(200, admin.token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, {
    lines: [
      { itemNo: '1', description: 'Structure', scheduledValueCents: 10_000_000 },
      { itemNo: '2', description: 'Finishes', scheduledValueCents: 5_000_000 },
    ],
  });
  await ok(200, admin.token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const p = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'monthly', start: '2026-01-01', count: 3 });
  const periods = p.billingPeriods.map((x: { id: string; start: string; end: string }) => ({ id: x.id, startDate: x.start, endDate: x.end }));
  const invoice1 = await billAndApprove(admin.token, contract.id, periods[0].id, { '1': 40_000, '2': 10_000 });
  const invoice2 = opts.finalInvoice ? await billAndApprove(admin.token, contract.id, periods[1].id, { '1': 60_000, '2': 40_000 }) : null;
  return { admin, projectId: project.id, periods, primeId: contract.id, invoice1, invoice2 };
}

/** Creates the contract's next invoice, enters work this period (dollars, by item no.), submits and approves it. */
export async function billAndApprove(token: string, contractId: string, periodId: string, thisPeriod: Record<string, number>): Promise<string> {
  const created = await ok(201, token, 'POST', `/api/v1/contracts/${contractId}/invoices`, { billingPeriodId: periodId });
  const edits = Object.entries(thisPeriod).map(([itemNo, dollars]) => ({ itemNo, workCompletedThisPeriod: dollars }));
  await ok(200, token, 'PATCH', `/api/v1/invoices/${created.invoice.id}/lines`, { edits }, { 'if-match': String(created.invoice.version) });
  await ok(200, token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: 'under_review' });
  await ok(200, token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: 'approved' });
  return created.invoice.id;
}

/** A subcontract (Acme Concrete, $80,000.00, 10% retainage) with its approved invoice #1 billing $20,000.00: line 8 = $18,000.00. */
export async function buildSubcontractInvoice(token: string, projectId: string, periodId: string): Promise<{ contractId: string; invoiceId: string }> {
  const sub = await seedCompany('Acme Concrete');
  const contract = await ok(201, token, 'POST', `/api/v1/projects/${projectId}/contracts`, {
    kind: 'commitment',
    accountingMethod: 'amount',
    title: 'Concrete subcontract',
    counterpartyCompanyId: sub,
    workRetainageBps: 1000,
    storedRetainageBps: 0,
  });
  await ok(200, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, { lines: [{ itemNo: '1', description: 'Slabs', scheduledValueCents: 8_000_000 }] });
  await ok(200, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const invoiceId = await billAndApprove(token, contract.id, periodId, { '1': 20_000 });
  return { contractId: contract.id, invoiceId };
}

/** A payment row as the payments route stores it. */
export async function insertPayment(
  invoiceId: string,
  userId: string,
  amountCents: number,
  opts: { receivedOn?: string; voided?: boolean } = {},
): Promise<string> {
  const id = newId('pay');
  await db()
    .insert(payments)
    .values({
      id,
      invoiceId,
      receivedOn: opts.receivedOn ?? '2026-02-10',
      amountCents,
      method: 'check',
      reference: 'CHK 1042',
      recordedBy: userId,
      ...(opts.voided ? { voidedAt: '2026-02-11T09:00:00.000Z', voidedBy: userId, voidReason: 'bounced' } : {}),
    });
  return id;
}

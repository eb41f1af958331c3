// Email test builders: a project with a prime contract and a submitted invoice, built over HTTP
// the way fixture-api.test.ts builds its invoices (and the add-in would).
import { joinByInvitation, ok, seedUser } from './helpers';

export type ReadyInvoice = {
  admin: { id: string; token: string; email: string; companyId: string };
  projectId: string;
  contractId: string;
  invoiceId: string;
  invoiceNumber: number;
};

export type InvoiceOptions = {
  adminName?: string;
  adminEmail?: string;
  /** SOV lines: item no, description, scheduled value (cents), this period (dollars, as Excel sends them) */
  lines?: Array<{ itemNo: string; description: string; scheduledValueCents: number; thisPeriod: number }>;
  period?: { start: string; end: string };
};

const defaultLines = [
  { itemNo: '1', description: 'General conditions', scheduledValueCents: 5_000_000, thisPeriod: 12_500 },
  { itemNo: '2', description: 'Site work', scheduledValueCents: 12_345_678, thisPeriod: 6_234.45 },
  { itemNo: '3', description: 'Concrete', scheduledValueCents: 20_000_000, thisPeriod: 0 },
];

/** One project, one approved prime contract (10% retainage), one submitted invoice #1. */
export async function buildReadyInvoice(opts: InvoiceOptions = {}): Promise<ReadyInvoice> {
  const admin = await seedUser({ name: opts.adminName ?? 'Ana Ruiz', ...(opts.adminEmail ? { email: opts.adminEmail } : {}) });
  const lines = opts.lines ?? defaultLines;
  const period = opts.period ?? { start: '2025-03-01', end: '2025-03-31' };
  const project = await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'Riverside Clinic', number: 'RC-7' });
  const contract = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'Owner contract',
    workRetainageBps: 1000,
    storedRetainageBps: 0,
  });
  await ok(200, admin.token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, {
    lines: lines.map((l) => ({ itemNo: l.itemNo, description: l.description, scheduledValueCents: l.scheduledValueCents })),
  });
  await ok(200, admin.token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const p = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, {
    schedule: 'manual',
    start: period.start,
    end: period.end,
    due: period.end,
  });
  const created = await ok(201, admin.token, 'POST', `/api/v1/contracts/${contract.id}/invoices`, { billingPeriodId: p.billingPeriods[0].id });
  await ok(
    200,
    admin.token,
    'PATCH',
    `/api/v1/invoices/${created.invoice.id}/lines`,
    { edits: lines.map((l) => ({ itemNo: l.itemNo, workCompletedThisPeriod: l.thisPeriod })) },
    { 'if-match': String(created.invoice.version) },
  );
  await ok(200, admin.token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: 'under_review' });
  return { admin, projectId: project.id, contractId: contract.id, invoiceId: created.invoice.id, invoiceNumber: created.invoice.number };
}

/** A user added to the project with the given levels (prime contracts / commitments). */
export async function addMember(
  adminToken: string,
  projectId: string,
  levels: { primeContracts: string; commitments?: string },
  user?: { name?: string; email?: string },
) {
  const member = await seedUser({ name: user?.name ?? 'Member', ...(user?.email ? { email: user.email } : {}) });
  await joinByInvitation(adminToken, projectId, member, { primeContracts: levels.primeContracts, commitments: levels.commitments ?? 'none' });
  return member;
}

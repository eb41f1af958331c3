import { ok, seedUser } from './helpers';

export type Built = {
  token: string;
  projectId: string;
  contractId: string;
  periodIds: string[];
  lineIds: string[];
  invoice: any;
};

/** An approved amount-based prime contract with `lineCount` lines and a draft invoice 1. */
export async function buildContractWithInvoice(opts: { lineCount?: number; contract?: object; token?: string } = {}): Promise<Built> {
  const token = opts.token ?? (await seedUser({ name: 'Ana Ruiz' })).token;
  const project = await ok(201, token, 'POST', '/api/v1/projects', { name: 'P', number: '1' });
  const contract = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'Prime',
    workRetainageBps: 1000,
    storedRetainageBps: 500,
    ...opts.contract,
  });
  const n = opts.lineCount ?? 3;
  const lines = Array.from({ length: n }, (_, i) => ({
    itemNo: String(i + 1).padStart(4, '0'),
    description: `Line ${i + 1}`,
    scheduledValueCents: 1_000_000 + i,
  }));
  const sov = await ok(200, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, { lines });
  await ok(200, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const periods = await ok(201, token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'monthly', start: '2026-01-01', count: 4 });
  const periodIds = periods.billingPeriods.map((p: { id: string }) => p.id);
  const invoice = await ok(201, token, 'POST', `/api/v1/contracts/${contract.id}/invoices`, { billingPeriodId: periodIds[0] });
  return { token, projectId: project.id, contractId: contract.id, periodIds, lineIds: sov.lines.map((l: { id: string }) => l.id), invoice };
}

export const patchLines = (token: string, invoiceId: string, version: number | null, edits: object[]) =>
  ok(200, token, 'PATCH', `/api/v1/invoices/${invoiceId}/lines`, { edits }, version === null ? {} : { 'if-match': String(version) });

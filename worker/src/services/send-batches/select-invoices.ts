import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSendBatchSelection } from '@shared/api/send-batches';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { billingPeriods, contracts, invoices } from '../../db/schema';

type Selection = z.output<typeof ZSendBatchSelection>;

export type SelectedInvoice = {
  id: string;
  number: number;
  status: string;
  contract: { id: string; number: number; title: string };
  billingPeriod: { id: string; start: string; end: string; due: string };
};

const describeContract = (c: { number: number; title: string }) => `Prime Contract #${c.number} (${c.title})`;

function describeSelection(s: Selection): string {
  const parts: string[] = [];
  if (s.fromNumber !== undefined || s.toNumber !== undefined) {
    parts.push(s.fromNumber === s.toNumber ? `number ${s.fromNumber}` : `numbers ${s.fromNumber ?? 1}–${s.toNumber ?? '…'}`);
  }
  if (s.billingPeriodId) parts.push('the chosen billing period');
  return parts.join(' in ');
}

/**
 * The invoices a batch's selections name, in contract then invoice order, each once. Every
 * problem is collected (a contract not in the project, a commitment, a period not in the project,
 * a selection matching nothing, a draft invoice) so one answer lists them all. Only invoices out
 * of draft are sent: a draft is not an application for payment yet.
 */
export async function selectInvoices(
  ctx: ServiceCtx,
  projectId: string,
  selections: Selection[],
): Promise<{ invoices: SelectedInvoice[]; problems: ErrorDetail[] }> {
  const [contractRows, periodRows, invoiceRows] = await ctx.db.batch([
    ctx.db.select().from(contracts).where(eq(contracts.projectId, projectId)),
    ctx.db.select().from(billingPeriods).where(eq(billingPeriods.projectId, projectId)),
    ctx.db
      .select({ id: invoices.id, number: invoices.number, status: invoices.status, contractId: invoices.contractId, billingPeriodId: invoices.billingPeriodId })
      .from(invoices)
      .innerJoin(contracts, and(eq(contracts.id, invoices.contractId), eq(contracts.kind, 'prime')))
      .where(eq(invoices.projectId, projectId)),
  ]);
  const contractById = new Map(contractRows.map((c) => [c.id, c]));
  const periodById = new Map(periodRows.map((p) => [p.id, p]));
  const problems: ErrorDetail[] = [];
  const chosen = new Map<string, (typeof invoiceRows)[number]>();

  selections.forEach((s, i) => {
    const field = `selections.${i}`;
    const contract = s.contractId ? contractById.get(s.contractId) : undefined;
    if (s.contractId && !contract) {
      problems.push({ field: `${field}.contractId`, code: 'UNKNOWN_CONTRACT', message: `No contract ${s.contractId} in this project` });
      return;
    }
    if (contract && contract.kind !== 'prime') {
      const message = `Commitment #${contract.number} (${contract.title}) is not a prime contract: bulk send covers owner invoices only`;
      problems.push({ field: `${field}.contractId`, code: 'NOT_PRIME_CONTRACT', message });
      return;
    }
    if (s.billingPeriodId && !periodById.has(s.billingPeriodId)) {
      problems.push({ field: `${field}.billingPeriodId`, code: 'UNKNOWN_BILLING_PERIOD', message: `No billing period ${s.billingPeriodId} in this project` });
      return;
    }
    const matches = invoiceRows.filter(
      (inv) =>
        (!contract || inv.contractId === contract.id) &&
        (s.fromNumber === undefined || inv.number >= s.fromNumber) &&
        (s.toNumber === undefined || inv.number <= s.toNumber) &&
        (!s.billingPeriodId || inv.billingPeriodId === s.billingPeriodId),
    );
    if (!matches.length) {
      const where = contract ? describeContract(contract) : 'any prime contract of this project';
      problems.push({ field, code: 'NO_INVOICES', message: `No invoice of ${where} matches ${describeSelection(s)}` });
      return;
    }
    for (const inv of matches) chosen.set(inv.id, inv);
  });

  const out: SelectedInvoice[] = [];
  for (const inv of chosen.values()) {
    const c = contractById.get(inv.contractId)!;
    if (inv.status === 'draft') {
      const message = `Invoice #${inv.number} of ${describeContract(c)} is a draft: only invoices out of draft (submitted for review or later) can be sent`;
      problems.push({ field: 'selections', code: 'INVOICE_IS_DRAFT', message });
      continue;
    }
    const p = periodById.get(inv.billingPeriodId)!;
    out.push({
      id: inv.id,
      number: inv.number,
      status: inv.status,
      contract: { id: c.id, number: c.number, title: c.title },
      billingPeriod: { id: p.id, start: p.startDate, end: p.endDate, due: p.dueDate },
    });
  }
  out.sort((a, b) => a.contract.number - b.contract.number || a.number - b.number);
  return { invoices: out, problems };
}

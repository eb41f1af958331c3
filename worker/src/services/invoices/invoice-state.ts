import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { billingPeriods, changeOrders, invoiceChangeOrders, invoiceLines, invoices, sovGroups, sovLines } from '../../db/schema';
import { asNotFound, notFound } from '../../lib/app-error';
import { computeInvoice, ZERO_PRIOR } from '@shared/engine';
import type { ContractTerms, InvoiceInput, InvoiceResult, LineEntry, PriorLine, SovLineOnInvoice } from '@shared/engine/types';
import { loadContractAccess, seesOnlySubmitted, type Contract, type ContractAccess } from '../access/contract-access';
import { changeOrderAmounts } from './change-order-amounts';
import { partiesFrom, partiesQuery, type InfoParties } from './general-info';

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type SovLineRow = typeof sovLines.$inferSelect;

export type InvoiceState = {
  access: ContractAccess;
  invoice: Invoice;
  period: typeof billingPeriods.$inferSelect;
  sov: SovLineRow[];
  groups: Map<string, string>;
  rows: Map<string, InvoiceLineRow>; // by sov line id
  priors: Map<string, PriorLine>; // by sov line id
  coCentsByLine: Map<string, number>;
  includedChangeOrders: Array<{ id: string; number: number; title: string; amountCents: number; approvedOn: string }>;
  previousLine6Cents: number;
  latestInvoice: { id: string; number: number };
  /** project and parties: the general information's defaults */
  parties: InfoParties;
  /** where the project is and its work type: the jurisdiction rules' input (invoice-deadlines.ts) */
  place: { jurisdiction: string | null; workType: 'private' | 'public' };
};

export function termsOf(c: Contract): ContractTerms {
  return {
    accountingMethod: c.accountingMethod,
    workRetainageBps: c.workRetainageBps,
    storedRetainageBps: c.storedRetainageBps,
    reduction:
      c.reductionMode && c.reductionThresholdBps != null && c.reductionWorkRateBps != null
        ? { thresholdPercentCompleteBps: c.reductionThresholdBps, reducedWorkRateBps: c.reductionWorkRateBps, mode: c.reductionMode }
        : null,
    allowOverbilling: c.allowOverbilling,
  };
}

/** A stored invoice line is the prior state of the next invoice. */
export function priorFromRow(r: InvoiceLineRow): PriorLine {
  return {
    workCompletedToDateCents: r.workCompletedToDateCents,
    materialsPresentlyStoredCents: r.storedMaterialsCents,
    workQtyToDate: r.workQtyToDate,
    storedQty: r.storedQty,
    workRetainageCents: r.workRetainageCents,
    retainageReleasedToDateCents: r.retainageReleasedToDateCents,
  };
}

export function entryFromRow(r: InvoiceLineRow): LineEntry {
  return {
    workCompletedThisPeriodCents: r.workCompletedThisPeriodCents,
    materialsPresentlyStoredCents: r.materialsPresentlyStoredCents,
    workQtyThisPeriod: r.workQtyThisPeriod,
    storedQty: r.storedQty,
    retainageReleasedCents: r.retainageReleasedCents,
  };
}

export async function loadInvoiceRow(ctx: ServiceCtx, invoiceId: string): Promise<{ invoice: Invoice; access: ContractAccess }> {
  const [invoice] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1);
  if (!invoice) throw notFound('Invoice');
  const access = await asNotFound(loadContractAccess(ctx, invoice.contractId), 'Invoice');
  if (invoice.status === 'draft' && seesOnlySubmitted(access)) throw notFound('Invoice');
  return { invoice, access };
}

/** Everything needed to compute one invoice, in a handful of queries (no per-line queries). */
export async function loadInvoiceState(ctx: ServiceCtx, invoiceId: string): Promise<InvoiceState> {
  const { invoice, access } = await loadInvoiceRow(ctx, invoiceId);
  const contractId = invoice.contractId;
  const [periodRows, sov, groupRows, lineRows, prevInvoiceRows, latestRows, coRows, partyRows] = await ctx.db.batch([
    ctx.db.select().from(billingPeriods).where(eq(billingPeriods.id, invoice.billingPeriodId)),
    ctx.db.select().from(sovLines).where(eq(sovLines.contractId, contractId)).orderBy(asc(sovLines.position)),
    ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, contractId)),
    ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)),
    ctx.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.contractId, contractId), lt(invoices.number, invoice.number)))
      .orderBy(desc(invoices.number))
      .limit(1),
    ctx.db
      .select({ id: invoices.id, number: invoices.number })
      .from(invoices)
      .where(eq(invoices.contractId, contractId))
      .orderBy(desc(invoices.number))
      .limit(1),
    ctx.db
      .select({ co: changeOrders })
      .from(invoiceChangeOrders)
      .innerJoin(changeOrders, eq(changeOrders.id, invoiceChangeOrders.changeOrderId))
      .where(eq(invoiceChangeOrders.invoiceId, invoice.id)),
    partiesQuery(ctx, contractId),
  ]);
  const prevInvoice = prevInvoiceRows[0];
  const priorRows = prevInvoice ? await ctx.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, prevInvoice.id)) : [];
  const priors = new Map(priorRows.map((r) => [r.sovLineId, priorFromRow(r)]));
  const amounts = await changeOrderAmounts(
    ctx,
    coRows.map((r) => r.co),
  );
  return {
    access,
    invoice,
    period: periodRows[0]!,
    sov,
    groups: new Map(groupRows.map((g) => [g.id, g.name])),
    rows: new Map(lineRows.map((r) => [r.sovLineId, r])),
    priors,
    coCentsByLine: amounts.byLine,
    includedChangeOrders: amounts.changeOrders,
    previousLine6Cents: prevInvoice?.line6FrozenCents ?? 0,
    latestInvoice: latestRows[0]!,
    parties: partiesFrom(partyRows),
    place: { jurisdiction: partyRows[0]?.jurisdiction ?? null, workType: partyRows[0]?.workType ?? 'private' },
  };
}

export function sovOnInvoice(line: SovLineRow, coCents: number): SovLineOnInvoice {
  return {
    lineId: line.id,
    itemNo: line.itemNo,
    description: line.description,
    originalScheduledValueCents: line.originalScheduledValueCents,
    changeOrderCents: coCents,
    scheduledQty: line.scheduledQty,
    unitPrice: line.unitPrice,
    unitOfMeasure: line.unitOfMeasure,
    hasSubtotalOverride: line.hasSubtotalOverride,
    workRetainageBpsOverride: line.workRetainageBps,
    storedRetainageBpsOverride: line.storedRetainageBps,
  };
}

/**
 * Compute the invoice from its state. `entries` replaces stored entries (a pending edit) and may
 * bring lines that have no stored row yet (a new invoice, a separate change-order line).
 */
export function computeState(state: InvoiceState, entries?: Map<string, LineEntry>, sovOverride?: Map<string, SovLineRow>): InvoiceResult {
  const input: InvoiceInput = {
    terms: termsOf(state.access.contract),
    period: { start: state.period.startDate, end: state.period.endDate },
    lines: state.sov
      .filter((l) => state.rows.has(l.id) || entries?.has(l.id))
      .map((l) => {
        const sov = sovOverride?.get(l.id) ?? l;
        return {
          sov: sovOnInvoice(sov, state.coCentsByLine.get(l.id) ?? 0),
          prior: state.priors.get(l.id) ?? ZERO_PRIOR,
          entry: entries?.get(l.id) ?? entryFromRow(state.rows.get(l.id)!),
        };
      }),
    changeOrders: state.includedChangeOrders.map((c) => ({ amountCents: c.amountCents, approvedOn: c.approvedOn })),
    previousCertificatesCents: state.previousLine6Cents,
  };
  return computeInvoice(input);
}

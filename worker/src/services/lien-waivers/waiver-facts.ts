import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { TLienWaiverParties } from '@shared/api/lien-waivers';
import type { Locale } from '@shared/i18n/locales';
import { availableWaivers, formForJurisdiction, type InvoiceFacts } from '@shared/waivers/availability';
import type { WaiverForm } from '@shared/waivers/types';
import type { ServiceCtx } from '../../context';
import { invoices, lienWaivers, payments, projects } from '../../db/schema';
import { resolveGeneralInfo } from '../invoices/general-info';
import { computeState, loadInvoiceState, type InvoiceState } from '../invoices/invoice-state';

export type WaiverRow = typeof lienWaivers.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

export type WaiverFacts = {
  state: InvoiceState;
  facts: InvoiceFacts;
  /** the form the project's jurisdiction needs */
  form: WaiverForm;
  payments: PaymentRow[];
  waivers: WaiverRow[];
};

/**
 * Everything a waiver of this invoice is decided and filled from: the invoice computed as GET
 * /invoices/{id} computes it (its G702 line 8), the invoice's payments and waivers, and the
 * project's jurisdiction. 404 for an invoice the user may not see (loadInvoiceState).
 */
export async function loadWaiverFacts(ctx: ServiceCtx, invoiceId: string): Promise<WaiverFacts> {
  const state = await loadInvoiceState(ctx, invoiceId);
  const g702 = computeState(state).g702;
  const [paymentRows, waiverRows, projectRows] = await ctx.db.batch([
    ctx.db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.receivedOn), asc(payments.createdAt)),
    ctx.db.select().from(lienWaivers).where(eq(lienWaivers.invoiceId, invoiceId)).orderBy(asc(lienWaivers.createdAt)),
    ctx.db.select({ jurisdiction: projects.jurisdiction }).from(projects).where(eq(projects.id, state.invoice.projectId)),
  ]);
  const facts: InvoiceFacts = {
    contractKind: state.access.contract.kind,
    invoiceKind: state.invoice.kind,
    invoiceNumber: state.invoice.number,
    line3ContractSumToDateCents: g702.line3ContractSumToDateCents,
    line4TotalCompletedAndStoredCents: g702.line4TotalCompletedAndStoredCents,
    line8CurrentPaymentDueCents: g702.line8CurrentPaymentDueCents,
    periodEnd: state.period.endDate,
    payments: paymentRows.map((p) => ({ id: p.id, amountCents: p.amountCents, receivedOn: p.receivedOn, isVoided: p.voidedAt !== null })),
    jurisdiction: projectRows[0]?.jurisdiction ?? null,
    existing: waiverRows
      .filter((w) => w.direction === 'issued' && w.status !== 'void')
      .map((w) => ({ type: w.type, paymentId: w.paymentId, status: w.status as 'draft' | 'signed' })),
  };
  return { state, facts, form: formForJurisdiction(projectRows[0]?.jurisdiction), payments: paymentRows, waivers: waiverRows };
}

export const availabilityOf = (w: WaiverFacts, form: WaiverForm) => availableWaivers(w.facts, form);

/**
 * The names printed in the blanks, for a waiver we issue on an owner invoice: we (the project's
 * company) are the claimant, the contract's counterparty is both the customer and the owner (a
 * prime contract is with the owner), who also writes the check. Taken from the invoice's general
 * information, so a name edited on the G702 header is the one on the waiver too.
 */
export function partiesOf(w: WaiverFacts, extra: { exceptions: string; disputedClaimsCents: number | null; locale: Locale }): TLienWaiverParties {
  const { state } = w;
  const info = resolveGeneralInfo(state.invoice, state.access.contract, state.period.endDate, state.parties);
  const customer = info.toName;
  const claimant = info.fromName;
  return {
    claimant,
    customer,
    owner: customer,
    jobName: info.projectName,
    jobNumber: info.projectNumber,
    jobLocation: info.projectAddress || info.projectName,
    jobDescription: state.access.contract.title,
    makerOfCheck: customer,
    payableTo: claimant,
    exceptions: extra.exceptions,
    disputedClaimsCents: extra.disputedClaimsCents,
    priorUnpaid: [],
    locale: extra.locale,
  };
}

/**
 * California § 8132 exception (3): conditional progress waivers this claimant signed on earlier
 * invoices of the contract whose payment has not (fully) arrived: the waiver's amount less the
 * live payments recorded on that invoice.
 */
export async function priorUnpaidWaivers(ctx: ServiceCtx, state: InvoiceState): Promise<TLienWaiverParties['priorUnpaid']> {
  const rows = await ctx.db
    .select({ invoiceId: lienWaivers.invoiceId, amountCents: lienWaivers.amountCents, signedAt: lienWaivers.signedAt })
    .from(lienWaivers)
    .innerJoin(invoices, eq(invoices.id, lienWaivers.invoiceId))
    .where(
      and(
        eq(lienWaivers.contractId, state.invoice.contractId),
        eq(lienWaivers.direction, 'issued'),
        eq(lienWaivers.type, 'conditional_progress'),
        eq(lienWaivers.status, 'signed'),
        ne(lienWaivers.invoiceId, state.invoice.id),
        lt(invoices.number, state.invoice.number),
      ),
    )
    .orderBy(asc(lienWaivers.signedAt));
  if (!rows.length) return [];
  const paid = await ctx.db
    .select({ invoiceId: payments.invoiceId, cents: sql<number>`sum(${payments.amountCents})` })
    .from(payments)
    .where(and(inArray(payments.invoiceId, [...new Set(rows.map((r) => r.invoiceId))]), isNull(payments.voidedAt)))
    .groupBy(payments.invoiceId);
  const paidBy = new Map(paid.map((p) => [p.invoiceId, Number(p.cents)]));
  return rows
    .map((r) => ({ signedOn: (r.signedAt ?? '').slice(0, 10), unpaidCents: r.amountCents - (paidBy.get(r.invoiceId) ?? 0) }))
    .filter((r) => r.unpaidCents > 0);
}

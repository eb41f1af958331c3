import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TProjectInvoicesQuery } from '@shared/api/invoices';
import type { ServiceCtx } from '../../context';
import { idChunks } from '../../db/client';
import { billingPeriods, invoices, payments } from '../../db/schema';
import { seesOnlySubmitted } from '../access/contract-access';
import { visibleContracts } from '../access/visible-contracts';
import { paymentSummaryOf } from '../payments/payment-summary';

/**
 * The invoices of a project across the contracts the user may see (the Billing tool's Owner and
 * Subcontractor lists), optionally of one billing period and one contract kind. Private contracts
 * the user is not allowed into are left out as if they did not exist; the owner's invoice contacts
 * see no drafts (as in worker/src/services/invoices/list-invoices.ts).
 */
export async function listProjectInvoices({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } & TProjectInvoicesQuery }) {
  // owner (prime) contracts first, as the Billing tool's Owner tab comes before Subcontractor; then by number
  const contracts = (await visibleContracts(ctx, input.projectId))
    .filter((a) => !input.kind || a.contract.kind === input.kind)
    .sort((a, b) => (a.contract.kind === b.contract.kind ? a.contract.number - b.contract.number : a.contract.kind === 'prime' ? -1 : 1));
  const byContract = new Map(contracts.map((a) => [a.contract.id, a]));
  const rows: Array<{ invoice: typeof invoices.$inferSelect; period: typeof billingPeriods.$inferSelect }> = [];
  for (const ids of idChunks([...byContract.keys()])) {
    rows.push(
      ...(await ctx.db
        .select({ invoice: invoices, period: billingPeriods })
        .from(invoices)
        .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.billingPeriodId))
        .where(and(eq(invoices.projectId, input.projectId), inArray(invoices.contractId, ids)))
        .orderBy(asc(invoices.contractId), asc(invoices.number))),
    );
  }
  // Σ payments not voided per invoice of the project: one statement whatever the number of invoices
  const paidRows = await ctx.db
    .select({ invoiceId: payments.invoiceId, paidCents: sql<number>`sum(${payments.amountCents})`.as('paid_cents') })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(invoices.projectId, input.projectId), isNull(payments.voidedAt)))
    .groupBy(payments.invoiceId);
  const paid = new Map(paidRows.map((r) => [r.invoiceId, Number(r.paidCents)]));
  const out = [];
  for (const access of contracts) {
    const all = rows.filter((r) => r.invoice.contractId === access.contract.id);
    const mine = seesOnlySubmitted(access) ? all.filter((r) => r.invoice.status !== 'draft') : all;
    const latest = mine.at(-1)?.invoice.id;
    for (const [idx, { invoice: i, period: p }] of mine.entries()) {
      if (input.billingPeriodId && i.billingPeriodId !== input.billingPeriodId) continue;
      const previousLine6 = idx > 0 ? (mine[idx - 1]!.invoice.line6FrozenCents ?? 0) : 0;
      const payment = paymentSummaryOf(i, previousLine6, access.contract.paymentTermsDays, paid.get(i.id) ?? 0);
      out.push({
        id: i.id,
        number: i.number,
        status: i.status,
        kind: i.kind,
        billingPeriod: { id: p.id, start: p.startDate, end: p.endDate, due: p.dueDate },
        isLatest: i.id === latest,
        currentPaymentDueCents: i.line6FrozenCents == null ? null : i.line6FrozenCents - previousLine6,
        createdAt: i.createdAt,
        contract: { id: access.contract.id, number: access.contract.number, kind: access.contract.kind, title: access.contract.title },
        myAccess: { level: access.level, isToolAdmin: access.isToolAdmin, isInvoiceContact: access.isInvoiceContact },
        payment,
      });
    }
  }
  return { invoices: out };
}

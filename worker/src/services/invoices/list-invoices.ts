import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { billingPeriods, invoices, payments } from '../../db/schema';
import { loadContractAccess, seesOnlySubmitted } from '../access/contract-access';
import { paymentSummaryOf } from '../payments/payment-summary';

/** The contract's invoices with number, period, status and the figures a list needs (line 8 due). */
export async function listInvoices({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  // not a db.batch: inside one, D1 keys rows by column name and the invoice's and the period's ids would collide
  const [all, paidRows] = await Promise.all([
    ctx.db
      .select({ invoice: invoices, period: billingPeriods })
      .from(invoices)
      .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.billingPeriodId))
      .where(eq(invoices.contractId, input.contractId))
      .orderBy(asc(invoices.number)),
    // Σ payments not voided per invoice of the contract
    ctx.db
      .select({ invoiceId: payments.invoiceId, paidCents: sql<number>`sum(${payments.amountCents})`.as('paid_cents') })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(eq(invoices.contractId, input.contractId), isNull(payments.voidedAt)))
      .groupBy(payments.invoiceId),
  ]);
  const paid = new Map(paidRows.map((r) => [r.invoiceId, Number(r.paidCents)]));
  const rows = seesOnlySubmitted(access) ? all.filter((r) => r.invoice.status !== 'draft') : all;
  const latest = rows.at(-1)?.invoice.id;
  return {
    invoices: rows.map(({ invoice: i, period: p }, idx) => {
      const previousLine6 = idx > 0 ? (rows[idx - 1]!.invoice.line6FrozenCents ?? 0) : 0;
      return {
        id: i.id,
        number: i.number,
        status: i.status,
        kind: i.kind,
        version: i.version,
        billingPeriod: { id: p.id, start: p.startDate, end: p.endDate, due: p.dueDate },
        isLatest: i.id === latest,
        line6FrozenCents: i.line6FrozenCents,
        // line 8 of an invoice out of draft: its frozen line 6 less the previous invoice's frozen line 6
        currentPaymentDueCents: i.line6FrozenCents == null ? null : i.line6FrozenCents - previousLine6,
        createdAt: i.createdAt,
        payment: paymentSummaryOf(i, previousLine6, access.contract.paymentTermsDays, paid.get(i.id) ?? 0),
      };
    }),
  };
}

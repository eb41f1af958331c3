import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { billingPeriods, invoices } from '../../db/schema';
import { loadContractAccess, seesOnlySubmitted } from '../access/contract-access';

/** The contract's invoices with number, period, status and the figures a list needs (line 8 due). */
export async function listInvoices({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  const all = await ctx.db
    .select({ invoice: invoices, period: billingPeriods })
    .from(invoices)
    .innerJoin(billingPeriods, eq(billingPeriods.id, invoices.billingPeriodId))
    .where(eq(invoices.contractId, input.contractId))
    .orderBy(asc(invoices.number));
  const rows = seesOnlySubmitted(access) ? all.filter((r) => r.invoice.status !== 'draft') : all;
  const latest = rows.at(-1)?.invoice.id;
  return {
    invoices: rows.map(({ invoice: i, period: p }, idx) => ({
      id: i.id,
      number: i.number,
      status: i.status,
      kind: i.kind,
      version: i.version,
      billingPeriod: { id: p.id, start: p.startDate, end: p.endDate, due: p.dueDate },
      isLatest: i.id === latest,
      line6FrozenCents: i.line6FrozenCents,
      // line 8 of an invoice out of draft: its frozen line 6 less the previous invoice's frozen line 6
      currentPaymentDueCents: i.line6FrozenCents == null ? null : i.line6FrozenCents - (idx > 0 ? (rows[idx - 1]!.invoice.line6FrozenCents ?? 0) : 0),
      createdAt: i.createdAt,
    })),
  };
}

import { eq, inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { changeOrderLines, changeOrders, contractInvoiceContacts, contractPrivateMembers, sovLines } from '../../db/schema';

/** Lists and sums shown with contracts, for many contracts in four queries. */
export async function loadContractExtras(ctx: ServiceCtx, contractIds: string[]) {
  const empty = () => ({
    privateUserIds: [] as string[],
    invoiceContactUserIds: [] as string[],
    originalContractSumCents: 0,
    approvedChangeOrdersCents: 0,
    lineCount: 0,
  });
  const out = new Map(contractIds.map((id) => [id, empty()]));
  if (!contractIds.length) return out;
  const [priv, contacts, sums, cos] = await ctx.db.batch([
    ctx.db.select().from(contractPrivateMembers).where(inArray(contractPrivateMembers.contractId, contractIds)),
    ctx.db.select().from(contractInvoiceContacts).where(inArray(contractInvoiceContacts.contractId, contractIds)),
    ctx.db
      .select({ contractId: sovLines.contractId, total: sql<number>`coalesce(sum(${sovLines.originalScheduledValueCents}), 0)`, n: sql<number>`count(*)` })
      .from(sovLines)
      .where(inArray(sovLines.contractId, contractIds))
      .groupBy(sovLines.contractId),
    ctx.db
      .select({ contractId: changeOrders.contractId, total: sql<number>`coalesce(sum(${changeOrderLines.amountCents}), 0)` })
      .from(changeOrders)
      .innerJoin(changeOrderLines, eq(changeOrderLines.changeOrderId, changeOrders.id))
      .where(sql`${inArray(changeOrders.contractId, contractIds)} AND ${changeOrders.status} = 'approved'`)
      .groupBy(changeOrders.contractId),
  ]);
  for (const r of priv) out.get(r.contractId)!.privateUserIds.push(r.userId);
  for (const r of contacts) out.get(r.contractId)!.invoiceContactUserIds.push(r.userId);
  for (const r of sums) Object.assign(out.get(r.contractId)!, { originalContractSumCents: r.total, lineCount: r.n });
  for (const r of cos) out.get(r.contractId)!.approvedChangeOrdersCents = r.total;
  return out;
}

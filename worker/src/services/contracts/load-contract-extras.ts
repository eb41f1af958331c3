import { eq, inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import type { WorkType } from '@shared/jurisdiction/jurisdictions';
import { changeOrderLines, changeOrders, contractInvoiceContacts, contractPrivateMembers, contracts, projects, sovLines } from '../../db/schema';

/** Lists and sums shown with contracts, and what the jurisdiction rules read, for many contracts in one batch of five queries. */
export async function loadContractExtras(ctx: ServiceCtx, contractIds: string[]) {
  const empty = () => ({
    privateUserIds: [] as string[],
    invoiceContactUserIds: [] as string[],
    originalContractSumCents: 0,
    approvedChangeOrdersCents: 0,
    lineCount: 0,
    /** the project's jurisdiction and work type, and the highest rate any line sets for itself (shared/jurisdiction/rules.ts) */
    ruleFacts: { jurisdiction: null as string | null, workType: 'private' as WorkType, maxLineRetainageBps: 0 },
  });
  const out = new Map(contractIds.map((id) => [id, empty()]));
  if (!contractIds.length) return out;
  const [priv, contacts, sums, cos, places] = await ctx.db.batch([
    ctx.db.select().from(contractPrivateMembers).where(inArray(contractPrivateMembers.contractId, contractIds)),
    ctx.db.select().from(contractInvoiceContacts).where(inArray(contractInvoiceContacts.contractId, contractIds)),
    ctx.db
      .select({
        contractId: sovLines.contractId,
        total: sql<number>`coalesce(sum(${sovLines.originalScheduledValueCents}), 0)`,
        n: sql<number>`count(*)`,
        maxRate: sql<number>`coalesce(max(max(coalesce(${sovLines.workRetainageBps}, 0), coalesce(${sovLines.storedRetainageBps}, 0))), 0)`,
      })
      .from(sovLines)
      .where(inArray(sovLines.contractId, contractIds))
      .groupBy(sovLines.contractId),
    ctx.db
      .select({ contractId: changeOrders.contractId, total: sql<number>`coalesce(sum(${changeOrderLines.amountCents}), 0)` })
      .from(changeOrders)
      .innerJoin(changeOrderLines, eq(changeOrderLines.changeOrderId, changeOrders.id))
      .where(sql`${inArray(changeOrders.contractId, contractIds)} AND ${changeOrders.status} = 'approved'`)
      .groupBy(changeOrders.contractId),
    ctx.db
      .select({ contractId: contracts.id, jurisdiction: projects.jurisdiction, workType: projects.workType })
      .from(contracts)
      .innerJoin(projects, eq(projects.id, contracts.projectId))
      .where(inArray(contracts.id, contractIds)),
  ]);
  for (const r of priv) out.get(r.contractId)!.privateUserIds.push(r.userId);
  for (const r of contacts) out.get(r.contractId)!.invoiceContactUserIds.push(r.userId);
  for (const r of sums) {
    const e = out.get(r.contractId)!;
    Object.assign(e, { originalContractSumCents: r.total, lineCount: r.n });
    e.ruleFacts.maxLineRetainageBps = r.maxRate;
  }
  for (const r of places) Object.assign(out.get(r.contractId)!.ruleFacts, { jurisdiction: r.jurisdiction, workType: r.workType });
  for (const r of cos) out.get(r.contractId)!.approvedChangeOrdersCents = r.total;
  return out;
}

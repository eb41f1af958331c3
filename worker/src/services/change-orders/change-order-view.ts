import { asc, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { changeOrderLines, type changeOrders, sovLines } from '../../db/schema';

export async function changeOrderViews(ctx: ServiceCtx, rows: Array<typeof changeOrders.$inferSelect>) {
  if (!rows.length) return [];
  const lines = await ctx.db
    .select({ line: changeOrderLines, itemNo: sovLines.itemNo, description: sovLines.description })
    .from(changeOrderLines)
    .innerJoin(sovLines, eq(sovLines.id, changeOrderLines.sovLineId))
    .where(
      inArray(
        changeOrderLines.changeOrderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(sovLines.position));
  return rows.map((co) => {
    const mine = lines.filter((l) => l.line.changeOrderId === co.id);
    return {
      id: co.id,
      contractId: co.contractId,
      number: co.number,
      title: co.title,
      status: co.status,
      approvedOn: co.approvedOn,
      approvedAt: co.approvedAt,
      amountCents: mine.reduce((s, l) => s + l.line.amountCents, 0),
      lines: mine.map((l) => ({ lineId: l.line.sovLineId, itemNo: l.itemNo, description: l.description, amountCents: l.line.amountCents })),
    };
  });
}

import { inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { changeOrderLines, type changeOrders } from '../../db/schema';
import type { InvoiceState } from './invoice-state';

/** Per-SOV-line totals and per-CO amounts for a set of change orders (C and the CO summary read them). */
export async function changeOrderAmounts(ctx: ServiceCtx, cos: Array<typeof changeOrders.$inferSelect>) {
  const byLine = new Map<string, number>();
  const list: InvoiceState['includedChangeOrders'] = [];
  if (!cos.length) return { byLine, changeOrders: list };
  const lines = await ctx.db
    .select()
    .from(changeOrderLines)
    .where(
      inArray(
        changeOrderLines.changeOrderId,
        cos.map((c) => c.id),
      ),
    );
  for (const co of [...cos].sort((a, b) => a.number - b.number)) {
    let amount = 0;
    for (const l of lines) {
      if (l.changeOrderId !== co.id) continue;
      amount += l.amountCents;
      byLine.set(l.sovLineId, (byLine.get(l.sovLineId) ?? 0) + l.amountCents);
    }
    list.push({ id: co.id, number: co.number, title: co.title, amountCents: amount, approvedOn: co.approvedOn ?? '' });
  }
  return { byLine, changeOrders: list };
}

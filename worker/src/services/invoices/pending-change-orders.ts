import { and, eq, notExists } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { changeOrders, invoiceChangeOrders } from '../../db/schema';
import type { Invoice } from './invoice-state';

/** Approved change orders of the contract that this invoice does not include yet. */
export function pendingChangeOrdersQuery(ctx: ServiceCtx, invoice: Invoice) {
  return ctx.db
    .select()
    .from(changeOrders)
    .where(
      and(
        eq(changeOrders.contractId, invoice.contractId),
        eq(changeOrders.status, 'approved'),
        notExists(
          ctx.db
            .select({ one: invoiceChangeOrders.changeOrderId })
            .from(invoiceChangeOrders)
            .where(and(eq(invoiceChangeOrders.invoiceId, invoice.id), eq(invoiceChangeOrders.changeOrderId, changeOrders.id))),
        ),
      ),
    )
    .orderBy(changeOrders.number);
}

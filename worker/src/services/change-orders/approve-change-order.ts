import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { changeOrders } from '../../db/schema';
import { AppError, asNotFound, notFound } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';
import { changeOrderViews } from './change-order-view';

/**
 * pending → approved with its business approval date. Existing invoices are not changed by this:
 * the latest one shows it as pending and an admin adds it (docs/domain.md "Invoice lifecycle").
 */
export async function approveChangeOrder({ ctx, input }: { ctx: ServiceCtx; input: { changeOrderId: string; approvedOn: string } }) {
  const [co] = await ctx.db.select().from(changeOrders).where(eq(changeOrders.id, input.changeOrderId));
  if (!co) throw notFound('Change order');
  const access = await asNotFound(loadContractAccess(ctx, co.contractId), 'Change order');
  requireToolAdmin(access, 'Approving change orders');
  if (co.status !== 'pending') throw new AppError('INVALID_STATE', `Change order #${co.number} is already ${co.status}`);
  await ctx.db
    .update(changeOrders)
    .set({ status: 'approved', approvedOn: input.approvedOn, approvedAt: nowIso() })
    .where(and(eq(changeOrders.id, co.id), eq(changeOrders.status, 'pending')));
  const [row] = await ctx.db.select().from(changeOrders).where(eq(changeOrders.id, co.id));
  return (await changeOrderViews(ctx, [row!]))[0]!;
}

import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { changeOrders } from '../../db/schema';
import { loadContractAccess } from '../access/contract-access';
import { changeOrderViews } from './change-order-view';

export async function listChangeOrders({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  await loadContractAccess(ctx, input.contractId);
  const rows = await ctx.db.select().from(changeOrders).where(eq(changeOrders.contractId, input.contractId)).orderBy(asc(changeOrders.number));
  return { changeOrders: await changeOrderViews(ctx, rows) };
}

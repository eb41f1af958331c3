import { and, eq, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contracts, sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';
import { getContract } from './get-contract';

/** draft → approved. Needs at least one SOV line; after this the SOV changes only by change orders. */
export async function approveContract({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  requireToolAdmin(access, 'Approving a contract');
  if (access.contract.status !== 'draft') {
    throw new AppError('INVALID_STATE', `Contract #${access.contract.number} is already ${access.contract.status}`);
  }
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)` }).from(sovLines).where(eq(sovLines.contractId, input.contractId));
  if (!n) throw new AppError('INVALID_STATE', 'A contract needs at least one schedule of values line before it can be approved');
  await ctx.db
    .update(contracts)
    .set({ status: 'approved' })
    .where(and(eq(contracts.id, input.contractId), eq(contracts.status, 'draft')));
  return getContract({ ctx, input });
}

import { eq } from 'drizzle-orm';
import type { TUpdateContract } from '@shared/api/contracts';
import type { ServiceCtx } from '../../context';
import { contracts } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';
import { requireUsers, replaceListStatements } from './contract-lists';
import { getContract } from './get-contract';

/**
 * Terms may change; invoices already out of draft keep their frozen figures because every invoice
 * line stores its computed snapshot. The accounting method never changes (not in the schema).
 */
export async function updateContract({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; body: TUpdateContract } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  requireToolAdmin(access, 'Changing a contract');
  const b = input.body;
  if (b.status && access.contract.status === 'draft') {
    throw new AppError('INVALID_STATE', `Contract #${access.contract.number} is a draft: approve it before marking it ${b.status}`);
  }
  await requireUsers(ctx, 'privateUserIds', b.privateUserIds ?? [], access.contract.projectId);
  await requireUsers(ctx, 'invoiceContactUserIds', b.invoiceContactUserIds ?? [], access.contract.projectId);
  const { retainageReduction, privateUserIds, invoiceContactUserIds, ...plain } = b;
  const patch: Partial<typeof contracts.$inferInsert> = { ...plain };
  if (retainageReduction !== undefined) {
    patch.reductionThresholdBps = retainageReduction?.thresholdPercentCompleteBps ?? null;
    patch.reductionWorkRateBps = retainageReduction?.reducedWorkRateBps ?? null;
    patch.reductionMode = retainageReduction?.mode ?? null;
  }
  const statements = [
    ...(Object.keys(patch).length ? [ctx.db.update(contracts).set(patch).where(eq(contracts.id, input.contractId))] : []),
    ...replaceListStatements(ctx, input.contractId, { privateUserIds, invoiceContactUserIds }),
  ];
  if (statements.length) await ctx.db.batch(statements as never);
  return getContract({ ctx, input: { contractId: input.contractId } });
}

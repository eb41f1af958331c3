import { sql } from 'drizzle-orm';
import type { TCreateContract } from '@shared/api/contracts';
import type { ServiceCtx } from '../../context';
import { contracts } from '../../db/schema';
import { newId } from '../../lib/ids';
import { toolOf } from '../access/levels';
import { loadProjectAccess, requireProjectToolAdmin } from '../access/project-access';
import { requireUsers, replaceListStatements } from './contract-lists';
import { getContract } from './get-contract';

/** A new contract starts in draft; its accounting method is fixed from here on. */
export async function createContract({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: TCreateContract } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  const b = input.body;
  requireProjectToolAdmin(access, toolOf(b.kind), 'Creating a contract');
  await requireUsers(ctx, 'privateUserIds', b.privateUserIds, input.projectId);
  await requireUsers(ctx, 'invoiceContactUserIds', b.invoiceContactUserIds, input.projectId);
  const id = newId('ctr');
  const reduction = b.retainageReduction;
  await ctx.db.batch([
    ctx.db.insert(contracts).values({
      id,
      projectId: input.projectId,
      kind: b.kind,
      // numbered 1, 2, 3… per project and kind; the unique index settles a race
      number: sql`(SELECT coalesce(max(number), 0) + 1 FROM contracts WHERE project_id = ${input.projectId} AND kind = ${b.kind})`,
      title: b.title,
      counterpartyCompanyId: b.counterpartyCompanyId,
      accountingMethod: b.accountingMethod,
      workRetainageBps: b.workRetainageBps,
      storedRetainageBps: b.storedRetainageBps,
      reductionThresholdBps: reduction?.thresholdPercentCompleteBps ?? null,
      reductionWorkRateBps: reduction?.reducedWorkRateBps ?? null,
      reductionMode: reduction?.mode ?? null,
      allowOverbilling: b.allowOverbilling,
      isPrivate: b.isPrivate,
      contractDate: b.contractDate,
      architect: b.architect,
      description: b.description,
      paymentTermsDays: b.paymentTermsDays,
      remindersEnabled: b.remindersEnabled,
      reminderCadenceDays: b.reminderCadenceDays,
    }),
    ...replaceListStatements(ctx, id, { privateUserIds: b.privateUserIds, invoiceContactUserIds: b.invoiceContactUserIds }),
  ] as never);
  return getContract({ ctx, input: { contractId: id } });
}

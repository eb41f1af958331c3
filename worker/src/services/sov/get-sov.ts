import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups, sovLines } from '../../db/schema';
import { loadContractAccess } from '../access/contract-access';

export async function getSov({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  await loadContractAccess(ctx, input.contractId);
  const [lines, groups] = await ctx.db.batch([
    ctx.db.select().from(sovLines).where(eq(sovLines.contractId, input.contractId)).orderBy(asc(sovLines.position)),
    ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, input.contractId)).orderBy(asc(sovGroups.position)),
  ]);
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name, position: g.position })),
    lines: lines.map((l) => ({
      id: l.id,
      itemNo: l.itemNo,
      costCode: l.costCode,
      description: l.description,
      groupId: l.groupId,
      position: l.position,
      scheduledValueCents: l.originalScheduledValueCents,
      scheduledQty: l.scheduledQty,
      unitOfMeasure: l.unitOfMeasure,
      unitPrice: l.unitPrice,
      hasSubtotalOverride: l.hasSubtotalOverride,
      workRetainageBps: l.workRetainageBps,
      storedRetainageBps: l.storedRetainageBps,
      changeOrderId: l.changeOrderId,
    })),
  };
}

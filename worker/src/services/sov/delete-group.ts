import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups, sovLines } from '../../db/schema';
import { adminAccess, findGroup } from './group-access';

/** Deleting a group keeps its lines; they become ungrouped. */
export async function deleteGroup({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; groupId: string } }) {
  await adminAccess(ctx, input.contractId);
  const g = await findGroup(ctx, input.contractId, input.groupId);
  await ctx.db.batch([
    ctx.db.update(sovLines).set({ groupId: null }).where(eq(sovLines.groupId, g.id)),
    ctx.db.delete(sovGroups).where(eq(sovGroups.id, g.id)),
  ]);
  return { deleted: true };
}

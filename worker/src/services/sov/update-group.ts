import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups } from '../../db/schema';
import { adminAccess, findGroup, nameTaken } from './group-access';

/** Rename (and optionally move) a group; names are unique per contract. */
export async function updateGroup({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; groupId: string; name: string; position?: number } }) {
  await adminAccess(ctx, input.contractId);
  const g = await findGroup(ctx, input.contractId, input.groupId);
  const [clash] = await ctx.db
    .select()
    .from(sovGroups)
    .where(and(eq(sovGroups.contractId, input.contractId), eq(sovGroups.name, input.name)));
  if (clash && clash.id !== g.id) throw nameTaken(input.name);
  const position = input.position ?? g.position;
  await ctx.db.update(sovGroups).set({ name: input.name, position }).where(eq(sovGroups.id, g.id));
  return { id: g.id, name: input.name, position };
}

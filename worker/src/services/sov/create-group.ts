import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups } from '../../db/schema';
import { newId } from '../../lib/ids';
import { adminAccess, nameTaken } from './group-access';

export async function createGroup({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; name: string; position?: number } }) {
  await adminAccess(ctx, input.contractId);
  const existing = await ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, input.contractId));
  if (existing.some((g) => g.name === input.name)) throw nameTaken(input.name);
  const row = { id: newId('grp'), contractId: input.contractId, name: input.name, position: input.position ?? existing.length };
  await ctx.db.insert(sovGroups).values(row);
  return { id: row.id, name: row.name, position: row.position };
}

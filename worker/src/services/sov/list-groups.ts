import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups } from '../../db/schema';
import { loadContractAccess } from '../access/contract-access';

export async function listGroups({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  await loadContractAccess(ctx, input.contractId);
  const rows = await ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, input.contractId)).orderBy(sovGroups.position);
  return { groups: rows.map(({ id, name, position }) => ({ id, name, position })) };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups, sovLines } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';

// Custom groups organise the SOV (outline, subtotals); they never change a figure, so any
// contract status allows them. Writing needs admin on the contract's tool.

async function adminAccess(ctx: ServiceCtx, contractId: string) {
  const access = await loadContractAccess(ctx, contractId);
  requireToolAdmin(access, 'Managing custom groups');
  return access;
}

async function findGroup(ctx: ServiceCtx, contractId: string, groupId: string) {
  const [g] = await ctx.db.select().from(sovGroups).where(and(eq(sovGroups.id, groupId), eq(sovGroups.contractId, contractId)));
  if (!g) throw notFound('Group');
  return g;
}

function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', `A group named "${name}" already exists on this contract`, [{ field: 'name', code: 'DUPLICATE', message: `"${name}" is taken` }]);
}

export async function listGroups({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  await loadContractAccess(ctx, input.contractId);
  const rows = await ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, input.contractId)).orderBy(sovGroups.position);
  return { groups: rows.map(({ id, name, position }) => ({ id, name, position })) };
}

export async function createGroup({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; name: string; position?: number } }) {
  await adminAccess(ctx, input.contractId);
  const existing = await ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, input.contractId));
  if (existing.some((g) => g.name === input.name)) throw nameTaken(input.name);
  const row = { id: newId('grp'), contractId: input.contractId, name: input.name, position: input.position ?? existing.length };
  await ctx.db.insert(sovGroups).values(row);
  return { id: row.id, name: row.name, position: row.position };
}

export async function updateGroup({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; groupId: string; name: string; position?: number } }) {
  await adminAccess(ctx, input.contractId);
  const g = await findGroup(ctx, input.contractId, input.groupId);
  const [clash] = await ctx.db.select().from(sovGroups).where(and(eq(sovGroups.contractId, input.contractId), eq(sovGroups.name, input.name)));
  if (clash && clash.id !== g.id) throw nameTaken(input.name);
  await ctx.db.update(sovGroups).set({ name: input.name, position: input.position ?? g.position }).where(eq(sovGroups.id, g.id));
  return { id: g.id, name: input.name, position: input.position ?? g.position };
}

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

/** Assigns lines to a group (groupId null = ungroup). Unknown line ids are reported, nothing changes. */
export async function assignLines({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; groupId: string | null; lineIds: string[] } }) {
  await adminAccess(ctx, input.contractId);
  if (input.groupId) await findGroup(ctx, input.contractId, input.groupId);
  const found = await ctx.db
    .select({ id: sovLines.id })
    .from(sovLines)
    .where(and(eq(sovLines.contractId, input.contractId), inArray(sovLines.id, input.lineIds)));
  const known = new Set(found.map((r) => r.id));
  const missing = input.lineIds.filter((id) => !known.has(id));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `${missing.length} line(s) are not on this contract`, missing.map((id) => ({ lineId: id, field: 'lineIds', code: 'LINE_NOT_FOUND', message: `No line ${id} on this contract` })));
  }
  const CHUNK = 90; // ≤ 100 bound parameters per statement
  const statements = [];
  for (let i = 0; i < input.lineIds.length; i += CHUNK) {
    statements.push(ctx.db.update(sovLines).set({ groupId: input.groupId }).where(inArray(sovLines.id, input.lineIds.slice(i, i + CHUNK))));
  }
  await ctx.db.batch(statements as never);
  return { groupId: input.groupId, lineCount: input.lineIds.length };
}

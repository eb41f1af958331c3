import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { sovGroups } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';

// Custom groups organise the SOV (outline, subtotals); they never change a figure, so any
// contract status allows them. Writing needs admin on the contract's tool.

export async function adminAccess(ctx: ServiceCtx, contractId: string) {
  const access = await loadContractAccess(ctx, contractId);
  requireToolAdmin(access, 'Managing custom groups');
  return access;
}

export async function findGroup(ctx: ServiceCtx, contractId: string, groupId: string) {
  const [g] = await ctx.db
    .select()
    .from(sovGroups)
    .where(and(eq(sovGroups.id, groupId), eq(sovGroups.contractId, contractId)));
  if (!g) throw notFound('Group');
  return g;
}

export function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', `A group named "${name}" already exists on this contract`, [
    { field: 'name', code: 'DUPLICATE', message: `"${name}" is taken` },
  ]);
}

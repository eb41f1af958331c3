import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { directCosts } from '../../db/schema';
import { AppError, orNullIfNotFound } from '../../lib/app-error';
import { loadContractAccess } from '../access/contract-access';
import { atLeast } from '../access/levels';
import { loadProjectAccess } from '../access/project-access';
import { directCostView } from './direct-cost-view';

/**
 * A cost linked to a contract the user may not see (a private one, or the other tool's) is left
 * out, its amount too: it would disclose the contract, its vendor and amount (docs/security-rules.md).
 */
export async function visibleCosts<T extends { contractId: string | null }>(ctx: ServiceCtx, rows: T[]): Promise<T[]> {
  const seen = new Map<string, boolean>();
  for (const id of new Set(rows.map((r) => r.contractId).filter((x): x is string => !!x))) {
    seen.set(id, !!(await orNullIfNotFound(loadContractAccess(ctx, id))));
  }
  return rows.filter((r) => !r.contractId || seen.get(r.contractId));
}

/** Direct costs by date (optionally from/to, inclusive), for project members with read access on a tool. */
export async function listDirectCosts({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; from?: string; to?: string } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  // invoice contacts of other companies see the project for their invoices, not the contractor's costs
  if (!access.isMember || !(atLeast(access.primeContracts, 'read_only') || atLeast(access.commitments, 'read_only'))) {
    throw new AppError('FORBIDDEN', 'Direct costs are visible to project members with access to Prime Contracts or Commitments');
  }
  const where: SQL[] = [eq(directCosts.projectId, input.projectId)];
  if (input.from) where.push(gte(directCosts.incurredOn, input.from));
  if (input.to) where.push(lte(directCosts.incurredOn, input.to));
  const all = await ctx.db
    .select()
    .from(directCosts)
    .where(and(...where))
    .orderBy(asc(directCosts.incurredOn), asc(directCosts.createdAt));
  const rows = await visibleCosts(ctx, all);
  return { directCosts: rows.map(directCostView), totalCents: rows.reduce((s, r) => s + r.amountCents, 0) };
}

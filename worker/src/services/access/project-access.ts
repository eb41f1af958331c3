import { and, eq, exists } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contracts, projectMembers, projects } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { toolName, type Level, type Tool } from './levels';

export type ProjectAccess = {
  project: typeof projects.$inferSelect;
  primeContracts: Level;
  commitments: Level;
  isMember: boolean;
};

/** A project is visible to its members and to invoice contacts of any of its contracts; others get 404. */
export async function loadProjectAccess(ctx: ServiceCtx, projectId: string): Promise<ProjectAccess> {
  const [row] = await ctx.db
    .select({ project: projects, member: projectMembers })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, ctx.user.id)))
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) throw notFound('Project');
  if (!row.member) {
    const [contact] = await ctx.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.projectId, projectId),
          exists(
            ctx.db
              .select({ one: contractInvoiceContacts.userId })
              .from(contractInvoiceContacts)
              .where(and(eq(contractInvoiceContacts.contractId, contracts.id), eq(contractInvoiceContacts.userId, ctx.user.id))),
          ),
        ),
      )
      .limit(1);
    if (!contact) throw notFound('Project');
    return { project: row.project, primeContracts: 'none', commitments: 'none', isMember: false };
  }
  return {
    project: row.project,
    primeContracts: row.member.primeContractsLevel,
    commitments: row.member.commitmentsLevel,
    isMember: true,
  };
}

export function levelOn(access: ProjectAccess, tool: Tool): Level {
  return tool === 'prime_contracts' ? access.primeContracts : access.commitments;
}

export function requireProjectToolAdmin(access: ProjectAccess, tool: Tool, action: string): void {
  if (levelOn(access, tool) !== 'admin') {
    throw new AppError('FORBIDDEN', `${action} needs admin permission on ${toolName(tool)}`);
  }
}

/** Project-wide administration (members, billing periods): admin on either tool. */
export function requireAnyToolAdmin(access: ProjectAccess, action: string): void {
  if (access.primeContracts !== 'admin' && access.commitments !== 'admin') {
    throw new AppError('FORBIDDEN', `${action} needs admin permission on Prime Contracts or Commitments`);
  }
}

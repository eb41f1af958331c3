import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contracts, projectMembers, projects } from '../../db/schema';

/** Projects the user is a member of, or an invoice contact on a contract of. */
export async function listProjects({ ctx }: { ctx: ServiceCtx; input?: undefined }) {
  const rows = await ctx.db
    .select({ project: projects, prime: projectMembers.primeContractsLevel, commitments: projectMembers.commitmentsLevel })
    .from(projects)
    // only this user's own member row: another member's levels must never show as theirs
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, ctx.user.id)))
    .where(
      or(
        isNotNull(projectMembers.userId),
        inArray(
          projects.id,
          ctx.db
            .select({ id: contracts.projectId })
            .from(contractInvoiceContacts)
            .innerJoin(contracts, eq(contracts.id, contractInvoiceContacts.contractId))
            .where(eq(contractInvoiceContacts.userId, ctx.user.id)),
        ),
      ),
    )
    .orderBy(projects.name);
  const seen = new Map<string, ReturnType<typeof projectView>>();
  for (const r of rows) {
    const isMine = r.prime !== null;
    if (!seen.has(r.project.id) || isMine)
      seen.set(r.project.id, projectView(r.project, isMine ? { primeContracts: r.prime!, commitments: r.commitments! } : null));
  }
  return { projects: [...seen.values()] };
}

export function projectView(p: typeof projects.$inferSelect, levels: { primeContracts: string; commitments: string } | null) {
  return {
    id: p.id,
    name: p.name,
    number: p.number,
    address: p.address,
    jurisdiction: p.jurisdiction,
    workType: p.workType,
    permissions: levels ?? { primeContracts: 'none', commitments: 'none' },
  };
}

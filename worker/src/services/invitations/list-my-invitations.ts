import { and, desc, eq } from 'drizzle-orm';
import type { TInvitations } from '@shared/api/projects';
import type { ServiceCtx } from '../../context';
import { projectInvitations, projects, users } from '../../db/schema';

/** The signed-in user's pending invitations (to their address), newest first, with who invited them. */
export async function listMyInvitations({ ctx }: { ctx: ServiceCtx; input: Record<string, never> }): Promise<TInvitations> {
  const rows = await ctx.db
    .select({ invitation: projectInvitations, projectName: projects.name, invitedByName: users.name })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .innerJoin(users, eq(users.id, projectInvitations.invitedBy))
    .where(and(eq(projectInvitations.email, ctx.user.email.toLowerCase()), eq(projectInvitations.status, 'pending')))
    .orderBy(desc(projectInvitations.createdAt));
  return {
    invitations: rows.map((r) => ({
      id: r.invitation.id,
      projectId: r.invitation.projectId,
      projectName: r.projectName,
      invitedBy: r.invitedByName,
      primeContracts: r.invitation.primeContractsLevel,
      commitments: r.invitation.commitmentsLevel,
      createdAt: r.invitation.createdAt,
    })),
  };
}

import { and, eq } from 'drizzle-orm';
import type { TAddMember } from '@shared/api/projects';
import type { ServiceCtx } from '../../context';
import { projectInvitations, projectMembers, users } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';

export type AddMemberResult =
  | { projectId: string; userId: string; email: string; primeContracts: TAddMember['primeContracts']; commitments: TAddMember['commitments'] }
  | {
      projectId: string;
      invitation: { id: string; email: string; status: 'pending'; primeContracts: TAddMember['primeContracts']; commitments: TAddMember['commitments'] };
    };

/**
 * Needs admin on a tool of the project (docs/security-rules.md "Membership").
 * - By userId: sets the levels of a user of the project's company or of an existing member.
 *   Anyone else is answered like an unknown id: an account of another company is never added
 *   without its consent.
 * - By email: always records an invitation (the same work and the same answer whether or not the
 *   address has an account: no account oracle). The person becomes a member when the signed-in
 *   user with that address accepts it (POST /invitations/:id/accept); until then they are in no
 *   list, no directory and no /projects.
 */
export async function addMember({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: TAddMember } }): Promise<AddMemberResult> {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Managing project members');
  const { body } = input;
  const levels = { primeContractsLevel: body.primeContracts, commitmentsLevel: body.commitments };
  if (!body.userId) {
    const email = normalizeEmail(body.email!);
    const [pending] = await ctx.db
      .select({ id: projectInvitations.id })
      .from(projectInvitations)
      .where(and(eq(projectInvitations.projectId, input.projectId), eq(projectInvitations.email, email), eq(projectInvitations.status, 'pending')))
      .limit(1);
    const id = pending?.id ?? newId('inv');
    if (pending)
      await ctx.db
        .update(projectInvitations)
        .set({ ...levels, invitedBy: ctx.user.id, createdAt: nowIso() })
        .where(eq(projectInvitations.id, id));
    else await ctx.db.insert(projectInvitations).values({ id, projectId: input.projectId, email, invitedBy: ctx.user.id, ...levels });
    return { projectId: input.projectId, invitation: { id, email, status: 'pending', primeContracts: body.primeContracts, commitments: body.commitments } };
  }
  const [row] = await ctx.db
    .select({ user: users, memberId: projectMembers.userId })
    .from(users)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, users.id)))
    .where(eq(users.id, body.userId))
    .limit(1);
  if (!row || (row.user.companyId !== access.project.companyId && !row.memberId)) {
    throw new AppError('VALIDATION_FAILED', 'No such user', [
      { field: 'userId', code: 'UNKNOWN_USER', message: `No user ${body.userId} in your company or this project: invite people of other companies by email` },
    ]);
  }
  await ctx.db
    .insert(projectMembers)
    .values({ projectId: input.projectId, userId: row.user.id, ...levels })
    .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: levels });
  return { projectId: input.projectId, userId: row.user.id, email: row.user.email, primeContracts: body.primeContracts, commitments: body.commitments };
}

import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { projectInvitations, projectMembers } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { nowIso } from '../../lib/ids';

/**
 * Accept or decline an invitation addressed to the signed-in user's email (anyone else: 404).
 * Accepting with a level on a tool makes the user a member with those levels; accepting with none
 * on both (an owner's or subcontractor's invoice contact) makes them one of the project's people
 * who may be named invoice contact, without membership (docs/security-rules.md "Membership").
 */
export async function respondToInvitation({ ctx, input }: { ctx: ServiceCtx; input: { invitationId: string; accept: boolean } }) {
  const [inv] = await ctx.db
    .select()
    .from(projectInvitations)
    .where(and(eq(projectInvitations.id, input.invitationId), eq(projectInvitations.email, ctx.user.email.toLowerCase())))
    .limit(1);
  if (!inv) throw notFound('Invitation');
  if (inv.status !== 'pending') throw new AppError('INVALID_STATE', `This invitation was already ${inv.status}`);
  const status = input.accept ? ('accepted' as const) : ('declined' as const);
  const levels = { primeContractsLevel: inv.primeContractsLevel, commitmentsLevel: inv.commitmentsLevel };
  const makesMember = input.accept && (levels.primeContractsLevel !== 'none' || levels.commitmentsLevel !== 'none');
  await ctx.db.batch([
    ctx.db
      .update(projectInvitations)
      .set({ status, respondedAt: nowIso() })
      .where(and(eq(projectInvitations.id, inv.id), eq(projectInvitations.status, 'pending'))),
    ...(makesMember
      ? [
          ctx.db
            .insert(projectMembers)
            .values({ projectId: inv.projectId, userId: ctx.user.id, ...levels })
            .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: levels }),
        ]
      : []),
  ]);
  return { id: inv.id, projectId: inv.projectId, status, isMember: makesMember };
}

import { eq } from 'drizzle-orm';
import type { TAddMember } from '@shared/api/projects';
import type { ServiceCtx } from '../../context';
import { projectMembers, users } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';

/** Adds or updates a member's level per tool. Needs admin on a tool of the project. */
export async function addMember({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: TAddMember } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Managing project members');
  const { body } = input;
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(body.userId ? eq(users.id, body.userId) : eq(users.email, body.email!.toLowerCase()))
    .limit(1);
  if (!user) {
    throw new AppError('VALIDATION_FAILED', 'No such user', [
      { field: body.userId ? 'userId' : 'email', code: 'UNKNOWN_USER', message: `No user ${body.userId ?? body.email}` },
    ]);
  }
  const levels = { primeContractsLevel: body.primeContracts, commitmentsLevel: body.commitments };
  await ctx.db
    .insert(projectMembers)
    .values({ projectId: input.projectId, userId: user.id, ...levels })
    .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: levels });
  return { projectId: input.projectId, userId: user.id, email: user.email, primeContracts: body.primeContracts, commitments: body.commitments };
}

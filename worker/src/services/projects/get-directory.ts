import { eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { idChunks } from '../../db/client';
import { companies, projectMembers, users } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { loadProjectAccess } from '../access/project-access';
import { listContracts } from '../contracts/list-contracts';

/**
 * The people a member can address from the project (email To/CC suggestions): its members, and
 * the invoice contacts of the contracts this user may see. Members only: an owner's or a
 * subcontractor's invoice contact does not get the GC's staff list.
 */
export async function getDirectory({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  if (!access.isMember) throw new AppError('FORBIDDEN', 'The project directory is for project members');
  const { contracts } = await listContracts({ ctx, input });
  const contactIds = new Map<string, string[]>();
  for (const c of contracts) for (const id of c.invoiceContactUserIds) contactIds.set(id, [...(contactIds.get(id) ?? []), `#${c.number} ${c.title}`]);
  const members = await ctx.db.select({ userId: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, input.projectId));
  const ids = [...new Set([...members.map((m) => m.userId), ...contactIds.keys()])];
  const people = [];
  for (const part of idChunks(ids)) {
    people.push(
      ...(await ctx.db
        .select({ userId: users.id, name: users.name, email: users.email, companyId: companies.id, companyName: companies.name })
        .from(users)
        .innerJoin(companies, eq(companies.id, users.companyId))
        .where(inArray(users.id, part))),
    );
  }
  const memberIds = new Set(members.map((m) => m.userId));
  return {
    people: people
      .map((p) => ({ ...p, isMember: memberIds.has(p.userId), invoiceContactOf: contactIds.get(p.userId) ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { companies } from '../../db/schema';
import { listProjects } from '../projects/list-projects';

export async function getMe({ ctx }: { ctx: ServiceCtx }) {
  const [company] = await ctx.db.select().from(companies).where(eq(companies.id, ctx.user.companyId));
  const { projects } = await listProjects({ ctx });
  return { user: { ...ctx.user, companyName: company?.name ?? '' }, projects };
}

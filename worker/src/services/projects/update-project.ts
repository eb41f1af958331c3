import { eq } from 'drizzle-orm';
import type { TUpdateProject } from '@shared/api/projects';
import type { ServiceCtx } from '../../context';
import { projects } from '../../db/schema';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';
import { projectView } from './list-projects';

/**
 * Name, number, address, jurisdiction and work type of a project. Project-wide administration, like
 * members and billing periods: admin on either tool (403 for other members, 404 for anyone who may
 * not see the project). The jurisdiction drives the deadlines of shared/jurisdiction/rules.ts.
 */
export async function updateProject({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: TUpdateProject } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Changing the project');
  const patch = Object.fromEntries(Object.entries(input.body).filter(([, v]) => v !== undefined)) as TUpdateProject;
  let project = access.project;
  if (Object.keys(patch).length) {
    const [row] = await ctx.db.update(projects).set(patch).where(eq(projects.id, input.projectId)).returning();
    project = row!;
  }
  return projectView(project, { primeContracts: access.primeContracts, commitments: access.commitments });
}

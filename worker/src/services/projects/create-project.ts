import type { TCreateProject } from '@shared/api/projects';
import type { ServiceCtx } from '../../context';
import { projectMembers, projects } from '../../db/schema';
import { newId } from '../../lib/ids';
import { projectView } from './list-projects';

/** Any signed-in user may create a project for their company; the creator becomes admin on both tools. */
export async function createProject({ ctx, input }: { ctx: ServiceCtx; input: TCreateProject }) {
  const id = newId('prj');
  const row = {
    id,
    companyId: ctx.user.companyId,
    name: input.name,
    number: input.number,
    address: input.address,
    jurisdiction: input.jurisdiction,
    workType: input.workType,
  };
  await ctx.db.batch([
    ctx.db.insert(projects).values(row),
    ctx.db.insert(projectMembers).values({ projectId: id, userId: ctx.user.id, primeContractsLevel: 'admin', commitmentsLevel: 'admin' }),
  ]);
  return projectView({ ...row, createdAt: '' }, { primeContracts: 'admin', commitments: 'admin' });
}

import type { ServiceCtx } from '../../context';
import { loadProjectAccess } from '../access/project-access';
import { projectView } from './list-projects';

export async function getProject({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } }) {
  const a = await loadProjectAccess(ctx, input.projectId);
  return projectView(a.project, a.isMember ? { primeContracts: a.primeContracts, commitments: a.commitments } : null);
}

import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/projects';
import { createBillingPeriods } from '../services/billing-periods/create-billing-periods';
import { deleteBillingPeriod } from '../services/billing-periods/delete-billing-period';
import { listBillingPeriods } from '../services/billing-periods/list-billing-periods';
import { createContract } from '../services/contracts/create-contract';
import { listContracts } from '../services/contracts/list-contracts';
import { getMe } from '../services/me/get-me';
import { addMember } from '../services/projects/add-member';
import { getDirectory } from '../services/projects/get-directory';
import { createProject } from '../services/projects/create-project';
import { getProject } from '../services/projects/get-project';
import { listProjects } from '../services/projects/list-projects';
import { updateProject } from '../services/projects/update-project';

export const projectRoutes = routes()
  .openapi(def.getMe, async (c) => c.json(await getMe({ ctx: c.get('ctx') }), 200))
  .openapi(def.listProjects, async (c) => c.json(await listProjects({ ctx: c.get('ctx') }), 200))
  .openapi(def.createProject, async (c) => c.json(await createProject({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201))
  .openapi(def.getProject, async (c) => c.json(await getProject({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200))
  .openapi(def.updateProject, async (c) =>
    c.json(await updateProject({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(def.addMember, async (c) => {
    const out = await addMember({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } });
    return 'invitation' in out ? c.json(out, 202) : c.json(out, 201);
  })
  .openapi(def.listContracts, async (c) => c.json(await listContracts({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200))
  .openapi(def.createContract, async (c) =>
    c.json(await createContract({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.listBillingPeriods, async (c) => c.json(await listBillingPeriods({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200))
  .openapi(def.createBillingPeriods, async (c) =>
    c.json(await createBillingPeriods({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.deleteBillingPeriod, async (c) => c.json(await deleteBillingPeriod({ ctx: c.get('ctx'), input: { periodId: c.req.valid('param').id } }), 200))
  .openapi(def.getDirectory, async (c) => c.json(await getDirectory({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200));

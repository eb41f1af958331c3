import { Hono } from 'hono';
import { ZAddMember, ZCreateBillingPeriods, ZCreateProject } from '@shared/api/projects';
import { ZCreateContract } from '@shared/api/contracts';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { readJson } from '../lib/validate';
import { createBillingPeriods } from '../services/billing-periods/create-billing-periods';
import { deleteBillingPeriod } from '../services/billing-periods/delete-billing-period';
import { listBillingPeriods } from '../services/billing-periods/list-billing-periods';
import { createContract } from '../services/contracts/create-contract';
import { listContracts } from '../services/contracts/list-contracts';
import { addMember } from '../services/projects/add-member';
import { getDirectory } from '../services/projects/get-directory';
import { createProject } from '../services/projects/create-project';
import { getProject } from '../services/projects/get-project';
import { listProjects } from '../services/projects/list-projects';

export const projectRoutes = new Hono<AppBindings>();

describe({ method: 'get', path: '/api/v1/projects', summary: 'Projects the user belongs to' });
projectRoutes.get('/projects', async (c) => c.json(await listProjects({ ctx: c.get('ctx') })));

describe({ method: 'post', path: '/api/v1/projects', summary: 'Create a project', body: ZCreateProject });
projectRoutes.post('/projects', async (c) => c.json(await createProject({ ctx: c.get('ctx'), input: await readJson(c, ZCreateProject) }), 201));

describe({ method: 'get', path: '/api/v1/projects/:id', summary: 'One project' });
projectRoutes.get('/projects/:id', async (c) => c.json(await getProject({ ctx: c.get('ctx'), input: { projectId: c.req.param('id') } })));

describe({ method: 'post', path: '/api/v1/projects/:id/members', summary: 'Add or update a member and their level per tool', body: ZAddMember });
projectRoutes.post('/projects/:id/members', async (c) =>
  c.json(await addMember({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), body: await readJson(c, ZAddMember) } }), 201),
);

describe({ method: 'get', path: '/api/v1/projects/:id/contracts', summary: 'Contracts the user may see' });
projectRoutes.get('/projects/:id/contracts', async (c) => c.json(await listContracts({ ctx: c.get('ctx'), input: { projectId: c.req.param('id') } })));

describe({ method: 'post', path: '/api/v1/projects/:id/contracts', summary: 'Create a prime contract or commitment (draft)', body: ZCreateContract });
projectRoutes.post('/projects/:id/contracts', async (c) =>
  c.json(await createContract({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), body: await readJson(c, ZCreateContract) } }), 201),
);

describe({ method: 'get', path: '/api/v1/projects/:id/billing-periods', summary: 'Billing periods' });
projectRoutes.get('/projects/:id/billing-periods', async (c) =>
  c.json(await listBillingPeriods({ ctx: c.get('ctx'), input: { projectId: c.req.param('id') } })),
);

describe({ method: 'post', path: '/api/v1/projects/:id/billing-periods', summary: 'Create a manual period or an automatic schedule', body: ZCreateBillingPeriods });
projectRoutes.post('/projects/:id/billing-periods', async (c) =>
  c.json(await createBillingPeriods({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), body: await readJson(c, ZCreateBillingPeriods) } }), 201),
);

describe({ method: 'delete', path: '/api/v1/billing-periods/:id', summary: 'Delete a billing period no invoice uses' });
projectRoutes.delete('/billing-periods/:id', async (c) => c.json(await deleteBillingPeriod({ ctx: c.get('ctx'), input: { periodId: c.req.param('id') } })));

describe({ method: 'get', path: '/api/v1/projects/:id/directory', summary: 'Members and visible invoice contacts, for addressing email' });
projectRoutes.get('/projects/:id/directory', async (c) => c.json(await getDirectory({ ctx: c.get('ctx'), input: { projectId: c.req.param('id') } })));

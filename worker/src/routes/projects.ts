import { createRoute } from '@hono/zod-openapi';
import { ZAddMember, ZCreateBillingPeriods, ZCreateProject, ZInvitationCreated } from '@shared/api/projects';
import { ZCreateContract } from '@shared/api/contracts';
import { ZContracts, ZContractView, ZDeleted } from '@shared/api/contract-views';
import { ZBillingPeriods, ZDirectory, ZMe, ZMemberView, ZProjects, ZProjectView } from '@shared/api/project-views';
import { authErrors, body, json, params, routes, writeErrors } from '../lib/openapi';
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

const id = params('id');

export const projectRoutes = routes()
  .openapi(
    createRoute({ method: 'get', path: '/me', summary: 'The signed-in user and their projects', responses: { 200: json(ZMe, 'The user and projects'), ...authErrors() } }),
    async (c) => c.json(await getMe({ ctx: c.get('ctx') }), 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/projects', summary: 'Projects the user belongs to', responses: { 200: json(ZProjects, 'The projects'), ...authErrors() } }),
    async (c) => c.json(await listProjects({ ctx: c.get('ctx') }), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/projects', summary: 'Create a project', request: { body: body(ZCreateProject) }, responses: { 201: json(ZProjectView, 'The new project'), ...writeErrors() } }),
    async (c) => c.json(await createProject({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/projects/{id}', summary: 'One project', request: { params: id }, responses: { 200: json(ZProjectView, 'The project'), ...authErrors() } }),
    async (c) => c.json(await getProject({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/projects/{id}/members',
      summary: 'Set the levels of a colleague or member (userId: 201), or invite anyone by email (202, the same answer whether or not the address has an account)',
      request: { params: id, body: body(ZAddMember) },
      responses: { 201: json(ZMemberView, 'The member and levels'), 202: json(ZInvitationCreated, 'The invitation, pending until the invitee accepts'), ...writeErrors() },
    }),
    async (c) => {
      const out = await addMember({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } });
      return 'invitation' in out ? c.json(out, 202) : c.json(out, 201);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/projects/{id}/contracts', summary: 'Contracts the user may see', request: { params: id }, responses: { 200: json(ZContracts, 'The contracts'), ...authErrors() } }),
    async (c) => c.json(await listContracts({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/projects/{id}/contracts', summary: 'Create a prime contract or commitment (draft)',
      request: { params: id, body: body(ZCreateContract) },
      responses: { 201: json(ZContractView, 'The new contract'), ...writeErrors() },
    }),
    async (c) => c.json(await createContract({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/projects/{id}/billing-periods', summary: 'Billing periods', request: { params: id }, responses: { 200: json(ZBillingPeriods, 'The periods'), ...authErrors() } }),
    async (c) => c.json(await listBillingPeriods({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/projects/{id}/billing-periods', summary: 'Create a manual period or an automatic schedule',
      request: { params: id, body: body(ZCreateBillingPeriods) },
      responses: { 201: json(ZBillingPeriods, 'The periods created'), ...writeErrors() },
    }),
    async (c) => c.json(await createBillingPeriods({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/billing-periods/{id}', summary: 'Delete a billing period no invoice uses',
      request: { params: id },
      responses: { 200: json(ZDeleted, 'Whether the period was deleted'), ...writeErrors() },
    }),
    async (c) => c.json(await deleteBillingPeriod({ ctx: c.get('ctx'), input: { periodId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/projects/{id}/directory', summary: 'Members and visible invoice contacts, for addressing email',
      request: { params: id },
      responses: { 200: json(ZDirectory, 'The people'), ...authErrors() },
    }),
    async (c) => c.json(await getDirectory({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200),
  );

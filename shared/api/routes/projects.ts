// The projects routes, declared once: served by worker/src/routes/projects.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZAddMember, ZCreateBillingPeriods, ZCreateProject, ZInvitationCreated, ZUpdateProject } from '../projects';
import { ZCreateContract } from '../contracts';
import { ZContracts, ZContractView, ZDeleted } from '../contract-views';
import { ZBillingPeriods, ZDirectory, ZMe, ZMemberView, ZProjects, ZProjectView } from '../project-views';
import { defineRoute, authErrors, body, json, params, writeErrors } from '../route-kit';

const id = params('id');

export const getMe = defineRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in user and their projects',
  responses: { 200: json(ZMe, 'The user and projects'), ...authErrors() },
});

export const listProjects = defineRoute({
  method: 'get',
  path: '/projects',
  summary: 'Projects the user belongs to',
  responses: { 200: json(ZProjects, 'The projects'), ...authErrors() },
});

export const createProject = defineRoute({
  method: 'post',
  path: '/projects',
  summary: 'Create a project',
  request: { body: body(ZCreateProject) },
  responses: { 201: json(ZProjectView, 'The new project'), ...writeErrors() },
});

export const getProject = defineRoute({
  method: 'get',
  path: '/projects/{id}',
  summary: 'One project',
  request: { params: id },
  responses: { 200: json(ZProjectView, 'The project'), ...authErrors() },
});

export const updateProject = defineRoute({
  method: 'patch',
  path: '/projects/{id}',
  summary: 'Change a project: name, number, address, jurisdiction, work type (admin on either tool)',
  request: { params: id, body: body(ZUpdateProject) },
  responses: { 200: json(ZProjectView, 'The changed project'), ...writeErrors() },
});

export const addMember = defineRoute({
  method: 'post',
  path: '/projects/{id}/members',
  summary: 'Set the levels of a colleague or member (userId: 201), or invite anyone by email (202, the same answer whether or not the address has an account)',
  request: { params: id, body: body(ZAddMember) },
  responses: {
    201: json(ZMemberView, 'The member and levels'),
    202: json(ZInvitationCreated, 'The invitation, pending until the invitee accepts'),
    ...writeErrors(),
  },
});

export const listContracts = defineRoute({
  method: 'get',
  path: '/projects/{id}/contracts',
  summary: 'Contracts the user may see',
  request: { params: id },
  responses: { 200: json(ZContracts, 'The contracts'), ...authErrors() },
});

export const createContract = defineRoute({
  method: 'post',
  path: '/projects/{id}/contracts',
  summary: 'Create a prime contract or commitment (draft)',
  request: { params: id, body: body(ZCreateContract) },
  responses: { 201: json(ZContractView, 'The new contract'), ...writeErrors() },
});

export const listBillingPeriods = defineRoute({
  method: 'get',
  path: '/projects/{id}/billing-periods',
  summary: 'Billing periods',
  request: { params: id },
  responses: { 200: json(ZBillingPeriods, 'The periods'), ...authErrors() },
});

export const createBillingPeriods = defineRoute({
  method: 'post',
  path: '/projects/{id}/billing-periods',
  summary: 'Create a manual period or an automatic schedule',
  request: { params: id, body: body(ZCreateBillingPeriods) },
  responses: { 201: json(ZBillingPeriods, 'The periods created'), ...writeErrors() },
});

export const deleteBillingPeriod = defineRoute({
  method: 'delete',
  path: '/billing-periods/{id}',
  summary: 'Delete a billing period no invoice uses',
  request: { params: id },
  responses: { 200: json(ZDeleted, 'Whether the period was deleted'), ...writeErrors() },
});

export const getDirectory = defineRoute({
  method: 'get',
  path: '/projects/{id}/directory',
  summary: 'Members and visible invoice contacts, for addressing email',
  request: { params: id },
  responses: { 200: json(ZDirectory, 'The people'), ...authErrors() },
});

// The contracts routes, declared once: served by worker/src/routes/contracts.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZApproveChangeOrder, ZAssignGroup, ZCreateChangeOrder, ZGroupInput, ZReplaceSov, ZUpdateContract } from '../contracts';
import { ZAssignLinesResult, ZContractView, ZDeleted, ZGroups, ZGroupView, ZSovView } from '../contract-views';
import { ZCreateInvoice } from '../invoices';
import { ZChangeOrders, ZChangeOrderView, ZInvoiceList, ZInvoiceView } from '../invoice-views';
import { defineRoute, authErrors, body, json, params, writeErrors } from '../route-kit';

const id = params('id');
const group = params('id', 'groupId');

export const getContract = defineRoute({
  method: 'get',
  path: '/contracts/{id}',
  summary: 'One contract',
  request: { params: id },
  responses: { 200: json(ZContractView, 'The contract'), ...authErrors() },
});

export const updateContract = defineRoute({
  method: 'patch',
  path: '/contracts/{id}',
  summary: 'Change contract terms, lists or status',
  request: { params: id, body: body(ZUpdateContract) },
  responses: { 200: json(ZContractView, 'The changed contract'), ...writeErrors() },
});

export const approveContract = defineRoute({
  method: 'post',
  path: '/contracts/{id}/approve',
  summary: 'Approve a draft contract',
  request: { params: id },
  responses: { 200: json(ZContractView, 'The approved contract'), ...writeErrors() },
});

export const getSov = defineRoute({
  method: 'get',
  path: '/contracts/{id}/sov',
  summary: 'Schedule of values and custom groups',
  request: { params: id },
  responses: { 200: json(ZSovView, 'Lines and groups'), ...authErrors() },
});

export const replaceSov = defineRoute({
  method: 'put',
  path: '/contracts/{id}/sov',
  summary: 'Replace all SOV lines (draft contracts)',
  request: { params: id, body: body(ZReplaceSov) },
  responses: { 200: json(ZSovView, 'The new lines and groups'), ...writeErrors() },
});

export const listGroups = defineRoute({
  method: 'get',
  path: '/contracts/{id}/groups',
  summary: 'Custom groups',
  request: { params: id },
  responses: { 200: json(ZGroups, 'The groups'), ...authErrors() },
});

export const createGroup = defineRoute({
  method: 'post',
  path: '/contracts/{id}/groups',
  summary: 'Create a custom group',
  request: { params: id, body: body(ZGroupInput) },
  responses: { 201: json(ZGroupView, 'The new group'), ...writeErrors() },
});

export const updateGroup = defineRoute({
  method: 'patch',
  path: '/contracts/{id}/groups/{groupId}',
  summary: 'Rename or move a custom group',
  request: { params: group, body: body(ZGroupInput) },
  responses: { 200: json(ZGroupView, 'The group'), ...writeErrors() },
});

export const deleteGroup = defineRoute({
  method: 'delete',
  path: '/contracts/{id}/groups/{groupId}',
  summary: 'Delete a custom group (its lines become ungrouped)',
  request: { params: group },
  responses: { 200: json(ZDeleted, 'Whether a group was deleted'), ...writeErrors() },
});

export const assignLines = defineRoute({
  method: 'post',
  path: '/contracts/{id}/groups/{groupId}/lines',
  summary: 'Assign lines to a group ("none" ungroups)',
  request: { params: group, body: body(ZAssignGroup) },
  responses: { 200: json(ZAssignLinesResult, 'The group and how many lines moved'), ...writeErrors() },
});

export const listChangeOrders = defineRoute({
  method: 'get',
  path: '/contracts/{id}/change-orders',
  summary: 'Change orders',
  request: { params: id },
  responses: { 200: json(ZChangeOrders, 'The change orders'), ...authErrors() },
});

export const createChangeOrder = defineRoute({
  method: 'post',
  path: '/contracts/{id}/change-orders',
  summary: 'Create a pending change order',
  request: { params: id, body: body(ZCreateChangeOrder) },
  responses: { 201: json(ZChangeOrderView, 'The new change order'), ...writeErrors() },
});

export const approveChangeOrder = defineRoute({
  method: 'post',
  path: '/change-orders/{id}/approve',
  summary: 'Approve a change order with its approval date',
  request: { params: id, body: body(ZApproveChangeOrder) },
  responses: { 200: json(ZChangeOrderView, 'The approved change order'), ...writeErrors() },
});

export const listInvoices = defineRoute({
  method: 'get',
  path: '/contracts/{id}/invoices',
  summary: 'Invoices of a contract',
  request: { params: id },
  responses: { 200: json(ZInvoiceList, 'The invoices'), ...authErrors() },
});

export const createInvoice = defineRoute({
  method: 'post',
  path: '/contracts/{id}/invoices',
  summary: 'Create the next invoice for a billing period',
  request: { params: id, body: body(ZCreateInvoice) },
  responses: { 201: json(ZInvoiceView, 'The new invoice'), ...writeErrors() },
});

import { createRoute } from '@hono/zod-openapi';
import { ZApproveChangeOrder, ZAssignGroup, ZCreateChangeOrder, ZGroupInput, ZReplaceSov, ZUpdateContract } from '@shared/api/contracts';
import { ZAssignLinesResult, ZContractView, ZDeleted, ZGroups, ZGroupView, ZSovView } from '@shared/api/contract-views';
import { ZCreateInvoice } from '@shared/api/invoices';
import { ZChangeOrders, ZChangeOrderView, ZInvoiceList, ZInvoiceView } from '@shared/api/invoice-views';
import { authErrors, body, json, params, routes, writeErrors } from '../lib/openapi';
import { approveChangeOrder } from '../services/change-orders/approve-change-order';
import { createChangeOrder } from '../services/change-orders/create-change-order';
import { listChangeOrders } from '../services/change-orders/list-change-orders';
import { approveContract } from '../services/contracts/approve-contract';
import { getContract } from '../services/contracts/get-contract';
import { updateContract } from '../services/contracts/update-contract';
import { createInvoice } from '../services/invoices/create-invoice';
import { listInvoices } from '../services/invoices/list-invoices';
import { assignLines } from '../services/sov/assign-lines';
import { createGroup } from '../services/sov/create-group';
import { deleteGroup } from '../services/sov/delete-group';
import { listGroups } from '../services/sov/list-groups';
import { updateGroup } from '../services/sov/update-group';
import { getSov } from '../services/sov/get-sov';
import { replaceSov } from '../services/sov/replace-sov';

const id = params('id');
const group = params('id', 'groupId');

export const contractRoutes = routes()
  .openapi(
    createRoute({ method: 'get', path: '/contracts/{id}', summary: 'One contract', request: { params: id }, responses: { 200: json(ZContractView, 'The contract'), ...authErrors() } }),
    async (c) => c.json(await getContract({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/contracts/{id}', summary: 'Change contract terms, lists or status',
      request: { params: id, body: body(ZUpdateContract) },
      responses: { 200: json(ZContractView, 'The changed contract'), ...writeErrors() },
    }),
    async (c) => c.json(await updateContract({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/contracts/{id}/approve', summary: 'Approve a draft contract', request: { params: id }, responses: { 200: json(ZContractView, 'The approved contract'), ...writeErrors() } }),
    async (c) => c.json(await approveContract({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/contracts/{id}/sov', summary: 'Schedule of values and custom groups', request: { params: id }, responses: { 200: json(ZSovView, 'Lines and groups'), ...authErrors() } }),
    async (c) => c.json(await getSov({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/contracts/{id}/sov', summary: 'Replace all SOV lines (draft contracts)',
      request: { params: id, body: body(ZReplaceSov) },
      responses: { 200: json(ZSovView, 'The new lines and groups'), ...writeErrors() },
    }),
    async (c) => c.json(await replaceSov({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/contracts/{id}/groups', summary: 'Custom groups', request: { params: id }, responses: { 200: json(ZGroups, 'The groups'), ...authErrors() } }),
    async (c) => c.json(await listGroups({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contracts/{id}/groups', summary: 'Create a custom group',
      request: { params: id, body: body(ZGroupInput) },
      responses: { 201: json(ZGroupView, 'The new group'), ...writeErrors() },
    }),
    async (c) => c.json(await createGroup({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, ...c.req.valid('json') } }), 201),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/contracts/{id}/groups/{groupId}', summary: 'Rename or move a custom group',
      request: { params: group, body: body(ZGroupInput) },
      responses: { 200: json(ZGroupView, 'The group'), ...writeErrors() },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await updateGroup({ ctx: c.get('ctx'), input: { contractId: p.id, groupId: p.groupId, ...c.req.valid('json') } }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/contracts/{id}/groups/{groupId}', summary: 'Delete a custom group (its lines become ungrouped)',
      request: { params: group },
      responses: { 200: json(ZDeleted, 'Whether a group was deleted'), ...writeErrors() },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await deleteGroup({ ctx: c.get('ctx'), input: { contractId: p.id, groupId: p.groupId } }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contracts/{id}/groups/{groupId}/lines', summary: 'Assign lines to a group ("none" ungroups)',
      request: { params: group, body: body(ZAssignGroup) },
      responses: { 200: json(ZAssignLinesResult, 'The group and how many lines moved'), ...writeErrors() },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const input = { contractId: p.id, groupId: p.groupId === 'none' ? null : p.groupId, lineIds: c.req.valid('json').lineIds };
      return c.json(await assignLines({ ctx: c.get('ctx'), input }), 200);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/contracts/{id}/change-orders', summary: 'Change orders', request: { params: id }, responses: { 200: json(ZChangeOrders, 'The change orders'), ...authErrors() } }),
    async (c) => c.json(await listChangeOrders({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contracts/{id}/change-orders', summary: 'Create a pending change order',
      request: { params: id, body: body(ZCreateChangeOrder) },
      responses: { 201: json(ZChangeOrderView, 'The new change order'), ...writeErrors() },
    }),
    async (c) => c.json(await createChangeOrder({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/change-orders/{id}/approve', summary: 'Approve a change order with its approval date',
      request: { params: id, body: body(ZApproveChangeOrder) },
      responses: { 200: json(ZChangeOrderView, 'The approved change order'), ...writeErrors() },
    }),
    async (c) => c.json(await approveChangeOrder({ ctx: c.get('ctx'), input: { changeOrderId: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/contracts/{id}/invoices', summary: 'Invoices of a contract', request: { params: id }, responses: { 200: json(ZInvoiceList, 'The invoices'), ...authErrors() } }),
    async (c) => c.json(await listInvoices({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contracts/{id}/invoices', summary: 'Create the next invoice for a billing period',
      request: { params: id, body: body(ZCreateInvoice) },
      responses: { 201: json(ZInvoiceView, 'The new invoice'), ...writeErrors() },
    }),
    async (c) => c.json(await createInvoice({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  );

import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/contracts';
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

export const contractRoutes = routes()
  .openapi(def.getContract, async (c) => c.json(await getContract({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200))
  .openapi(def.updateContract, async (c) =>
    c.json(await updateContract({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(def.approveContract, async (c) => c.json(await approveContract({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200))
  .openapi(def.getSov, async (c) => c.json(await getSov({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200))
  .openapi(def.replaceSov, async (c) =>
    c.json(await replaceSov({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(def.listGroups, async (c) => c.json(await listGroups({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200))
  .openapi(def.createGroup, async (c) =>
    c.json(await createGroup({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, ...c.req.valid('json') } }), 201),
  )
  .openapi(def.updateGroup, async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateGroup({ ctx: c.get('ctx'), input: { contractId: p.id, groupId: p.groupId, ...c.req.valid('json') } }), 200);
  })
  .openapi(def.deleteGroup, async (c) => {
    const p = c.req.valid('param');
    return c.json(await deleteGroup({ ctx: c.get('ctx'), input: { contractId: p.id, groupId: p.groupId } }), 200);
  })
  .openapi(def.assignLines, async (c) => {
    const p = c.req.valid('param');
    const input = { contractId: p.id, groupId: p.groupId === 'none' ? null : p.groupId, lineIds: c.req.valid('json').lineIds };
    return c.json(await assignLines({ ctx: c.get('ctx'), input }), 200);
  })
  .openapi(def.listChangeOrders, async (c) => c.json(await listChangeOrders({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200))
  .openapi(def.createChangeOrder, async (c) =>
    c.json(await createChangeOrder({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.approveChangeOrder, async (c) =>
    c.json(await approveChangeOrder({ ctx: c.get('ctx'), input: { changeOrderId: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  )
  .openapi(def.listInvoices, async (c) => c.json(await listInvoices({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id } }), 200))
  .openapi(def.createInvoice, async (c) =>
    c.json(await createInvoice({ ctx: c.get('ctx'), input: { contractId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  );

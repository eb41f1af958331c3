import { Hono } from 'hono';
import { ZApproveChangeOrder, ZAssignGroup, ZCreateChangeOrder, ZGroupInput, ZReplaceSov, ZUpdateContract } from '@shared/api/contracts';
import { ZCreateInvoice } from '@shared/api/invoices';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { readJson } from '../lib/validate';
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

export const contractRoutes = new Hono<AppBindings>();

describe({ method: 'get', path: '/api/v1/contracts/:id', summary: 'One contract' });
contractRoutes.get('/contracts/:id', async (c) => c.json(await getContract({ ctx: c.get('ctx'), input: { contractId: c.req.param('id') } })));

describe({ method: 'patch', path: '/api/v1/contracts/:id', summary: 'Change contract terms, lists or status', body: ZUpdateContract });
contractRoutes.patch('/contracts/:id', async (c) =>
  c.json(await updateContract({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), body: await readJson(c, ZUpdateContract) } })),
);

describe({ method: 'post', path: '/api/v1/contracts/:id/approve', summary: 'Approve a draft contract' });
contractRoutes.post('/contracts/:id/approve', async (c) => c.json(await approveContract({ ctx: c.get('ctx'), input: { contractId: c.req.param('id') } })));

describe({ method: 'get', path: '/api/v1/contracts/:id/sov', summary: 'Schedule of values and custom groups' });
contractRoutes.get('/contracts/:id/sov', async (c) => c.json(await getSov({ ctx: c.get('ctx'), input: { contractId: c.req.param('id') } })));

describe({ method: 'put', path: '/api/v1/contracts/:id/sov', summary: 'Replace all SOV lines (draft contracts)', body: ZReplaceSov });
contractRoutes.put('/contracts/:id/sov', async (c) =>
  c.json(await replaceSov({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), body: await readJson(c, ZReplaceSov) } })),
);

describe({ method: 'get', path: '/api/v1/contracts/:id/groups', summary: 'Custom groups' });
contractRoutes.get('/contracts/:id/groups', async (c) => c.json(await listGroups({ ctx: c.get('ctx'), input: { contractId: c.req.param('id') } })));

describe({ method: 'post', path: '/api/v1/contracts/:id/groups', summary: 'Create a custom group', body: ZGroupInput });
contractRoutes.post('/contracts/:id/groups', async (c) =>
  c.json(await createGroup({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), ...(await readJson(c, ZGroupInput)) } }), 201),
);

describe({ method: 'patch', path: '/api/v1/contracts/:id/groups/:groupId', summary: 'Rename or move a custom group', body: ZGroupInput });
contractRoutes.patch('/contracts/:id/groups/:groupId', async (c) =>
  c.json(await updateGroup({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), groupId: c.req.param('groupId'), ...(await readJson(c, ZGroupInput)) } })),
);

describe({ method: 'delete', path: '/api/v1/contracts/:id/groups/:groupId', summary: 'Delete a custom group (its lines become ungrouped)' });
contractRoutes.delete('/contracts/:id/groups/:groupId', async (c) =>
  c.json(await deleteGroup({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), groupId: c.req.param('groupId') } })),
);

describe({ method: 'post', path: '/api/v1/contracts/:id/groups/:groupId/lines', summary: 'Assign lines to a group ("none" ungroups)', body: ZAssignGroup });
contractRoutes.post('/contracts/:id/groups/:groupId/lines', async (c) => {
  const groupId = c.req.param('groupId');
  const body = await readJson(c, ZAssignGroup);
  return c.json(await assignLines({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), groupId: groupId === 'none' ? null : groupId, lineIds: body.lineIds } }));
});

describe({ method: 'get', path: '/api/v1/contracts/:id/change-orders', summary: 'Change orders' });
contractRoutes.get('/contracts/:id/change-orders', async (c) => c.json(await listChangeOrders({ ctx: c.get('ctx'), input: { contractId: c.req.param('id') } })));

describe({ method: 'post', path: '/api/v1/contracts/:id/change-orders', summary: 'Create a pending change order', body: ZCreateChangeOrder });
contractRoutes.post('/contracts/:id/change-orders', async (c) =>
  c.json(await createChangeOrder({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), body: await readJson(c, ZCreateChangeOrder) } }), 201),
);

describe({ method: 'post', path: '/api/v1/change-orders/:id/approve', summary: 'Approve a change order with its approval date', body: ZApproveChangeOrder });
contractRoutes.post('/change-orders/:id/approve', async (c) =>
  c.json(await approveChangeOrder({ ctx: c.get('ctx'), input: { changeOrderId: c.req.param('id'), ...(await readJson(c, ZApproveChangeOrder)) } })),
);

describe({ method: 'get', path: '/api/v1/contracts/:id/invoices', summary: 'Invoices of a contract' });
contractRoutes.get('/contracts/:id/invoices', async (c) => c.json(await listInvoices({ ctx: c.get('ctx'), input: { contractId: c.req.param('id') } })));

describe({ method: 'post', path: '/api/v1/contracts/:id/invoices', summary: 'Create the next invoice for a billing period', body: ZCreateInvoice });
contractRoutes.post('/contracts/:id/invoices', async (c) =>
  c.json(await createInvoice({ ctx: c.get('ctx'), input: { contractId: c.req.param('id'), body: await readJson(c, ZCreateInvoice) } }), 201),
);

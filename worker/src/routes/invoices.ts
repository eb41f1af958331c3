import { Hono } from 'hono';
import { z } from 'zod';
import { ZAddChangeOrders, ZChangeStatus, ZEditLines } from '@shared/api/invoices';
import type { AppBindings } from '../context';
import { AppError } from '../lib/app-error';
import { describe } from '../lib/openapi';
import { readJson, readQuery } from '../lib/validate';
import { addChangeOrders } from '../services/invoices/add-change-orders';
import { changeInvoiceStatus } from '../services/invoices/change-status';
import { editInvoiceLines } from '../services/invoices/edit-lines';
import { getInvoiceHistory } from '../services/invoices/get-history';
import { getInvoice } from '../services/invoices/get-invoice';
import { listPendingChangeOrders } from '../services/invoices/list-pending-change-orders';

export const invoiceRoutes = new Hono<AppBindings>();

/** If-Match: 7, "7" or W/"7" → 7 */
function ifMatchVersion(header: string | undefined): number {
  if (!header) throw new AppError('PRECONDITION_REQUIRED', 'Send the invoice version you edited as "If-Match: <version>"');
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new AppError('BAD_REQUEST', `If-Match must be an invoice version number, got "${header}"`);
  return Number(m[1]);
}

describe({ method: 'get', path: '/api/v1/invoices/:id', summary: 'Invoice with every G703 column, G702, CO summary, warnings' });
invoiceRoutes.get('/invoices/:id', async (c) => {
  const view = await getInvoice({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id') } });
  c.header('ETag', `"${view.invoice.version}"`);
  return c.json(view);
});

describe({ method: 'patch', path: '/api/v1/invoices/:id/lines', summary: 'Edit many lines at once, all or nothing', body: ZEditLines, headers: { 'If-Match': 'the invoice version being edited' } });
invoiceRoutes.patch('/invoices/:id/lines', async (c) => {
  const ifMatch = ifMatchVersion(c.req.header('if-match'));
  const body = await readJson(c, ZEditLines);
  const out = await editInvoiceLines({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), ifMatch, body } });
  c.header('ETag', `"${out.version}"`);
  return c.json(out);
});

describe({ method: 'post', path: '/api/v1/invoices/:id/status', summary: 'Submit, approve, or return for revision', body: ZChangeStatus });
invoiceRoutes.post('/invoices/:id/status', async (c) =>
  c.json(await changeInvoiceStatus({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), body: await readJson(c, ZChangeStatus) } })),
);

describe({ method: 'get', path: '/api/v1/invoices/:id/pending-change-orders', summary: 'Approved change orders not yet on this invoice' });
invoiceRoutes.get('/invoices/:id/pending-change-orders', async (c) =>
  c.json(await listPendingChangeOrders({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id') } })),
);

describe({ method: 'post', path: '/api/v1/invoices/:id/change-orders', summary: 'Add chosen approved change orders to the editable invoice', body: ZAddChangeOrders });
invoiceRoutes.post('/invoices/:id/change-orders', async (c) =>
  c.json(await addChangeOrders({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), ...(await readJson(c, ZAddChangeOrders)) } })),
);

const ZHistoryQuery = z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(5000).optional() });
describe({ method: 'get', path: '/api/v1/invoices/:id/history', summary: 'Who changed what, when (old → new)', query: ZHistoryQuery });
invoiceRoutes.get('/invoices/:id/history', async (c) =>
  c.json(await getInvoiceHistory({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), ...readQuery(c, ZHistoryQuery) } })),
);

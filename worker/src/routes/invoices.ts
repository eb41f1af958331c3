import { createRoute, z } from '@hono/zod-openapi';
import { ZAddChangeOrders, ZChangeStatus, ZEditLines, ZRecordArchitectCertificate } from '@shared/api/invoices';
import { ZChangeOrders, ZEditLinesResult, ZHistoryQuery, ZInvoiceHistory, ZInvoiceView } from '@shared/api/invoice-views';
import { AppError } from '../lib/app-error';
import { authErrors, body, json, params, routes, writeErrors } from '../lib/openapi';
import { addChangeOrders } from '../services/invoices/add-change-orders';
import { changeInvoiceStatus } from '../services/invoices/change-status';
import { editInvoiceLines } from '../services/invoices/edit-lines';
import { getInvoiceHistory } from '../services/invoices/get-history';
import { getInvoice } from '../services/invoices/get-invoice';
import { listPendingChangeOrders } from '../services/invoices/list-pending-change-orders';
import { recordArchitectCertificate } from '../services/invoices/record-architect-certificate';

/** If-Match: 7, "7" or W/"7" → 7 */
function ifMatchVersion(header: string | undefined): number {
  if (!header) throw new AppError('PRECONDITION_REQUIRED', 'Send the invoice version you edited as "If-Match: <version>"');
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new AppError('BAD_REQUEST', `If-Match must be an invoice version number, got "${header}"`);
  return Number(m[1]);
}

const ZIfMatch = z.object({
  // optional in the schema so that a missing one is the specific 428 of ifMatchVersion, not a 422
  'if-match': z.string().optional().openapi({ description: 'the invoice version being edited, e.g. 7 or "7"' }),
});

const etag = { ETag: { description: 'the invoice version, "7"', schema: { type: 'string' as const } } };
const id = params('id');

export const invoiceRoutes = routes()
  .openapi(
    createRoute({
      method: 'get', path: '/invoices/{id}', summary: 'Invoice with every G703 column, G702, CO summary, warnings',
      request: { params: id },
      responses: { 200: { ...json(ZInvoiceView, 'The invoice'), headers: etag }, ...authErrors() },
    }),
    async (c) => {
      const view = await getInvoice({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } });
      c.header('ETag', `"${view.invoice.version}"`);
      return c.json(view, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/invoices/{id}/lines', summary: 'Edit many lines at once, all or nothing',
      request: { params: id, headers: ZIfMatch, body: body(ZEditLines) },
      responses: { 200: { ...json(ZEditLinesResult, 'The recomputed lines and totals'), headers: etag }, ...writeErrors(428) },
    }),
    async (c) => {
      const ifMatch = ifMatchVersion(c.req.valid('header')['if-match']);
      const out = await editInvoiceLines({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ifMatch, body: c.req.valid('json') } });
      c.header('ETag', `"${out.version}"`);
      return c.json(out, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invoices/{id}/status', summary: 'Submit, approve, or return for revision',
      request: { params: id, body: body(ZChangeStatus) },
      responses: { 200: json(ZInvoiceView, 'The invoice in its new status'), ...writeErrors() },
    }),
    async (c) => c.json(await changeInvoiceStatus({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invoices/{id}/architect-certificate', summary: "Record the G702 architect's certificate (amount certified), e.g. from the owner's reply",
      request: { params: id, body: body(ZRecordArchitectCertificate) },
      responses: { 200: json(ZInvoiceView, 'The invoice with the certificate'), ...writeErrors() },
    }),
    async (c) => c.json(await recordArchitectCertificate({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/invoices/{id}/pending-change-orders', summary: 'Approved change orders not yet on this invoice',
      request: { params: id },
      responses: { 200: json(ZChangeOrders, 'The change orders'), ...authErrors() },
    }),
    async (c) => c.json(await listPendingChangeOrders({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invoices/{id}/change-orders', summary: 'Add chosen approved change orders to the editable invoice',
      request: { params: id, body: body(ZAddChangeOrders) },
      responses: { 200: json(ZInvoiceView, 'The invoice with the change orders'), ...writeErrors() },
    }),
    async (c) => c.json(await addChangeOrders({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/invoices/{id}/history', summary: 'Who changed what, when (old → new)',
      request: { params: id, query: ZHistoryQuery },
      responses: { 200: json(ZInvoiceHistory, 'Revisions and cell changes, oldest first'), ...authErrors() },
    }),
    async (c) => c.json(await getInvoiceHistory({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  );

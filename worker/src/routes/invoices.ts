import { AppError } from '../lib/app-error';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/invoices';
import { addChangeOrders } from '../services/invoices/add-change-orders';
import { changeInvoiceStatus } from '../services/invoices/change-status';
import { editInvoiceLines } from '../services/invoices/edit-lines';
import { getInvoiceHistory } from '../services/invoices/get-history';
import { getInvoice } from '../services/invoices/get-invoice';
import { listProjectInvoices } from '../services/invoices/list-project-invoices';
import { listPendingChangeOrders } from '../services/invoices/list-pending-change-orders';
import { recordArchitectCertificate } from '../services/invoices/record-architect-certificate';
import { releaseRetainage } from '../services/invoices/release-retainage';
import { updateGeneralInfo } from '../services/invoices/update-general-info';

/** If-Match: 7, "7" or W/"7" → 7 */
function ifMatchVersion(header: string | undefined): number {
  if (!header) throw new AppError('PRECONDITION_REQUIRED', 'Send the invoice version you edited as "If-Match: <version>"');
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new AppError('BAD_REQUEST', `If-Match must be an invoice version number, got "${header}"`);
  return Number(m[1]);
}

export const invoiceRoutes = routes()
  .openapi(def.getInvoice, async (c) => {
    const view = await getInvoice({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } });
    c.header('ETag', `"${view.invoice.version}"`);
    return c.json(view, 200);
  })
  .openapi(def.editInvoiceLines, async (c) => {
    const ifMatch = ifMatchVersion(c.req.valid('header')['if-match']);
    const out = await editInvoiceLines({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ifMatch, body: c.req.valid('json') } });
    c.header('ETag', `"${out.version}"`);
    return c.json(out, 200);
  })
  .openapi(def.releaseRetainage, async (c) => {
    const ifMatch = ifMatchVersion(c.req.valid('header')['if-match']);
    const out = await releaseRetainage({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ifMatch, body: c.req.valid('json') } });
    c.header('ETag', `"${out.version}"`);
    return c.json(out, 200);
  })
  .openapi(def.updateGeneralInfo, async (c) => {
    const ifMatch = ifMatchVersion(c.req.valid('header')['if-match']);
    const view = await updateGeneralInfo({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ifMatch, body: c.req.valid('json') } });
    c.header('ETag', `"${view.invoice.version}"`);
    return c.json(view, 200);
  })
  .openapi(def.changeInvoiceStatus, async (c) =>
    c.json(await changeInvoiceStatus({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(def.recordArchitectCertificate, async (c) =>
    c.json(await recordArchitectCertificate({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 200),
  )
  .openapi(def.listPendingChangeOrders, async (c) =>
    c.json(await listPendingChangeOrders({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } }), 200),
  )
  .openapi(def.addChangeOrders, async (c) =>
    c.json(await addChangeOrders({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  )
  .openapi(def.getInvoiceHistory, async (c) =>
    c.json(await getInvoiceHistory({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(def.listProjectInvoices, async (c) =>
    c.json(await listProjectInvoices({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  );

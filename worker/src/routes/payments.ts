import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/payments';
import { getAging } from '../services/payments/get-aging';
import { listPayments } from '../services/payments/list-payments';
import { recordPayment } from '../services/payments/record-payment';
import { voidPayment } from '../services/payments/void-payment';

export const paymentRoutes = routes()
  .openapi(def.listInvoicePayments, async (c) => c.json(await listPayments({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } }), 200))
  .openapi(def.recordPayment, async (c) =>
    c.json(await recordPayment({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.voidPayment, async (c) => {
    const { id, paymentId } = c.req.valid('param');
    return c.json(await voidPayment({ ctx: c.get('ctx'), input: { invoiceId: id, paymentId, body: c.req.valid('json') } }), 200);
  })
  .openapi(def.getProjectAging, async (c) =>
    c.json(await getAging({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  );

import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/emails';
import { assignUnmatchedEmail } from '../services/emails/assign-unmatched-email';
import { listInvoiceEmails } from '../services/emails/list-invoice-emails';
import { listUnmatchedEmails } from '../services/emails/list-unmatched-emails';
import { maybeRedriveStuck } from '../services/emails/redrive-stuck';
import { sendInvoiceEmail } from '../services/emails/send-invoice-email';

export const emailRoutes = routes()
  .openapi(def.sendInvoiceEmail, async (c) => {
    const out = await sendInvoiceEmail({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } });
    c.executionCtx.waitUntil(maybeRedriveStuck(c.env));
    return c.json(out, 201);
  })
  .openapi(def.listInvoiceEmails, async (c) =>
    c.json(await listInvoiceEmails({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(def.listUnmatchedEmails, async (c) =>
    c.json(await listUnmatchedEmails({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(def.assignUnmatchedEmail, async (c) =>
    c.json(await assignUnmatchedEmail({ ctx: c.get('ctx'), input: { messageId: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  );

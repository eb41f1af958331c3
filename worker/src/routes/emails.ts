import { createRoute } from '@hono/zod-openapi';
import { ZAssignUnmatched, ZAssignUnmatchedResult, ZInvoiceEmails, ZInvoiceEmailsQuery, ZSendInvoiceEmail, ZSendInvoiceEmailResult, ZUnmatchedEmails, ZUnmatchedQuery } from '@shared/api/emails';
import { authErrors, body, json, params, routes, writeErrors } from '../lib/openapi';
import { assignUnmatchedEmail } from '../services/emails/assign-unmatched-email';
import { listInvoiceEmails } from '../services/emails/list-invoice-emails';
import { listUnmatchedEmails } from '../services/emails/list-unmatched-emails';
import { maybeRedriveStuck } from '../services/emails/redrive-stuck';
import { sendInvoiceEmail } from '../services/emails/send-invoice-email';

const id = params('id');

export const emailRoutes = routes()
  .openapi(
    createRoute({
      method: 'post', path: '/invoices/{id}/emails', summary: 'Email the invoice (answers at once: "Communication created"; delivery is queued)',
      request: { params: id, body: body(ZSendInvoiceEmail) },
      // 413: the attachments are over the mail provider's message size
      responses: { 201: json(ZSendInvoiceEmailResult, 'Recorded and queued'), ...writeErrors(413) },
    }),
    async (c) => {
      const out = await sendInvoiceEmail({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } });
      c.executionCtx.waitUntil(maybeRedriveStuck(c.env));
      return c.json(out, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/invoices/{id}/emails', summary: "The invoice's Emails tab: threads, messages, delivery status, reply classification",
      request: { params: id, query: ZInvoiceEmailsQuery },
      responses: { 200: json(ZInvoiceEmails, 'Threads, newest first'), ...authErrors() },
    }),
    async (c) => c.json(await listInvoiceEmails({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/projects/{id}/unmatched-emails', summary: 'Replies that matched no thread (project tool admins)',
      request: { params: id, query: ZUnmatchedQuery },
      responses: { 200: json(ZUnmatchedEmails, 'The unmatched replies, newest first'), ...authErrors() },
    }),
    async (c) => c.json(await listUnmatchedEmails({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/unmatched-emails/{id}/assign', summary: 'File an unmatched reply onto an invoice thread',
      request: { params: id, body: body(ZAssignUnmatched) },
      responses: { 200: json(ZAssignUnmatchedResult, 'The reply on its thread'), ...writeErrors() },
    }),
    async (c) => c.json(await assignUnmatchedEmail({ ctx: c.get('ctx'), input: { messageId: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  );

import { Hono } from 'hono';
import { z } from 'zod';
import { ZAssignUnmatched, ZInvoiceEmailsQuery, ZSendInvoiceEmail } from '@shared/api/emails';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { readJson, readQuery } from '../lib/validate';
import { assignUnmatchedEmail } from '../services/emails/assign-unmatched-email';
import { listInvoiceEmails } from '../services/emails/list-invoice-emails';
import { listUnmatchedEmails } from '../services/emails/list-unmatched-emails';
import { maybeRedriveStuck } from '../services/emails/redrive-stuck';
import { sendInvoiceEmail } from '../services/emails/send-invoice-email';

export const emailRoutes = new Hono<AppBindings>();

describe({ method: 'post', path: '/api/v1/invoices/:id/emails', summary: 'Email the invoice (answers at once: "Communication created"; delivery is queued)', body: ZSendInvoiceEmail });
emailRoutes.post('/invoices/:id/emails', async (c) => {
  const out = await sendInvoiceEmail({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), body: await readJson(c, ZSendInvoiceEmail) } });
  c.executionCtx.waitUntil(maybeRedriveStuck(c.env));
  return c.json(out, 201);
});

describe({ method: 'get', path: '/api/v1/invoices/:id/emails', summary: "The invoice's Emails tab: threads, messages, delivery status, reply classification", query: ZInvoiceEmailsQuery });
emailRoutes.get('/invoices/:id/emails', async (c) =>
  c.json(await listInvoiceEmails({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), ...readQuery(c, ZInvoiceEmailsQuery) } })),
);

const ZUnmatchedQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
describe({ method: 'get', path: '/api/v1/projects/:id/unmatched-emails', summary: 'Replies that matched no thread (project tool admins)', query: ZUnmatchedQuery });
emailRoutes.get('/projects/:id/unmatched-emails', async (c) =>
  c.json(await listUnmatchedEmails({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), ...readQuery(c, ZUnmatchedQuery) } })),
);

describe({ method: 'post', path: '/api/v1/unmatched-emails/:id/assign', summary: 'File an unmatched reply onto an invoice thread', body: ZAssignUnmatched });
emailRoutes.post('/unmatched-emails/:id/assign', async (c) =>
  c.json(await assignUnmatchedEmail({ ctx: c.get('ctx'), input: { messageId: c.req.param('id'), ...(await readJson(c, ZAssignUnmatched)) } })),
);

// The emails routes, declared once: served by worker/src/routes/emails.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import {
  ZAssignUnmatched,
  ZAssignUnmatchedResult,
  ZInvoiceEmails,
  ZInvoiceEmailsQuery,
  ZSendInvoiceEmail,
  ZSendInvoiceEmailResult,
  ZUnmatchedEmails,
  ZUnmatchedQuery,
} from '../emails';
import { defineRoute, authErrors, body, json, params, writeErrors } from '../route-kit';

const id = params('id');

export const sendInvoiceEmail = defineRoute({
  method: 'post',
  path: '/invoices/{id}/emails',
  summary: 'Email the invoice (answers at once: "Communication created"; delivery is queued)',
  request: { params: id, body: body(ZSendInvoiceEmail) },
  // 413: the attachments are over the mail provider's message size
  responses: { 201: json(ZSendInvoiceEmailResult, 'Recorded and queued'), ...writeErrors(413) },
});

export const listInvoiceEmails = defineRoute({
  method: 'get',
  path: '/invoices/{id}/emails',
  summary: "The invoice's Emails tab: threads, messages, delivery status, reply classification",
  request: { params: id, query: ZInvoiceEmailsQuery },
  responses: { 200: json(ZInvoiceEmails, 'Threads, newest first'), ...authErrors() },
});

export const listUnmatchedEmails = defineRoute({
  method: 'get',
  path: '/projects/{id}/unmatched-emails',
  summary: 'Replies that matched no thread (project tool admins)',
  request: { params: id, query: ZUnmatchedQuery },
  responses: { 200: json(ZUnmatchedEmails, 'The unmatched replies, newest first'), ...authErrors() },
});

export const assignUnmatchedEmail = defineRoute({
  method: 'post',
  path: '/unmatched-emails/{id}/assign',
  summary: 'File an unmatched reply onto an invoice thread',
  request: { params: id, body: body(ZAssignUnmatched) },
  responses: { 200: json(ZAssignUnmatchedResult, 'The reply on its thread'), ...writeErrors() },
});

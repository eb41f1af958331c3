// The send batches routes, declared once: served by worker/src/routes/send-batches.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import {
  ZRecipientsQuery,
  ZRegisterSendBatch,
  ZSendBatchList,
  ZSendBatchProgress,
  ZSendBatchRecipientList,
  ZSendBatchTestEmail,
  ZSendBatchTestResult,
  ZSendBatchView,
} from '../send-batches';
import { defineRoute, authErrors, body, file, json, params, writeErrors } from '../route-kit';

const project = params('id');
const batch = params('id', 'batchId');

export const listSendBatches = defineRoute({
  method: 'get',
  path: '/projects/{id}/send-batches',
  summary: 'Send batches of the project with their progress, newest first',
  request: { params: project },
  responses: { 200: json(ZSendBatchList, 'The batches'), ...authErrors() },
});

export const registerSendBatch = defineRoute({
  method: 'post',
  path: '/projects/{id}/send-batches',
  summary: 'Register a bulk send: invoices × recipients fixed now, nothing sent yet',
  request: { params: project, body: body(ZRegisterSendBatch) },
  responses: { 201: json(ZSendBatchView, 'The registered batch'), ...writeErrors() },
});

export const getSendBatch = defineRoute({
  method: 'get',
  path: '/projects/{id}/send-batches/{batchId}',
  summary: 'A batch: settings, progress, billing periods and invoices',
  request: { params: batch },
  responses: { 200: json(ZSendBatchView, 'The batch'), ...authErrors() },
});

export const listSendBatchRecipients = defineRoute({
  method: 'get',
  path: '/projects/{id}/send-batches/{batchId}/recipients',
  summary: 'Recipients per invoice with each message status',
  request: { params: batch, query: ZRecipientsQuery },
  responses: { 200: json(ZSendBatchRecipientList, 'Recipients per invoice'), ...authErrors() },
});

export const getSendBatchProgress = defineRoute({
  method: 'get',
  path: '/projects/{id}/send-batches/{batchId}/progress',
  summary: 'Sent / failed / pending counts',
  request: { params: batch },
  responses: { 200: json(ZSendBatchProgress, 'The counts'), ...authErrors() },
});

export const sendTestEmail = defineRoute({
  method: 'post',
  path: '/projects/{id}/send-batches/{batchId}/test-email',
  summary: 'Send one recipient’s message, marked as a test, to a test address only',
  request: { params: batch, body: body(ZSendBatchTestEmail) },
  // 502: the mail provider refused or did not answer; nothing was recorded as sent
  responses: { 200: json(ZSendBatchTestResult, 'Where the test went'), ...writeErrors(502) },
});

export const startSendBatch = defineRoute({
  method: 'post',
  path: '/projects/{id}/send-batches/{batchId}/start',
  summary: 'Start sending, or resume a stopped batch with what is left',
  request: { params: batch },
  responses: { 200: json(ZSendBatchView, 'The batch, sending'), ...writeErrors() },
});

export const stopSendBatch = defineRoute({
  method: 'post',
  path: '/projects/{id}/send-batches/{batchId}/stop',
  summary: 'Stop sending after the chunk in flight',
  request: { params: batch },
  responses: { 200: json(ZSendBatchView, 'The batch, stopped'), ...writeErrors() },
});

export const sendBatchResultsCsv = defineRoute({
  method: 'get',
  path: '/projects/{id}/send-batches/{batchId}/results.csv',
  summary: 'Results of a finished batch as CSV',
  request: { params: batch },
  responses: { 200: file('text/csv', 'One row per message'), ...writeErrors() },
});

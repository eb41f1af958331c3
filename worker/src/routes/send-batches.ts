import { createRoute } from '@hono/zod-openapi';
import {
  ZRecipientsQuery,
  ZRegisterSendBatch,
  ZSendBatchList,
  ZSendBatchProgress,
  ZSendBatchRecipientList,
  ZSendBatchTestEmail,
  ZSendBatchTestResult,
  ZSendBatchView,
} from '@shared/api/send-batches';
import { contentDisposition } from '../lib/content-disposition';
import { authErrors, body, file, json, params, routes, writeErrors } from '../lib/openapi';
import { getSendBatchProgress } from '../services/send-batches/get-progress';
import { getSendBatch } from '../services/send-batches/get-send-batch';
import { listSendBatchRecipients } from '../services/send-batches/list-recipients';
import { listSendBatches } from '../services/send-batches/list-send-batches';
import { registerSendBatch } from '../services/send-batches/register-send-batch';
import { sendBatchResultsCsv } from '../services/send-batches/results-csv';
import { sendTestEmail } from '../services/send-batches/send-test-email';
import { startSendBatch } from '../services/send-batches/start-send-batch';
import { stopSendBatch } from '../services/send-batches/stop-send-batch';

const project = params('id');
const batch = params('id', 'batchId');
const ids = (p: { id: string; batchId: string }) => ({ projectId: p.id, batchId: p.batchId });

/** Bulk sending of invoice emails; every route needs admin on Prime Contracts in the project. */
export const sendBatchRoutes = routes()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/send-batches',
      summary: 'Send batches of the project with their progress, newest first',
      request: { params: project },
      responses: { 200: json(ZSendBatchList, 'The batches'), ...authErrors() },
    }),
    async (c) => c.json(await listSendBatches({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/send-batches',
      summary: 'Register a bulk send: invoices × recipients fixed now, nothing sent yet',
      request: { params: project, body: body(ZRegisterSendBatch) },
      responses: { 201: json(ZSendBatchView, 'The registered batch'), ...writeErrors() },
    }),
    async (c) => c.json(await registerSendBatch({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/send-batches/{batchId}',
      summary: 'A batch: settings, progress, billing periods and invoices',
      request: { params: batch },
      responses: { 200: json(ZSendBatchView, 'The batch'), ...authErrors() },
    }),
    async (c) => c.json(await getSendBatch({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/send-batches/{batchId}/recipients',
      summary: 'Recipients per invoice with each message status',
      request: { params: batch, query: ZRecipientsQuery },
      responses: { 200: json(ZSendBatchRecipientList, 'Recipients per invoice'), ...authErrors() },
    }),
    async (c) => c.json(await listSendBatchRecipients({ ctx: c.get('ctx'), input: { ...ids(c.req.valid('param')), ...c.req.valid('query') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/send-batches/{batchId}/progress',
      summary: 'Sent / failed / pending counts',
      request: { params: batch },
      responses: { 200: json(ZSendBatchProgress, 'The counts'), ...authErrors() },
    }),
    async (c) => c.json(await getSendBatchProgress({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/send-batches/{batchId}/test-email',
      summary: 'Send one recipient’s message, marked as a test, to a test address only',
      request: { params: batch, body: body(ZSendBatchTestEmail) },
      // 502: the mail provider refused or did not answer; nothing was recorded as sent
      responses: { 200: json(ZSendBatchTestResult, 'Where the test went'), ...writeErrors(502) },
    }),
    async (c) => c.json(await sendTestEmail({ ctx: c.get('ctx'), input: { ...ids(c.req.valid('param')), body: c.req.valid('json') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/send-batches/{batchId}/start',
      summary: 'Start sending, or resume a stopped batch with what is left',
      request: { params: batch },
      responses: { 200: json(ZSendBatchView, 'The batch, sending'), ...writeErrors() },
    }),
    async (c) => c.json(await startSendBatch({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/send-batches/{batchId}/stop',
      summary: 'Stop sending after the chunk in flight',
      request: { params: batch },
      responses: { 200: json(ZSendBatchView, 'The batch, stopped'), ...writeErrors() },
    }),
    async (c) => c.json(await stopSendBatch({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/send-batches/{batchId}/results.csv',
      summary: 'Results of a finished batch as CSV',
      request: { params: batch },
      responses: { 200: file('text/csv', 'One row per message'), ...writeErrors() },
    }),
    async (c) => {
      const { fileName, csv } = await sendBatchResultsCsv({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(fileName, true),
      });
    },
  );

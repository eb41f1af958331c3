import { Hono } from 'hono';
import { ZRecipientsQuery, ZRegisterSendBatch, ZSendBatchTestEmail } from '@shared/api/send-batches';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { readJson, readQuery } from '../lib/validate';
import { getSendBatchProgress } from '../services/send-batches/get-progress';
import { getSendBatch } from '../services/send-batches/get-send-batch';
import { listSendBatchRecipients } from '../services/send-batches/list-recipients';
import { listSendBatches } from '../services/send-batches/list-send-batches';
import { registerSendBatch } from '../services/send-batches/register-send-batch';
import { sendBatchResultsCsv } from '../services/send-batches/results-csv';
import { sendTestEmail } from '../services/send-batches/send-test-email';
import { startSendBatch } from '../services/send-batches/start-send-batch';
import { stopSendBatch } from '../services/send-batches/stop-send-batch';

/** Bulk sending of invoice emails; every route needs admin on Prime Contracts in the project. */
export const sendBatchRoutes = new Hono<AppBindings>();

const BASE = '/projects/:id/send-batches';
const ids = (c: { req: { param: (k: string) => string } }) => ({ projectId: c.req.param('id'), batchId: c.req.param('batchId') });

describe({ method: 'get', path: `/api/v1${BASE}`, summary: 'Send batches of the project with their progress, newest first' });
sendBatchRoutes.get(BASE, async (c) => c.json(await listSendBatches({ ctx: c.get('ctx'), input: { projectId: c.req.param('id') } })));

describe({ method: 'post', path: `/api/v1${BASE}`, summary: 'Register a bulk send: invoices × recipients fixed now, nothing sent yet', body: ZRegisterSendBatch });
sendBatchRoutes.post(BASE, async (c) =>
  c.json(await registerSendBatch({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), body: await readJson(c, ZRegisterSendBatch) } }), 201),
);

describe({ method: 'get', path: `/api/v1${BASE}/:batchId`, summary: 'A batch: settings, progress, billing periods and invoices' });
sendBatchRoutes.get(`${BASE}/:batchId`, async (c) => c.json(await getSendBatch({ ctx: c.get('ctx'), input: ids(c) })));

describe({ method: 'get', path: `/api/v1${BASE}/:batchId/recipients`, summary: 'Recipients per invoice with each message status', query: ZRecipientsQuery });
sendBatchRoutes.get(`${BASE}/:batchId/recipients`, async (c) =>
  c.json(await listSendBatchRecipients({ ctx: c.get('ctx'), input: { ...ids(c), ...readQuery(c, ZRecipientsQuery) } })),
);

describe({ method: 'get', path: `/api/v1${BASE}/:batchId/progress`, summary: 'Sent / failed / pending counts' });
sendBatchRoutes.get(`${BASE}/:batchId/progress`, async (c) => c.json(await getSendBatchProgress({ ctx: c.get('ctx'), input: ids(c) })));

describe({ method: 'post', path: `/api/v1${BASE}/:batchId/test-email`, summary: 'Send one recipient’s message, marked as a test, to a test address only', body: ZSendBatchTestEmail });
sendBatchRoutes.post(`${BASE}/:batchId/test-email`, async (c) =>
  c.json(await sendTestEmail({ ctx: c.get('ctx'), input: { ...ids(c), body: await readJson(c, ZSendBatchTestEmail) } })),
);

describe({ method: 'post', path: `/api/v1${BASE}/:batchId/start`, summary: 'Start sending, or resume a stopped batch with what is left' });
sendBatchRoutes.post(`${BASE}/:batchId/start`, async (c) => c.json(await startSendBatch({ ctx: c.get('ctx'), input: ids(c) })));

describe({ method: 'post', path: `/api/v1${BASE}/:batchId/stop`, summary: 'Stop sending after the chunk in flight' });
sendBatchRoutes.post(`${BASE}/:batchId/stop`, async (c) => c.json(await stopSendBatch({ ctx: c.get('ctx'), input: ids(c) })));

describe({ method: 'get', path: `/api/v1${BASE}/:batchId/results.csv`, summary: 'Results of a finished batch as CSV' });
sendBatchRoutes.get(`${BASE}/:batchId/results.csv`, async (c) => {
  const { fileName, csv } = await sendBatchResultsCsv({ ctx: c.get('ctx'), input: ids(c) });
  return c.body(csv, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
});

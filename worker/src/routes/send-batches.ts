import { contentDisposition } from '../lib/content-disposition';
import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/send-batches';
import { getSendBatchProgress } from '../services/send-batches/get-progress';
import { getSendBatch } from '../services/send-batches/get-send-batch';
import { listSendBatchRecipients } from '../services/send-batches/list-recipients';
import { listSendBatches } from '../services/send-batches/list-send-batches';
import { registerSendBatch } from '../services/send-batches/register-send-batch';
import { sendBatchResultsCsv } from '../services/send-batches/results-csv';
import { sendTestEmail } from '../services/send-batches/send-test-email';
import { startSendBatch } from '../services/send-batches/start-send-batch';
import { stopSendBatch } from '../services/send-batches/stop-send-batch';

const ids = (p: { id: string; batchId: string }) => ({ projectId: p.id, batchId: p.batchId });

/** Bulk sending of invoice emails; every route needs admin on Prime Contracts in the project. */
export const sendBatchRoutes = routes()
  .openapi(def.listSendBatches, async (c) => c.json(await listSendBatches({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id } }), 200))
  .openapi(def.registerSendBatch, async (c) =>
    c.json(await registerSendBatch({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.getSendBatch, async (c) => c.json(await getSendBatch({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200))
  .openapi(def.listSendBatchRecipients, async (c) =>
    c.json(await listSendBatchRecipients({ ctx: c.get('ctx'), input: { ...ids(c.req.valid('param')), ...c.req.valid('query') } }), 200),
  )
  .openapi(def.getSendBatchProgress, async (c) => c.json(await getSendBatchProgress({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200))
  .openapi(def.sendTestEmail, async (c) =>
    c.json(await sendTestEmail({ ctx: c.get('ctx'), input: { ...ids(c.req.valid('param')), body: c.req.valid('json') } }), 200),
  )
  .openapi(def.startSendBatch, async (c) => c.json(await startSendBatch({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200))
  .openapi(def.stopSendBatch, async (c) => c.json(await stopSendBatch({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) }), 200))
  .openapi(def.sendBatchResultsCsv, async (c) => {
    const { fileName, csv } = await sendBatchResultsCsv({ ctx: c.get('ctx'), input: ids(c.req.valid('param')) });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(fileName, true),
    });
  });

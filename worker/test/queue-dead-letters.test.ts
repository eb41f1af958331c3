import { createExecutionContext, env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages } from '../src/db/schema';
import worker from '../src/index';
import { handleQueueBatch } from '../src/queues/consumer';
import { DEAD_LETTER_QUEUE } from '../src/queues/dead-letters';
import { jobHandlers } from '../src/queues/jobs';
import { fakeMessage, restoreJobHandlersAfterEach } from './queue-double';
import { QUEUE_MAX_ATTEMPTS } from '../src/queues/limits';
import { sendInvoiceEmail } from '../src/services/emails/send-invoice-email';
import { db, ok } from './helpers';
import { buildReadyInvoice } from './email-builders';
import { recordingQueue, serviceCtx } from './email-support';
import { batchesPath, buildBulkProject, itemRows, progressOf, registerChosen, addresses } from './send-batch-support';

// Jobs that fail for good: on the last attempt the consumer settles the work as failed with the
// error; a message that died without an error reaches the dead-letter queue, whose consumer does
// the same. Either way nobody has to press Stop → Start to learn that a batch is not moving.

restoreJobHandlersAfterEach();
const message = (body: unknown, attempts: number) => fakeMessage(body, attempts);

/** A registered batch put in the state a start leaves it (sending, run 1, chunk 0) without queueing its job. */
async function sendingBatchWithoutJob() {
  const p = await buildBulkProject();
  const batch = await registerChosen(p, addresses(3));
  await env.DB.batch([
    env.DB.prepare(`UPDATE send_batches SET status = 'sending', run_no = 1, started_at = ?2 WHERE id = ?1`).bind(batch.id, new Date().toISOString()),
    env.DB.prepare(`UPDATE send_batch_items SET run_no = 1, chunk_no = 0 WHERE batch_id = ?1`).bind(batch.id),
  ]);
  return { p, batch, job: { type: 'send-batch.chunk', batchId: batch.id, runNo: 1, chunkNo: 0 } };
}

describe('a bulk batch whose chunk job fails for good', () => {
  it('retries before the last attempt; on the last, its items fail with the error and the batch finishes', async () => {
    const { p, batch, job } = await sendingBatchWithoutJob();
    jobHandlers['send-batch.chunk'] = async () => {
      throw new Error('D1_ERROR: database is overloaded');
    };
    const early = message(job, QUEUE_MAX_ATTEMPTS - 1);
    await handleQueueBatch({ queue: 'progress-billing-jobs', messages: [early] } as never, env, createExecutionContext() as never);
    expect([early.acked, early.retried]).toEqual([false, 32]);
    expect((await progressOf(p, batch.id)).status).toBe('sending');

    const last = message(job, QUEUE_MAX_ATTEMPTS);
    await handleQueueBatch({ queue: 'progress-billing-jobs', messages: [last] } as never, env, createExecutionContext() as never);
    expect([last.acked, last.retried]).toEqual([true, null]);
    const rows = await itemRows(batch.id);
    expect(rows.map((r) => [r.status, r.reason])).toEqual(
      Array(rows.length).fill(['failed', `Not sent: D1_ERROR: database is overloaded (after ${QUEUE_MAX_ATTEMPTS} attempts)`]),
    );
    expect(await progressOf(p, batch.id)).toMatchObject({ status: 'finished', sent: 0, failed: rows.length });
    expect((await ok(200, p.token, 'GET', `${batchesPath(p)}/${batch.id}`)).status).toBe('finished');
  });

  it('a dead-lettered chunk (no error reported) fails its pending items, and its claimed ones with a warning', async () => {
    const { p, batch, job } = await sendingBatchWithoutJob();
    const [first] = await itemRows(batch.id);
    await env.DB.prepare(`UPDATE send_batch_items SET status = 'claimed', claim_id = 'clm_dead', claimed_at = ?2 WHERE id = ?1`)
      .bind(first!.id, new Date().toISOString())
      .run();
    const dead = message(job, 1);
    await worker.queue({ queue: DEAD_LETTER_QUEUE, messages: [dead] } as never, env as never, createExecutionContext() as never);
    expect(dead.acked).toBe(true);
    const rows = await itemRows(batch.id);
    expect(rows[0]).toMatchObject({ status: 'failed', claim_id: null });
    expect(rows[0]!.reason).toMatch(/^Sending stopped mid-way; check the Postmark activity before resending\. the job did not finish in 6 attempts/);
    expect(rows.slice(1).map((r) => r.reason)).toEqual(
      Array(rows.length - 1).fill('Not sent: the job did not finish in 6 attempts (it stopped without reporting an error: a crash or a time limit)'),
    );
    expect(await progressOf(p, batch.id)).toMatchObject({ status: 'finished', failed: rows.length });
  });
});

describe('a message (an invoice email, a reply) whose delivery job fails for good', () => {
  it('shows as failed with the reason, from the last attempt or from the dead-letter queue', async () => {
    const b = await buildReadyInvoice();
    const q = recordingQueue();
    const ctx = await serviceCtx(b.admin.id, { JOBS: q.queue });
    const send = () =>
      sendInvoiceEmail({
        ctx,
        input: {
          invoiceId: b.invoiceId,
          body: { to: [{ email: 'maria.gomez@owner-example.com', name: 'María Gómez' }], isPrivate: false, attachmentIds: [], message: '' } as never,
        },
      });
    const viaLastAttempt = await send();
    const viaDeadLetter = await send();
    jobHandlers['email.deliver'] = async () => {
      throw new Error('R2 read timed out');
    };
    const [a, bMsg] = [message(q.sent[0]!.body, QUEUE_MAX_ATTEMPTS), message(q.sent[1]!.body, 1)];
    await handleQueueBatch({ queue: 'progress-billing-jobs', messages: [a] } as never, env, createExecutionContext() as never);
    await worker.queue({ queue: DEAD_LETTER_QUEUE, messages: [bMsg] } as never, env as never, createExecutionContext() as never);
    const row = async (id: string) => (await db().select().from(emailMessages).where(eq(emailMessages.id, id)))[0]!;
    expect(await row(viaLastAttempt.email.id)).toMatchObject({
      status: 'failed',
      failureReason: `Not delivered: R2 read timed out (after ${QUEUE_MAX_ATTEMPTS} attempts)`,
    });
    expect(await row(viaDeadLetter.email.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Not delivered: the job did not finish in 6 attempts (it stopped without reporting an error: a crash or a time limit)',
    });
    const tab = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    const shown = tab.threads.flatMap((t: any) => t.messages).find((m: any) => m.id === viaLastAttempt.email.id);
    expect(shown).toMatchObject({ status: 'failed', failureReason: `Not delivered: R2 read timed out (after ${QUEUE_MAX_ATTEMPTS} attempts)` });
  });
});

import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/queues/jobs';
import { ok } from './helpers';
import { addresses, batchesPath, buildBulkProject, FakePostmarkBatch, itemRows, registerChosen, waitForStatus } from './send-batch-support';

let fake: FakePostmarkBatch;
afterEach(() => fake?.uninstall());

const runJob = (job: object) => jobHandlers['send-batch.chunk']!(job as never, env as never, {} as never);
const chunkJob = (batchId: string, runNo: number, chunkNo: number) => ({ type: 'send-batch.chunk', batchId, runNo, chunkNo });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a dead attempt's claim looks like once STALE_CLAIM_MS have passed. */
const ageClaims = (batchId: string) =>
  env.DB.prepare(`UPDATE send_batch_items SET claimed_at = '2000-01-01T00:00:00.000Z' WHERE batch_id = ?1 AND status = 'claimed'`).bind(batchId).run();

function expectEachOnce(ids: string[], total: number) {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect(counts.size).toBe(total);
  expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
}

describe('never sending an item twice', () => {
  it('a redelivered queue message sends nothing twice, during the run or after it', async () => {
    fake = new FakePostmarkBatch().install();
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(300));
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    // copies of both chunk jobs delivered at once, racing the queue's own delivery
    await Promise.all([runJob(chunkJob(batch.id, 1, 0)), runJob(chunkJob(batch.id, 1, 0)), runJob(chunkJob(batch.id, 1, 1)), runJob(chunkJob(batch.id, 1, 1))]);
    await waitForStatus(p, batch.id, 'finished');
    const callsAtFinish = fake.batchCalls.length;
    for (const chunkNo of [0, 1, 0, 1]) await runJob(chunkJob(batch.id, 1, chunkNo));
    await sleep(1500);
    expect(fake.batchCalls.length).toBe(callsAtFinish);
    expect(fake.batchCalls.reduce((n, c) => n + c.messages.length, 0)).toBe(600);
    expectEachOnce(fake.acceptedItemIds(), 600);
    const rows = await itemRows(batch.id);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const threads = await env.DB.prepare('SELECT count(*) AS n FROM email_threads WHERE id IN (SELECT thread_id FROM send_batch_items WHERE batch_id = ?1)')
      .bind(batch.id)
      .first<{ n: number }>();
    expect(threads!.n).toBe(600);
  });

  it('a crash after Postmark accepted a chunk: the claim is reconciled with Postmark, nothing is resent', async () => {
    fake = new FakePostmarkBatch().install();
    fake.answerCall(1, 'lose-answer');
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(250));
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    await sleep(3500); // the attempt lost its answer; the queue's retry found the claim still fresh and waits
    expect((await itemRows(batch.id)).every((r) => r.status === 'claimed')).toBe(true);
    expect(fake.batchCalls).toHaveLength(1);

    await ageClaims(batch.id);
    await runJob(chunkJob(batch.id, 1, 0));
    const done = await waitForStatus(p, batch.id, 'finished');
    expect(done).toMatchObject({ sent: 500, failed: 0 });
    expect(fake.batchCalls).toHaveLength(1);
    expect(fake.searches.some((s) => s.get('metadata_sendBatchClaim')?.startsWith('clm_'))).toBe(true);
    const rows = await itemRows(batch.id);
    const accepted = new Map(fake.accepted.map((a) => [a.message.Metadata!.sendBatchItem, a.id]));
    expect(rows.filter((r) => r.postmark_message_id !== accepted.get(r.id))).toEqual([]);
    const messages = await env.DB.prepare(
      'SELECT count(*) AS n FROM email_messages WHERE id IN (SELECT email_message_id FROM send_batch_items WHERE batch_id = ?1)',
    )
      .bind(batch.id)
      .first<{ n: number }>();
    expect(messages!.n).toBe(500);
  });

  it('a crash before Postmark took the chunk: the claim is released and each item goes out once', async () => {
    fake = new FakePostmarkBatch().install();
    fake.answerCall(1, 'network-error');
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(250));
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    await sleep(3500);
    expect(fake.accepted).toHaveLength(0);
    await ageClaims(batch.id);
    await runJob(chunkJob(batch.id, 1, 0));
    await waitForStatus(p, batch.id, 'finished');
    expect(fake.batchCalls.map((c) => c.messages.length)).toEqual([500, 500]);
    expectEachOnce(fake.acceptedItemIds(), 500);
    const rows = await itemRows(batch.id);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 2)).toBe(true);
  });

  it('a job of an earlier run sends nothing after a stop and a restart', async () => {
    fake = new FakePostmarkBatch().install();
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(300));
    fake.onCall = async (n) => {
      if (n === 1) await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/stop`);
    };
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    await waitForStatus(p, batch.id, 'stopped');
    await sleep(1500);
    await runJob(chunkJob(batch.id, 1, 1)); // run 1's second chunk, delivered late: the batch is stopped
    expect(fake.batchCalls).toHaveLength(1);
    fake.onCall = null;
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    await waitForStatus(p, batch.id, 'finished');
    for (const job of [chunkJob(batch.id, 1, 0), chunkJob(batch.id, 1, 1), chunkJob(batch.id, 2, 0)]) await runJob(job);
    expect(fake.batchCalls.map((c) => c.messages.length)).toEqual([500, 100]);
    expectEachOnce(fake.acceptedItemIds(), 600);
  });
});

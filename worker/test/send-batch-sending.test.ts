import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { api, ok } from './helpers';
import {
  addressOf,
  addresses,
  batchesPath,
  buildBulkProject,
  FakePostmarkBatch,
  itemRows,
  progressOf,
  registerChosen,
  waitFor,
  waitForStatus,
} from './send-batch-support';

let fake: FakePostmarkBatch;
afterEach(() => fake?.uninstall());

const countBy = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

describe('sending a batch through Postmark', () => {
  it('sends 1,200 items in 3 batch calls, each result recorded, each opening a thread on its invoice', async () => {
    fake = new FakePostmarkBatch().install();
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(600));
    expect(batch.itemCount).toBe(1200);
    const started = await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    expect(started.status).toBe('sending');
    const done = await waitForStatus(p, batch.id, 'finished');
    expect(done).toEqual({ status: 'finished', total: 1200, sent: 1200, failed: 0, pending: 0, inFlight: 0 });
    expect(fake.batchCalls.map((c) => c.messages.length)).toEqual([500, 500, 200]);
    const rows = await itemRows(batch.id);
    expect(countBy(fake.acceptedItemIds()).size).toBe(1200);
    const byItem = new Map(fake.accepted.map((a) => [a.message.Metadata!.sendBatchItem, a]));
    for (const r of rows) {
      const a = byItem.get(r.id)!;
      expect([r.status, r.postmark_message_id, addressOf(a.message.To)]).toEqual(['sent', a.id, r.recipient_email]);
    }
    // replies land on the invoice: the item's thread and message exist, with the reply address Postmark got
    const first = rows[0]!;
    const emails = await ok(200, p.token, 'GET', `/api/v1/invoices/${p.invoiceIds[0]}/emails`);
    expect(emails.threads).toHaveLength(600);
    const thread = emails.threads.find((t: any) => t.id === first.thread_id);
    expect(thread.replyAddress).toBe(`reply+${first.reply_token}@${env.INBOUND_DOMAIN}`);
    expect(thread.messages.map((m: any) => [m.status, m.providerMessageId, m.to[0].email])).toEqual([
      ['sent', first.postmark_message_id, first.recipient_email],
    ]);
    expect(byItem.get(first.id)!.message.ReplyTo).toContain(thread.replyAddress);
    const finished = await ok(200, p.token, 'GET', `${batchesPath(p)}/${batch.id}`);
    expect(finished.finishedAt).not.toBeNull();
  });

  it('fails only the item whose address Postmark refuses, and the CSV says why', async () => {
    fake = new FakePostmarkBatch().install();
    fake.refused.add('bad.mailbox@owner.example');
    const p = await buildBulkProject();
    const batch = await registerChosen(p, [{ email: 'good@owner.example', name: 'Good, "Quoted" Name' }, { email: 'bad.mailbox@owner.example' }]);
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    expect(await waitForStatus(p, batch.id, 'finished')).toMatchObject({ sent: 2, failed: 2, pending: 0 });
    expect(fake.batchCalls).toHaveLength(1);
    const rows = await itemRows(batch.id);
    expect(rows.map((r) => [r.recipient_email, r.status, r.reason])).toEqual([
      ['good@owner.example', 'sent', null],
      ['bad.mailbox@owner.example', 'failed', "Postmark error 300: Invalid 'To' address: 'bad.mailbox@owner.example'."],
      ['good@owner.example', 'sent', null],
      ['bad.mailbox@owner.example', 'failed', "Postmark error 300: Invalid 'To' address: 'bad.mailbox@owner.example'."],
    ]);
    const csv = await api(p.token, 'GET', `${batchesPath(p)}/${batch.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Invoice,Contract,Contract title,Recipient email,Recipient name,Status,Postmark message ID,Reason,Sent at');
    expect(lines[1]).toBe(`1,1,Prime,good@owner.example,"Good, ""Quoted"" Name",sent,${rows[0]!.postmark_message_id},,${rows[0]!.sent_at}`);
    expect(lines[2]).toBe(`1,1,Prime,bad.mailbox@owner.example,,failed,,Postmark error 300: Invalid 'To' address: 'bad.mailbox@owner.example'.,`);
    expect(lines).toHaveLength(6);
  });

  it('retries a call that got a 500 without sending anything twice', async () => {
    fake = new FakePostmarkBatch().install();
    fake.answerCall(2, { status: 500, body: { ErrorCode: 0, Message: 'Internal Server Error' } });
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(300));
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    expect(await waitForStatus(p, batch.id, 'finished', 30_000)).toMatchObject({ sent: 600, failed: 0 });
    expect(fake.batchCalls.map((c) => [c.messages.length, c.status])).toEqual([
      [500, 200],
      [100, 500],
      [100, 200],
    ]);
    const counts = countBy(fake.acceptedItemIds());
    expect(counts.size).toBe(600);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // the retried items were claimed twice: once for the 500, once for the send
    const rows = await itemRows(batch.id);
    expect(rows.filter((r) => r.attempts === 2).map((r) => r.position)).toEqual(Array.from({ length: 100 }, (_, i) => 500 + i));
  });

  it('stopped after the first chunk leaves the rest pending; start sends only those', async () => {
    fake = new FakePostmarkBatch().install();
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(600));
    fake.onCall = async (n) => {
      if (n === 1) await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/stop`);
    };
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    await waitFor('the first chunk to be recorded', async () => ((await progressOf(p, batch.id)).sent === 500 ? true : undefined));
    await new Promise((r) => setTimeout(r, 2500)); // the other chunk jobs run and must not send
    expect(await progressOf(p, batch.id)).toEqual({ status: 'stopped', total: 1200, sent: 500, failed: 0, pending: 700, inFlight: 0 });
    expect(fake.batchCalls).toHaveLength(1);
    expect((await api(p.token, 'GET', `${batchesPath(p)}/${batch.id}/results.csv`)).status).toBe(409);

    fake.onCall = null;
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    expect(await waitForStatus(p, batch.id, 'finished')).toMatchObject({ sent: 1200, pending: 0 });
    expect(fake.batchCalls.map((c) => c.messages.length)).toEqual([500, 500, 200]);
    const firstChunk = new Set(fake.batchCalls[0]!.messages.map((m) => m.Metadata!.sendBatchItem));
    const resumed = fake.batchCalls.slice(1).flatMap((c) => c.messages.map((m) => m.Metadata!.sendBatchItem!));
    expect(resumed.filter((id) => firstChunk.has(id))).toEqual([]);
    expect(countBy(fake.acceptedItemIds()).size).toBe(1200);
    expect((await api(p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`)).status).toBe(409);
  });

  it('attaches the invoice PDF when asked, rendered once per invoice', async () => {
    fake = new FakePostmarkBatch().install();
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(3), { attachPdf: true });
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    await waitForStatus(p, batch.id, 'finished');
    const messages = fake.batchCalls.flatMap((c) => c.messages) as any[];
    expect(messages).toHaveLength(6);
    const names = messages.map((m) => m.Attachments.map((a: any) => `${a.Name}|${a.ContentType}`));
    expect(names).toEqual([...Array(3).fill(['Invoice 1 - Prime.pdf|application/pdf']), ...Array(3).fill(['Invoice 2 - Prime.pdf|application/pdf'])]);
    expect(atob(messages[0].Attachments[0].Content).slice(0, 5)).toBe('%PDF-');
    // every recipient of an invoice gets the very same file
    expect(new Set(messages.slice(0, 3).map((m) => m.Attachments[0].Content)).size).toBe(1);
    expect(messages[0].HtmlBody).toContain('Invoice 1 - Prime.pdf');
  });

  it('without a Postmark token the local outbox records every message', async () => {
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(3));
    await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/start`);
    expect(await waitForStatus(p, batch.id, 'finished')).toMatchObject({ sent: 6 });
    const rows = await itemRows(batch.id);
    const { results } = await env.DB.prepare(
      `SELECT m.provider_message_id, m.body_r2_key, t.invoice_id FROM email_messages m JOIN email_threads t ON t.id = m.thread_id
       WHERE m.id IN (SELECT email_message_id FROM send_batch_items WHERE batch_id = ?1)`,
    )
      .bind(batch.id)
      .all<any>();
    expect(results.map((r) => r.provider_message_id).sort()).toEqual(rows.map((r) => r.postmark_message_id).sort());
    expect(results.every((r) => r.provider_message_id.startsWith('local-'))).toBe(true);
    const body = await env.FILES.get(results[0].body_r2_key);
    expect(((await body!.json()) as { html: string }).html).toContain('Schedule of values');
  });
});

import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { emailMessages, inboundReceipts } from '../src/db/schema';
import { systemCtx } from '../src/email/system-ctx';
import type { Env } from '../src/env';
import { processInbound } from '../src/services/emails/process-inbound';
import { receiveInbound } from '../src/services/emails/receive-inbound';
import { buildReadyInvoice } from './email-builders';
import { fixtureWithToken, recordingQueue } from './email-support';
import { db, ok } from './helpers';

// The webhook stores the payload and queues its key; the consumer writes the receipt. A job may
// run more than once (a redrive while it is in flight, a retry): the mail is stored once and
// never reported as a duplicate of itself.

async function stored(payload: unknown) {
  const q = recordingQueue();
  const ctx = { ...systemCtx(env), env: { ...(env as unknown as Env), JOBS: q.queue } };
  const job = await receiveInbound({ ctx, input: { body: new TextEncoder().encode(JSON.stringify(payload)).buffer as ArrayBuffer } });
  expect(q.sent.map((m) => m.body)).toEqual([job]);
  return { ctx, job };
}

describe('inbound jobs', () => {
  it('the same job twice at once stores one message, a stored receipt, and keeps the payload', async () => {
    const b = await buildReadyInvoice();
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: 'ana.ruiz@gc-example.com' }] });
    const token = /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]!;
    const payload = fixtureWithToken(fixture, token, { MessageID: crypto.randomUUID() });
    const { ctx, job } = await stored(payload);
    expect(job).toMatchObject({
      type: 'email.inbound',
      receiptId: expect.stringMatching(/^rcp_/),
      r2Key: expect.stringMatching(/^inbound\/raw\/\d{4}-\d\d-\d\d\/\d{9}-rcp_/),
    });
    await Promise.all([processInbound({ ctx, input: job }), processInbound({ ctx, input: job })]);
    await processInbound({ ctx, input: job }); // and once more, later
    const [receipt] = await db().select().from(inboundReceipts).where(eq(inboundReceipts.id, job.receiptId));
    expect(receipt).toMatchObject({ status: 'stored', providerMessageId: payload.MessageID, r2Key: job.r2Key, receivedAt: job.receivedAt });
    expect(receipt!.sizeBytes).toBe(new TextEncoder().encode(JSON.stringify(payload)).length);
    expect(await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID))).toHaveLength(1);
    expect(await env.FILES.get(job.r2Key)).not.toBeNull();
  });

  it('a duplicate delivery re-run after its copy was dropped stays a duplicate', async () => {
    const b = await buildReadyInvoice();
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: 'ana.ruiz@gc-example.com' }] });
    const token = /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]!;
    const payload = fixtureWithToken(fixture, token, { MessageID: crypto.randomUUID(), Attachments: [] });
    const first = await stored(payload);
    const second = await stored(payload);
    await processInbound({ ctx: first.ctx, input: first.job });
    await processInbound({ ctx: second.ctx, input: second.job });
    await processInbound({ ctx: second.ctx, input: second.job });
    const [dup] = await db().select().from(inboundReceipts).where(eq(inboundReceipts.id, second.job.receiptId));
    expect(dup).toMatchObject({ status: 'duplicate', error: null });
    expect(await env.FILES.get(second.job.r2Key)).toBeNull();
    expect(await env.FILES.get(first.job.r2Key)).not.toBeNull();
  });
});

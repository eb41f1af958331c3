// Signed lien waivers go with an invoice sent in bulk as they go with a single send
// (services/send-batches/invoice-content.ts reuses services/lien-waivers/email-waivers.ts).
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTMARK_MAX_MESSAGE_BYTES } from '@shared/api/emails';
import { attachments } from '../src/db/schema';
import { jobHandlers } from '../src/queues/jobs';
import { bytesToBase64 } from '../src/email/base64';
import { api, db, ok } from './helpers';
import { addressOf, FakePostmarkBatch, itemRows, waitFor } from './send-batch-support';
import { buildWaiverProject, type WaiverProject } from './waiver-builders';

let fake: FakePostmarkBatch;
afterEach(() => fake?.uninstall());

type Attachment = { Name: string; Content: string; ContentType: string };

const signer = { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true };

/** A conditional progress waiver on the invoice, signed: its view (with the attachment id). */
async function signedWaiver(b: WaiverProject, invoiceId: string) {
  const draft = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${invoiceId}/lien-waivers`, { type: 'conditional_progress' });
  return ok(200, b.admin.token, 'POST', `/api/v1/lien-waivers/${draft.id}/sign`, signer);
}

async function storedFile(attachmentId: string) {
  const [row] = await db().select().from(attachments).where(eq(attachments.id, attachmentId));
  const obj = await env.FILES.get(row!.r2Key);
  return { row: row!, bytes: new Uint8Array(await obj!.arrayBuffer()) };
}

const batchesPath = (b: WaiverProject) => `/api/v1/projects/${b.projectId}/send-batches`;

/** Invoices 1 and 2 of the owner contract to two chosen addresses, with the invoice PDF; started. */
async function startBoth(b: WaiverProject): Promise<string> {
  const batch = await ok(201, b.admin.token, 'POST', batchesPath(b), {
    name: 'Month end',
    selections: [{ contractId: b.primeId, fromNumber: 1, toNumber: 2 }],
    recipients: { mode: 'chosen', addresses: [{ email: 'owner@harbor.example', name: 'Olivia Owner' }, { email: 'lender@bank.example' }] },
    attachPdf: true,
  });
  await ok(200, b.admin.token, 'POST', `${batchesPath(b)}/${batch.id}/start`);
  return batch.id;
}

const finished = (b: WaiverProject, batchId: string) =>
  waitFor(`batch ${batchId} to finish`, async () => {
    const progress = await ok(200, b.admin.token, 'GET', `${batchesPath(b)}/${batchId}/progress`);
    return progress.status === 'finished' ? progress : undefined;
  });

async function sendBoth(b: WaiverProject) {
  const batchId = await startBoth(b);
  await finished(b, batchId);
  return itemRows(batchId);
}

const acceptedFor = (itemId: string) => fake.accepted.find((a) => a.message.Metadata?.sendBatchItem === itemId)!.message;

describe('signed lien waivers in a send batch', () => {
  it("carries the invoice's signed waiver (not a void one) to every recipient, names it in the body, and records it as emailed", async () => {
    fake = new FakePostmarkBatch().install();
    const b = await buildWaiverProject({ jurisdiction: 'US-CA', finalInvoice: true });
    const voided = await signedWaiver(b, b.invoice1);
    await ok(200, b.admin.token, 'POST', `/api/v1/lien-waivers/${voided.id}/void`, { reason: 'Wrong through date' });
    const signed = await signedWaiver(b, b.invoice1);
    const waiver = await storedFile(signed.attachmentId);
    expect(waiver.bytes.length).toBeGreaterThan(1000);

    const rows = await sendBoth(b);
    expect(rows.map((r) => [r.invoice_id, r.recipient_email, r.status])).toEqual([
      [b.invoice1, 'owner@harbor.example', 'sent'],
      [b.invoice1, 'lender@bank.example', 'sent'],
      [b.invoice2, 'owner@harbor.example', 'sent'],
      [b.invoice2, 'lender@bank.example', 'sent'],
    ]);
    const [one, two, three, four] = rows.map((r) => acceptedFor(r.id));
    for (const m of [one!, two!]) {
      const files = m.Attachments as Attachment[];
      expect(files.map((f) => [f.Name, f.ContentType])).toEqual([
        [expect.stringMatching(/\.pdf$/), 'application/pdf'],
        [waiver.row.fileName, 'application/pdf'],
      ]);
      expect(files[0]!.Name).not.toBe(waiver.row.fileName);
      expect(files[1]!.Content).toBe(bytesToBase64(waiver.bytes));
      // the body's list of attachments names the invoice PDF and the waiver
      expect(m.TextBody).toContain(`${files[0]!.Name}, ${waiver.row.fileName}`);
    }
    // invoice 2 has no waiver: the invoice PDF only, as before
    for (const m of [three!, four!]) expect((m.Attachments as Attachment[]).map((f) => f.ContentType)).toEqual(['application/pdf']);

    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${signed.id}/events`)).events;
    const emailed = events.filter((e: any) => e.action === 'emailed');
    expect(emailed.map((e: any) => e.detail)).toEqual(
      expect.arrayContaining([
        { messageId: rows[0]!.email_message_id, to: ['owner@harbor.example'] },
        { messageId: rows[1]!.email_message_id, to: ['lender@bank.example'] },
      ]),
    );
    expect(emailed).toHaveLength(2);
    expect(emailed[0].user).toEqual({ id: b.admin.id, name: 'Ana Ruiz' });
    const voidEvents = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${voided.id}/events`)).events;
    expect(voidEvents.map((e: any) => e.action)).toEqual(['created', 'signed', 'voided']);
    expect(addressOf(one!.To)).toBe('owner@harbor.example');
  });

  it("an invoice whose waivers take it over Postmark's 10 MB fails with the reason, not sent without them; the others go", async () => {
    fake = new FakePostmarkBatch().install();
    const b = await buildWaiverProject({ jurisdiction: 'US-CA', finalInvoice: true });
    const signed = await signedWaiver(b, b.invoice1);
    // a waiver file of 7.6 MB: base64 ≈ 10.1 MB, over the limit with nothing else
    const { row } = await storedFile(signed.attachmentId);
    const big = new Uint8Array(Math.ceil((POSTMARK_MAX_MESSAGE_BYTES * 3) / 4) + 1024);
    await env.FILES.put(row.r2Key, big);

    const rows = await sendBoth(b);
    expect(rows.map((r) => [r.invoice_id, r.status])).toEqual([
      [b.invoice1, 'failed'],
      [b.invoice1, 'failed'],
      [b.invoice2, 'sent'],
      [b.invoice2, 'sent'],
    ]);
    expect(rows[0]!.reason).toMatch(/^The message would be 10\.\d MB; Postmark accepts at most 10\.0 MB per message$/);
    expect(fake.accepted.map((a) => a.message.Metadata?.sendBatchItem)).toEqual([rows[2]!.id, rows[3]!.id]);
    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${signed.id}/events`)).events;
    expect(events.map((e: any) => e.action)).toEqual(['created', 'signed']);
    expect((await api(b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/emails`)).body.threads).toEqual([]);
  });

  it('a claim whose answer was lost is reconciled with Postmark: each message sent once, with its waiver, one emailed event each', async () => {
    fake = new FakePostmarkBatch().install();
    fake.answerCall(1, 'lose-answer');
    const b = await buildWaiverProject({ jurisdiction: 'US-CA', finalInvoice: true });
    const signed = await signedWaiver(b, b.invoice1);
    const waiver = await storedFile(signed.attachmentId);
    const batchId = await startBoth(b);
    await waitFor('the first call', async () => fake.batchCalls.length === 1);
    await new Promise((r) => setTimeout(r, 3500)); // the attempt lost its answer; the queue's retry finds the claim fresh and waits
    expect((await itemRows(batchId)).every((r) => r.status === 'claimed')).toBe(true);
    // what a dead attempt's claim looks like once stale, then the chunk job again: it adopts what Postmark took
    await env.DB.prepare(`UPDATE send_batch_items SET claimed_at = '2000-01-01T00:00:00.000Z' WHERE batch_id = ?1 AND status = 'claimed'`).bind(batchId).run();
    await jobHandlers['send-batch.chunk']!({ type: 'send-batch.chunk', batchId, runNo: 1, chunkNo: 0 } as never, env as never, {} as never);
    await finished(b, batchId);
    expect(fake.batchCalls).toHaveLength(1);
    const rows = await itemRows(batchId);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const withWaiver = rows.filter((r) => r.invoice_id === b.invoice1);
    for (const r of withWaiver) expect((acceptedFor(r.id).Attachments as Attachment[])[1]!.Content).toBe(bytesToBase64(waiver.bytes));
    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${signed.id}/events`)).events;
    expect(
      events
        .filter((e: any) => e.action === 'emailed')
        .map((e: any) => e.detail.messageId)
        .sort(),
    ).toEqual(withWaiver.map((r) => r.email_message_id).sort());
  });
});

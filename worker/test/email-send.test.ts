import { env, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailMessages, users } from '../src/db/schema';
import { deliverMessage, STALE_CLAIM_MS } from '../src/services/emails/deliver-message';
import { redriveStuck, STUCK_AFTER_MS } from '../src/services/emails/redrive-stuck';
import { sendInvoiceEmail } from '../src/services/emails/send-invoice-email';
import { systemCtx } from '../src/email/system-ctx';
import { addMember, buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { FakePostmark, recordingQueue, serviceCtx, waitFor } from './email-support';
import { api, db, ok, seedUser } from './helpers';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function upload(token: string, projectId: string, name: string, bytes: Uint8Array, type = 'application/pdf') {
  const form = new FormData();
  form.set('projectId', projectId);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  const res = await SELF.fetch('http://localhost/api/v1/attachments', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/** Sends through the verb with a recording queue: delivery is then driven by calling the job directly. */
async function sendDirect(b: ReadyInvoice, body: Record<string, unknown> = {}) {
  const q = recordingQueue();
  const ctx = await serviceCtx(b.admin.id, { JOBS: q.queue });
  const out = await sendInvoiceEmail({
    ctx,
    input: {
      invoiceId: b.invoiceId,
      body: { to: [{ email: 'maria.gomez@owner-example.com', name: 'María Gómez' }], isPrivate: false, attachmentIds: [], message: '', ...body } as never,
    },
  });
  expect(q.sent).toEqual([{ body: { type: 'email.deliver', messageId: out.email.id }, delaySeconds: undefined }]);
  return { out, ctx, q };
}

const messageRow = async (id: string) => (await db().select().from(emailMessages).where(eq(emailMessages.id, id)))[0]!;

describe('sending an invoice email', () => {
  let b: ReadyInvoice;
  let postmark: FakePostmark;
  beforeAll(async () => {
    b = await buildReadyInvoice({
      lines: [
        { itemNo: '1', description: 'General conditions', scheduledValueCents: 5_000_000, thisPeriod: 12_500 },
        { itemNo: '2', description: 'Concrete <script>alert(1)</script>', scheduledValueCents: 12_345_678, thisPeriod: 6_234.45 },
      ],
    });
  });
  afterEach(() => postmark?.uninstall());

  it('send → "Communication created" at once, then sent with Postmark\'s id through the real queue', async () => {
    postmark = new FakePostmark().install();
    const att = await upload(b.admin.token, b.projectId, 'lien waiver.pdf', PDF);
    expect(att.status).toBe(201);
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
      to: [{ email: 'Maria.Gomez@owner-example.com', name: 'María Gómez' }],
      attachmentIds: [att.body.id],
      message: 'Please find invoice #1 for March.',
    });
    expect(sent.message).toBe('Communication created');
    expect(sent.email.status).toBe('queued');
    expect(sent.email.cc).toEqual([{ email: b.admin.email, name: 'Ana Ruiz', userId: b.admin.id }]);
    const token = /^reply\+([0-9a-f]{32})@reply\.localhost$/.exec(sent.thread.replyAddress)![1];

    const view = await waitFor('the message to be sent', async () => {
      const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
      const m = list.threads[0].messages[0];
      return m.status === 'sent' ? m : undefined;
    });
    expect(postmark.sends()).toHaveLength(1);
    expect(view.providerMessageId).toBe(postmark.accepted[0]!.id);

    const call = postmark.sends()[0]!;
    expect(call.headers.get('x-postmark-server-token')).toBe('test-server-token');
    const m = call.body;
    expect(m.From).toBe(`"Ana Ruiz via Progress Billing" <reply+${token}@reply.localhost>`);
    expect(m.ReplyTo).toBe(m.From);
    expect(m.To).toBe('"María Gómez" <maria.gomez@owner-example.com>');
    expect(m.Cc).toBe(`"Ana Ruiz" <${b.admin.email}>`);
    expect(m.Subject).toBe('Invoice #1 for Prime Contract #1 – 2025-03-01 – 2025-03-31');
    expect(m.Headers).toEqual([{ Name: 'Message-ID', Value: `<${sent.email.id}@reply.localhost>` }]);
    expect(m.Metadata).toEqual({ pbMessageId: sent.email.id });
    expect(m.Attachments).toEqual([{ Name: 'lien waiver.pdf', Content: btoa(String.fromCharCode(...PDF)), ContentType: 'application/pdf', ContentID: null }]);
    // the invoice detail: G702 and the SOV, amounts to the cent; user text escaped
    const invoice = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`);
    expect(invoice.g702.line8CurrentPaymentDueCents).toBe(1_686_100);
    expect(m.HtmlBody).toContain('8. Current payment due');
    expect(m.HtmlBody).toContain('$16,861.00');
    expect(m.HtmlBody).toContain('$123,456.78');
    expect(m.HtmlBody).toContain('Concrete &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.HtmlBody).not.toContain('<script>');
    expect(m.HtmlBody).toContain(`http://localhost:8787/api/v1/invoices/${b.invoiceId}/pdf`);
    expect(m.TextBody).toContain('8. Current payment due: $16,861.00');
    expect(m.TextBody).toContain('Please find invoice #1 for March.');
    expect(m.TextBody).toContain('2 Concrete <script>alert(1)</script>');
    // a redelivered job finds it sent and sends nothing
    await deliverMessage({ ctx: systemCtx(env), input: { messageId: sent.email.id } });
    expect(postmark.sends()).toHaveLength(1);
  });

  it('500 then success → sent once, after a retry', async () => {
    postmark = new FakePostmark().answer({ status: 500, body: { ErrorCode: 0, Message: 'Internal error' } }).install();
    const { out, ctx } = await sendDirect(b);
    await expect(deliverMessage({ ctx, input: { messageId: out.email.id } })).rejects.toThrow(/Postmark answered 500/);
    let row = await messageRow(out.email.id);
    expect(row.status).toBe('retrying');
    expect(row.failureReason).toMatch(/^Attempt 1 of 5: Postmark answered 500/);
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    await deliverMessage({ ctx, input: { messageId: out.email.id } }); // the queue redelivers: nothing more
    row = await messageRow(out.email.id);
    expect(postmark.sends()).toHaveLength(2);
    expect(postmark.accepted).toHaveLength(1);
    expect(row).toMatchObject({ status: 'sent', providerMessageId: postmark.accepted[0]!.id, attempts: 2, failureReason: null });
  });

  it('429 is retried too, and a message is given up after 5 attempts', async () => {
    const busy = { status: 429, body: { ErrorCode: 429, Message: 'Rate limit exceeded' } };
    postmark = new FakePostmark().answer(busy, busy, busy, busy, busy).install();
    const { out, ctx } = await sendDirect(b);
    for (let i = 1; i < 5; i++) await expect(deliverMessage({ ctx, input: { messageId: out.email.id } })).rejects.toThrow(/429/);
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    const row = await messageRow(out.email.id);
    expect(row.status).toBe('failed');
    expect(row.failureReason).toMatch(/^Gave up after 5 attempts\. Postmark answered 429/);
    expect(postmark.accepted).toHaveLength(0);
  });

  it("422 invalid address → failed with Postmark's reason, not retried", async () => {
    postmark = new FakePostmark().answer({ status: 422, body: { ErrorCode: 300, Message: "Invalid 'To' address: 'maria.gomez@owner-example'." } }).install();
    const { out, ctx } = await sendDirect(b);
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    expect(postmark.sends()).toHaveLength(1);
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    const m = list.threads.flatMap((t: any) => t.messages).find((x: any) => x.id === out.email.id);
    expect(m.status).toBe('failed');
    expect(m.failureReason).toBe("Postmark answered 422 (error 300): Invalid 'To' address: 'maria.gomez@owner-example'.");
  });

  it('a redelivery after an attempt died mid-send asks Postmark and does not send again', async () => {
    postmark = new FakePostmark().install();
    const { out, ctx, q } = await sendDirect(b);
    // an attempt claimed the message, Postmark accepted it, and the worker died before recording it
    postmark.remember('pm-accepted-before-crash', { Metadata: { pbMessageId: out.email.id } });
    await db().update(emailMessages).set({ status: 'sending', attempts: 1, sendingAt: new Date().toISOString() }).where(eq(emailMessages.id, out.email.id));
    // while the claim is fresh: looked at again later, nothing sent
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    expect(q.sent.at(-1)).toMatchObject({ body: { type: 'email.deliver', messageId: out.email.id } });
    expect(q.sent.at(-1)!.delaySeconds).toBeGreaterThan(50);
    expect(postmark.calls).toHaveLength(0);
    // once stale: Postmark is asked by our metadata, and the message is recorded as sent
    await db()
      .update(emailMessages)
      .set({ sendingAt: new Date(Date.now() - STALE_CLAIM_MS - 1000).toISOString() })
      .where(eq(emailMessages.id, out.email.id));
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    expect(postmark.sends()).toHaveLength(0);
    expect(await messageRow(out.email.id)).toMatchObject({ status: 'sent', providerMessageId: 'pm-accepted-before-crash' });
    // a dead attempt that never reached Postmark: not found there, so it is sent (once)
    const { out: lost } = await sendDirect(b);
    await db()
      .update(emailMessages)
      .set({ status: 'sending', attempts: 1, sendingAt: new Date(Date.now() - STALE_CLAIM_MS - 1000).toISOString() })
      .where(eq(emailMessages.id, lost.email.id));
    await deliverMessage({ ctx, input: { messageId: lost.email.id } });
    await deliverMessage({ ctx, input: { messageId: lost.email.id } });
    expect(postmark.sends()).toHaveLength(1);
    expect(await messageRow(lost.email.id)).toMatchObject({ status: 'sent', providerMessageId: postmark.accepted.at(-1)!.id, attempts: 2 });
  });

  it('a message whose delivery job was lost is queued again, and sent once', async () => {
    postmark = new FakePostmark().install();
    const { out, ctx, q } = await sendDirect(b);
    q.sent.length = 0;
    const later = Date.now() + STUCK_AFTER_MS + 1000;
    expect((await redriveStuck({ ctx, input: {} })).messages).not.toContain(out.email.id);
    expect((await redriveStuck({ ctx, input: { now: later } })).messages).toContain(out.email.id);
    expect(q.sent.map((m) => m.body)).toContainEqual({ type: 'email.deliver', messageId: out.email.id });
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    expect((await redriveStuck({ ctx, input: { now: later } })).messages).not.toContain(out.email.id);
    expect(postmark.sends()).toHaveLength(1);
  });

  it('without a Postmark token the local outbox keeps it: sent, with a local id', async () => {
    const { out, ctx } = await sendDirect(b);
    await deliverMessage({ ctx, input: { messageId: out.email.id } });
    const row = await messageRow(out.email.id);
    expect(row.status).toBe('sent');
    expect(row.providerMessageId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(await env.FILES.get(row.bodyR2Key!)).not.toBeNull();
  });

  it('localized subject and body from the sender locale or `locale`', async () => {
    const { out: es } = await sendDirect(b, { locale: 'es' });
    expect(es.email.subject).toBe('Factura n.º 1 del contrato principal n.º 1 – 2025-03-01 – 2025-03-31');
    const body = (await (await env.FILES.get((await messageRow(es.email.id)).bodyR2Key!))!.json()) as { html: string; text: string };
    expect(body.text).toContain('8. Pago actual adeudado: 16.861,00 $');
    const { out: fr } = await sendDirect(b, { locale: 'fr', subject: 'Facture de mars' });
    expect(fr.email.subject).toBe('Facture de mars');
    const frBody = (await (await env.FILES.get((await messageRow(fr.email.id)).bodyR2Key!))!.json()) as { html: string; text: string };
    expect(frBody.text).toContain('8. Paiement actuellement dû: 16\u202f861,00 $');
  });

  it('the subject follows the language the pane sends; the profile language only when it sends none', async () => {
    // a French profile, a pane shown in Spanish (POST /invoices/{id}/emails as the pane calls it)
    await db().update(users).set({ locale: 'fr' }).where(eq(users.id, b.admin.id));
    try {
      const path = `/api/v1/invoices/${b.invoiceId}/emails`;
      const to = [{ email: 'maria.gomez@owner-example.com' }];
      const es = await ok(201, b.admin.token, 'POST', path, { to, locale: 'es' });
      expect(es.email.subject).toBe('Factura n.º 1 del contrato principal n.º 1 – 2025-03-01 – 2025-03-31');
      const esBody = (await (await env.FILES.get((await messageRow(es.email.id)).bodyR2Key!))!.json()) as { text: string };
      expect(esBody.text).toContain('Período de facturación');
      const profile = await ok(201, b.admin.token, 'POST', path, { to });
      expect(profile.email.subject).toBe('Facture n° 1 pour le contrat principal n° 1 – 2025-03-01 – 2025-03-31');
    } finally {
      await db().update(users).set({ locale: 'en' }).where(eq(users.id, b.admin.id));
    }
  });

  it('a follow-up on the same thread keeps the reply address and threading headers', async () => {
    const { out: first } = await sendDirect(b);
    const { out: second } = await sendDirect(b, { threadId: first.thread.id, message: 'Reminder' });
    expect(second.thread.id).toBe(first.thread.id);
    expect(second.thread.replyAddress).toBe(first.thread.replyAddress);
    expect(second.thread.messages.map((m) => m.id)).toEqual([first.email.id, second.email.id]);
    const row = await messageRow(second.email.id);
    expect(row.inReplyTo).toBe(`<${first.email.id}@reply.localhost>`);
    expect(row.referencesHeader).toBe(`<${first.email.id}@reply.localhost>`);
  });

  it('refuses bad input with the field and the reason', async () => {
    const post = (body: unknown, token = b.admin.token) => api(token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, body);
    let r = await post({ to: [] });
    expect(r.status).toBe(422);
    expect(r.body.error.details).toContainEqual(expect.objectContaining({ field: 'to', message: 'add at least one recipient' }));
    r = await post({ to: [{ email: 'not-an-address' }] });
    expect(r.body.error.details).toContainEqual(expect.objectContaining({ field: 'to.0.email', message: 'not a valid email address' }));
    r = await post({ to: [{ userId: 'usr_nobody' }] });
    expect(r.body.error.details).toEqual([{ field: 'to.0.userId', code: 'UNKNOWN_USER', message: 'No user usr_nobody' }]);
    r = await post({ to: [{ email: 'a@b.co' }], cc: [{ email: 'reply+abc@reply.localhost' }] });
    expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'cc.0.email', code: 'REPLY_DOMAIN' })]);
    r = await post({ to: [{ email: 'a@b.co' }], attachmentIds: ['att_missing'] });
    expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'attachmentIds.0', code: 'UNKNOWN_ATTACHMENT' })]);
    r = await post({ to: [{ email: 'a@b.co' }], threadId: 'thr_other' });
    expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'threadId', code: 'UNKNOWN_THREAD' })]);
    r = await post({ to: [{ email: 'a@b.co' }], subject: 'Invoice\r\nBcc: evil@example.com' });
    expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'subject', message: 'the subject must be a single line' })]);
    r = await post({ to: [{ email: 'a@b.co' }], bcc: [] });
    expect(r.status).toBe(422);
  });

  it('checks the 10 MB Postmark limit before sending', async () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(32);
    big.set(PDF);
    const att = await upload(b.admin.token, b.projectId, 'drawings.pdf', big);
    expect(att.status).toBe(201);
    const r = await api(b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: 'a@b.co' }], attachmentIds: [att.body.id] });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.body.error.details[0]).toMatchObject({ field: 'attachmentIds', code: 'MESSAGE_TOO_LARGE' });
    expect(r.body.error.message).toMatch(/would be 10\.\d MB .*at most 10\.0 MB/);
  });

  it('needs admin on the contract tool; an outsider gets 404', async () => {
    const reader = await addMember(b.admin.token, b.projectId, { primeContracts: 'standard' });
    let r = await api(reader.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: 'a@b.co' }] });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('Emailing an invoice needs admin permission on Prime Contracts');
    const outsider = await seedUser();
    r = await api(outsider.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: 'a@b.co' }] });
    expect(r.status).toBe(404);
    r = await api(outsider.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    expect(r.status).toBe(404);
  });
});

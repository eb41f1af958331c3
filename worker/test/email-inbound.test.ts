import { env, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { attachments, emailMessages, inboundReceipts } from '../src/db/schema';
import { addMember, buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, recordingQueue, spfPass, waitFor } from './email-support';
import { systemCtx } from '../src/email/system-ctx';
import type { Env } from '../src/env';
import { processInbound } from '../src/services/emails/process-inbound';
import { receiveInbound } from '../src/services/emails/receive-inbound';
import { redriveStuck, STUCK_AFTER_MS } from '../src/services/emails/redrive-stuck';
import { api, db, ok, seedUser } from './helpers';

type Thread = { id: string; replyAddress: string; messages: any[] };

async function threads(token: string, invoiceId: string): Promise<Thread[]> {
  return (await ok(200, token, 'GET', `/api/v1/invoices/${invoiceId}/emails`)).threads;
}

async function newThread(b: ReadyInvoice, body: Record<string, unknown>): Promise<{ thread: Thread; token: string; emailId: string }> {
  const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, body);
  return { thread: sent.thread, token: /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]!, emailId: sent.email.id };
}

const receiptsFor = (messageId: string) => db().select().from(inboundReceipts).where(eq(inboundReceipts.providerMessageId, messageId));
const uniqueId = () => crypto.randomUUID();

/** Waits until the queue has processed every receipt of this Postmark MessageID (count of them). */
const processed = (postmarkId: string, count = 1) =>
  waitFor(`${count} receipt(s) of ${postmarkId} processed`, async () => {
    const rows = await receiptsFor(postmarkId);
    return rows.length === count && rows.every((r) => r.status !== 'received') ? rows : undefined;
  });

describe('receiving replies', () => {
  let b: ReadyInvoice;
  let main: { thread: Thread; token: string; emailId: string };
  beforeAll(async () => {
    b = await buildReadyInvoice();
    main = await newThread(b, { to: [{ email: 'ana.ruiz@gc-example.com' }], message: 'Invoice 1' });
  });

  it('the fixture reply lands on its thread through the real queue: classified, stripped, attachment stored, outsider flagged', async () => {
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId() });
    const res = await postWebhook('/webhooks/postmark/inbound', payload);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, receiptId: expect.stringMatching(/^rcp_/) });
    const reply = await waitFor(
      'the reply on the thread',
      async () => (await threads(b.admin.token, b.invoiceId)).find((t) => t.id === main.thread.id)!.messages[1],
    );
    expect(reply).toMatchObject({
      direction: 'inbound',
      status: 'received',
      from: { email: 'maria.gomez@owner-example.com', name: 'María Gómez', userId: null },
      subject: 'RE: Invoice #3 for Prime Contract #1 - 2025-03-01 - 2025-03-31',
      at: '2025-04-01T15:15:27.000Z',
      text: 'Aprobado, gracias. Procedemos con el pago esta semana.\n\nMaría',
      fullText: payload.TextBody,
      classification: { kind: 'approval', reason: null, matched: 'Aprobado' },
      // María was not on the thread's To/CC: flagged
      isFromOutsider: true,
      providerMessageId: payload.MessageID,
      internetMessageId: '<CAOwner-reply-0001@mail.owner-example.com>',
    });
    expect(reply.attachments).toEqual([
      { attachmentId: expect.stringMatching(/^att_/), fileName: 'lien-waiver-conditional.pdf', contentType: 'application/pdf', sizeBytes: 1079 },
    ]);
    const [row] = await db().select().from(attachments).where(eq(attachments.id, reply.attachments[0].attachmentId));
    expect(row).toMatchObject({ projectId: b.projectId, origin: 'inbound_email', sizeBytes: 1079 });
    const stored = new Uint8Array(await (await env.FILES.get(row!.r2Key))!.arrayBuffer());
    expect(btoa(String.fromCharCode(...stored))).toBe(fixture.Attachments[0]!.Content);
    // downloadable by whoever sees the thread
    const download = await SELF.fetch(`http://localhost/api/v1/attachments/${row!.id}/content`, { headers: { authorization: `Bearer ${b.admin.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="lien-waiver-conditional.pdf"; filename*=UTF-8\'\'lien-waiver-conditional.pdf',
    );
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(stored);
  });

  it('a reply whose HTML holds <script> and onerror= comes back sanitized (no active content)', async () => {
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId() });
    await postWebhook('/webhooks/postmark/inbound', payload);
    await processed(payload.MessageID);
    const reply = (await threads(b.admin.token, b.invoiceId)).flatMap((t) => t.messages).find((m) => m.providerMessageId === payload.MessageID);
    expect(reply.html).toBe(
      '<p>Aprobado, gracias. Procedemos con el pago esta semana.</p><p>María</p><blockquote>Please find invoice #3 for March.</blockquote>',
    );
    const json = JSON.stringify(reply);
    expect(json).not.toMatch(/<script|onerror|<img|alert\(/i);
    // the raw HTML is kept on the server only
    const [row] = await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID));
    expect(row!.htmlBody).toBe(fixture.HtmlBody);
  });

  it('the same inbound delivered twice → stored once', async () => {
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId(), Attachments: [] });
    const [first, second] = await Promise.all([postWebhook('/webhooks/postmark/inbound', payload), postWebhook('/webhooks/postmark/inbound', payload)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const receipts = await processed(payload.MessageID, 2);
    expect(receipts.map((r) => r.status).sort()).toEqual(['duplicate', 'stored']);
    const rows = await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID));
    expect(rows).toHaveLength(1);
    // the duplicate's raw copy is dropped, the stored one's kept
    const dup = receipts.find((r) => r.status === 'duplicate')!;
    const kept = receipts.find((r) => r.status === 'stored')!;
    expect(await env.FILES.get(dup.r2Key)).toBeNull();
    expect(await env.FILES.get(kept.r2Key)).not.toBeNull();
    // and once more, later
    await postWebhook('/webhooks/postmark/inbound', payload);
    await processed(payload.MessageID, 3);
    expect(await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID))).toHaveLength(1);
  });

  it('two deliveries processed at the same moment still store one message', async () => {
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId() });
    const q = recordingQueue();
    const ctx = { ...systemCtx(env), env: { ...(env as unknown as Env), JOBS: q.queue } };
    const body = new TextEncoder().encode(JSON.stringify(payload)).buffer as ArrayBuffer;
    const [r1, r2] = [await receiveInbound({ ctx, input: { body } }), await receiveInbound({ ctx, input: { body } })];
    await Promise.all([processInbound({ ctx, input: r1 }), processInbound({ ctx, input: r2 })]);
    const receipts = await receiptsFor(payload.MessageID);
    expect(receipts.map((r) => r.status).sort()).toEqual(['duplicate', 'stored']);
    const rows = await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID));
    expect(rows).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(attachments)
        .where(eq(attachments.r2Key, `projects/${b.projectId}/emails/${rows[0]!.id}/files/0-lien-waiver-conditional.pdf`)),
    ).toHaveLength(1);
  });

  it('?since=<cursor> answers only what is new, for a cheap refresh of the tab', async () => {
    const all = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    const times = all.threads.flatMap((t: Thread) => t.messages.map((m) => m.createdAt)).sort();
    expect(all.cursor).toBe(times.at(-1));
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId(), Attachments: [] });
    await postWebhook('/webhooks/postmark/inbound', payload);
    await processed(payload.MessageID);
    const fresh = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails?since=${encodeURIComponent(all.cursor)}`);
    const ids = fresh.threads.flatMap((t: Thread) => t.messages.map((m) => m.providerMessageId));
    expect(ids).toContain(payload.MessageID);
    // at or after the cursor: at most the boundary message besides the new one
    expect(ids.length).toBeLessThanOrEqual(2);
    expect(fresh.cursor > all.cursor).toBe(true);
    const bad = await api(b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails?since=yesterday`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'since' });
  });

  it('a receipt whose queue message was lost is queued again, then processed once', async () => {
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId(), Attachments: [] });
    const q = recordingQueue();
    const ctx = { ...systemCtx(env), env: { ...(env as unknown as Env), JOBS: q.queue } };
    // stored and queued, but the queue message never arrives (a local restart, a dead-lettered job)
    const { receiptId } = await receiveInbound({ ctx, input: { body: new TextEncoder().encode(JSON.stringify(payload)).buffer as ArrayBuffer } });
    // the webhook wrote the payload only: no receipt row until a job runs
    expect(await db().select().from(inboundReceipts).where(eq(inboundReceipts.id, receiptId))).toHaveLength(0);
    q.sent.length = 0;
    expect((await redriveStuck({ ctx, input: {} })).receipts).not.toContain(receiptId);
    const later = Date.now() + STUCK_AFTER_MS + 1000;
    expect((await redriveStuck({ ctx, input: { now: later } })).receipts).toContain(receiptId);
    expect(q.sent.map((m) => m.body)).toContainEqual(expect.objectContaining({ type: 'email.inbound', receiptId }));
    const redriven = q.sent.map((m) => m.body as { receiptId: string; r2Key?: string; receivedAt?: string }).find((j) => j.receiptId === receiptId)!;
    await processInbound({ ctx, input: redriven });
    await processInbound({ ctx, input: redriven });
    expect((await redriveStuck({ ctx, input: { now: later } })).receipts).not.toContain(receiptId);
    expect(await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID))).toHaveLength(1);
  });

  it('wrong or missing credentials → 401 and nothing stored', async () => {
    const before = { receipts: (await db().select().from(inboundReceipts)).length, raw: (await env.FILES.list({ prefix: 'inbound/' })).objects.length };
    const payload = fixtureWithToken(fixture, main.token, { MessageID: uniqueId() });
    for (const auth of [null, `Basic ${btoa('postmark:wrong')}`, `Basic ${btoa('someone:test-inbound-secret')}`, 'Bearer test-inbound-secret', 'Basic %%%']) {
      const res = await postWebhook('/webhooks/postmark/inbound', payload, auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="postmark-webhooks"');
    }
    const events = await postWebhook('/webhooks/postmark/events', { RecordType: 'Delivery', MessageID: 'x' }, null);
    expect(events.status).toBe(401);
    await new Promise((r) => setTimeout(r, 1500)); // anything queued would have been processed by now
    expect((await db().select().from(inboundReceipts)).length).toBe(before.receipts);
    expect((await env.FILES.list({ prefix: 'inbound/' })).objects.length).toBe(before.raw);
    expect(await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID))).toHaveLength(0);
  });

  it('threads by In-Reply-To when the reply address is not there (a forwarded answer)', async () => {
    const payload = fixtureWithToken(fixture, main.token, {
      MessageID: uniqueId(),
      MailboxHash: '',
      ToFull: [{ Email: 'ap@gc-example.com', Name: 'AP', MailboxHash: '' }],
      OriginalRecipient: 'ap@gc-example.com',
      StrippedTextReply: '',
      TextBody: 'Rejected – see line 12\n\nOn Mon, Mar 31, 2025 at 4:02 PM Ana wrote:\n> Please find invoice #1',
      Headers: [spfPass('ana.ruiz@gc-example.com'), { Name: 'In-Reply-To', Value: `<${main.emailId}@reply.localhost>` }],
      FromFull: { Email: 'ana.ruiz@gc-example.com', Name: 'Ana R', MailboxHash: '' },
      Attachments: [],
    });
    await postWebhook('/webhooks/postmark/inbound', payload);
    await processed(payload.MessageID);
    const reply = (await threads(b.admin.token, b.invoiceId))
      .find((t) => t.id === main.thread.id)!
      .messages.find((m) => m.providerMessageId === payload.MessageID);
    expect(reply).toMatchObject({
      text: 'Rejected – see line 12',
      classification: { kind: 'rejection', reason: 'Rejected – see line 12', matched: 'Rejected' },
      // ana.ruiz@gc-example.com was on To
      isFromOutsider: false,
    });
  });

  it('a reply that matches no thread goes to the unmatched list of the project, and can be filed onto a thread', async () => {
    // the authenticated sender is a member of the project (docs/security-rules.md "Unmatched replies")
    const payload = fixtureWithToken(fixture, 'ffffffffffffffffffffffffffffffff', {
      MessageID: uniqueId(),
      Headers: [spfPass(b.admin.email)],
      FromFull: { Email: b.admin.email.toUpperCase(), Name: 'Ana R', MailboxHash: '' },
    });
    await postWebhook('/webhooks/postmark/inbound', payload);
    const [receipt] = await processed(payload.MessageID);
    expect(receipt!.status).toBe('stored');
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/projects/${b.projectId}/unmatched-emails`);
    const m = list.messages.find((x: any) => x.providerMessageId === payload.MessageID);
    expect(m).toMatchObject({
      threadId: null,
      matchedBy: ['sender_is_member'],
      senderAuth: { verdict: 'pass' },
      unmatchedReason:
        'No thread has the reply address reply+ffffffffffffffffffffffffffffffff@reply.localhost, and In-Reply-To/References name no message of a thread',
      classification: { kind: 'approval' },
      attachments: [{ attachmentId: null, fileName: 'lien-waiver-conditional.pdf', contentType: 'application/pdf', sizeBytes: 1079 }],
    });
    // not on any thread meanwhile
    expect((await threads(b.admin.token, b.invoiceId)).flatMap((t) => t.messages).some((x) => x.providerMessageId === payload.MessageID)).toBe(false);
    // project admins only
    const member = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' });
    expect((await api(member.token, 'GET', `/api/v1/projects/${b.projectId}/unmatched-emails`)).status).toBe(403);
    expect((await api((await seedUser()).token, 'GET', `/api/v1/projects/${b.projectId}/unmatched-emails`)).status).toBe(404);
    // filed onto the thread: leaves the list, joins the thread with its attachment as a project file
    const filed = await ok(200, b.admin.token, 'POST', `/api/v1/unmatched-emails/${m.id}/assign`, { threadId: main.thread.id });
    expect(filed.email).toMatchObject({ threadId: main.thread.id, isFromOutsider: false, attachments: [{ attachmentId: expect.stringMatching(/^att_/) }] });
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/projects/${b.projectId}/unmatched-emails`)).messages.some((x: any) => x.id === m.id)).toBe(false);
    expect((await threads(b.admin.token, b.invoiceId)).find((t) => t.id === main.thread.id)!.messages.some((x) => x.id === m.id)).toBe(true);
    expect((await api(b.admin.token, 'POST', `/api/v1/unmatched-emails/${m.id}/assign`, { threadId: main.thread.id })).status).toBe(404);
  });

  it('a mail nobody can be associated with is kept project-less, never dropped', async () => {
    const payload = fixtureWithToken(fixture, 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', {
      MessageID: uniqueId(),
      Headers: [],
      FromFull: { Email: 'stranger@nowhere.example', Name: 'S', MailboxHash: '' },
      CcFull: [],
    });
    await postWebhook('/webhooks/postmark/inbound', payload);
    await processed(payload.MessageID);
    const [row] = await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, payload.MessageID));
    // no SPF/DKIM result: unauthenticated, so it suggests nothing either
    expect(row).toMatchObject({ threadId: null, projectId: null, senderAuth: 'none' });
    expect(JSON.parse(row!.understanding!).suggestion).toBeNull();
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/projects/${b.projectId}/unmatched-emails`)).messages.some((x: any) => x.id === row!.id)).toBe(false);
  });

  it('an invalid payload is kept with the reason, and the webhook still answers 200', async () => {
    const res = await postWebhook('/webhooks/postmark/inbound', { Subject: 'no MessageID' });
    expect(res.status).toBe(200);
    const receipt = await waitFor('the invalid receipt processed', async () => {
      const [r] = await db().select().from(inboundReceipts).where(eq(inboundReceipts.id, res.body.receiptId));
      return r?.status === 'invalid' ? r : undefined;
    });
    expect(receipt.error).toMatch(/^Not a Postmark inbound payload: MessageID: /);
    expect(await env.FILES.get(receipt.r2Key)).not.toBeNull();
  });
});

describe('private threads', () => {
  it('are visible to invoice admins and the people on To/CC only', async () => {
    const b = await buildReadyInvoice();
    const onTo = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' }, { name: 'Owner rep' });
    const colleague = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' }, { name: 'Colleague' });
    const priv = await newThread(b, { to: [{ userId: onTo.id }], cc: [], isPrivate: true });
    const open = await newThread(b, { to: [{ email: 'someone@owner-example.com' }] });
    expect((await threads(b.admin.token, b.invoiceId)).map((t) => t.id).sort()).toEqual([priv.thread.id, open.thread.id].sort());
    expect((await threads(onTo.token, b.invoiceId)).map((t) => t.id).sort()).toEqual([priv.thread.id, open.thread.id].sort());
    // a project member who can see the invoice, but is not on the private thread
    expect((await threads(colleague.token, b.invoiceId)).map((t) => t.id)).toEqual([open.thread.id]);
    // someone who cannot see the contract: the invoice itself is 404
    expect((await api((await seedUser()).token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`)).status).toBe(404);
    // replies on the private thread stay private, attachments included
    const payload = fixtureWithToken(fixture, priv.token, { MessageID: uniqueId() });
    await postWebhook('/webhooks/postmark/inbound', payload);
    await processed(payload.MessageID);
    const reply = (await threads(onTo.token, b.invoiceId)).find((t) => t.id === priv.thread.id)!.messages[1];
    expect(reply.providerMessageId).toBe(payload.MessageID);
    const fileId = reply.attachments[0].attachmentId;
    const download = await SELF.fetch(`http://localhost/api/v1/attachments/${fileId}/content`, { headers: { authorization: `Bearer ${onTo.token}` } });
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    expect((await api(colleague.token, 'GET', `/api/v1/attachments/${fileId}/content`)).status).toBe(404);
  });
});

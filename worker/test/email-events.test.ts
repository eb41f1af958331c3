import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { FakePostmark, postWebhook, waitFor } from './email-support';
import { ok } from './helpers';

describe('Postmark delivery and bounce webhooks', () => {
  let b: ReadyInvoice;
  let postmark: FakePostmark;
  let messageId: string;
  let postmarkId: string;
  const status = async () => {
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    return list.threads.flatMap((t: any) => t.messages).find((m: any) => m.id === messageId);
  };

  beforeAll(async () => {
    postmark = new FakePostmark().install();
    b = await buildReadyInvoice();
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
      to: [{ email: 'maria.gomez@owner-example.com' }, { email: 'ap@owner-example.com' }],
    });
    messageId = sent.email.id;
    const m = await waitFor('sent', async () => ((await status()).status === 'sent' ? status() : undefined));
    postmarkId = m.providerMessageId;
  });
  afterAll(() => postmark.uninstall());

  it('a Delivery event marks the message delivered (a redelivered event counts once)', async () => {
    const event = {
      RecordType: 'Delivery',
      ServerID: 1,
      MessageStream: 'outbound',
      MessageID: postmarkId,
      Recipient: 'Maria.Gomez@owner-example.com',
      DeliveredAt: '2025-04-01T10:00:00Z',
      Details: 'Test delivery webhook details',
      Tag: '',
      Metadata: {},
    };
    expect((await postWebhook('/webhooks/postmark/events', event)).body).toEqual({ recorded: true, recordType: 'Delivery' });
    await postWebhook('/webhooks/postmark/events', event);
    const m = await status();
    expect(m.status).toBe('delivered');
    expect(m.deliveries).toEqual([
      { recipient: 'maria.gomez@owner-example.com', kind: 'delivered', at: '2025-04-01T10:00:00.000Z', details: 'Test delivery webhook details' },
    ]);
  });

  it('a Bounce for one recipient marks it bounced, with the reason', async () => {
    // biome-ignore lint/correctness/noPrecisionLoss: Postmark's documented example ID, kept as printed; JSON.parse rounds it alike
    const exampleBounceId = 4323372036854775807;
    const bounce = {
      RecordType: 'Bounce',
      ID: exampleBounceId,
      Type: 'HardBounce',
      TypeCode: 1,
      Name: 'Hard bounce',
      Tag: '',
      MessageID: postmarkId,
      ServerID: 1,
      Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
      Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
      Email: 'ap@owner-example.com',
      From: 'x@reply.localhost',
      BouncedAt: '2025-04-01T10:05:00Z',
      Inactive: true,
      CanActivate: true,
      Subject: 'Invoice',
      Metadata: {},
    };
    expect((await postWebhook('/webhooks/postmark/events', bounce)).status).toBe(200);
    const m = await status();
    expect(m.status).toBe('bounced');
    expect(m.deliveries[1]).toEqual({
      recipient: 'ap@owner-example.com',
      kind: 'bounced',
      at: '2025-04-01T10:05:00.000Z',
      details:
        'Hard bounce: The server was unable to deliver your message (ex: unknown user, mailbox not found).: smtp;550 5.1.1 The email account that you tried to reach does not exist.',
    });
  });

  it('ignores other record types, and refuses malformed events with the field', async () => {
    expect((await postWebhook('/webhooks/postmark/events', { RecordType: 'Open', MessageID: postmarkId })).body).toEqual({
      recorded: false,
      recordType: 'Open',
    });
    const bad = await postWebhook('/webhooks/postmark/events', { RecordType: 'Delivery' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ field: 'MessageID' }));
  });
});

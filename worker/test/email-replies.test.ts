// Replies understood through the real webhook and queue: RFC 3834 auto-replies whatever their text,
// G703 lines resolved against the invoice, the certified amount, and the suggested status.
import { describe, expect, it, beforeAll } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, spfPass, waitFor } from './email-support';
import { ok } from './helpers';

type Message = { providerMessageId: string; classification: any };

describe('replies understood (webhook → queue → Emails tab)', () => {
  let b: ReadyInvoice;
  let token: string;
  let threadId: string;
  beforeAll(async () => {
    b = await buildReadyInvoice({
      lines: [
        { itemNo: '011', description: 'Elevated slabs', scheduledValueCents: 5_000_000, thisPeriod: 1_000 },
        { itemNo: '012', description: 'Concrete reinforcing', scheduledValueCents: 8_000_000, thisPeriod: 2_000 },
      ],
    });
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: 'maria.gomez@owner-example.com' }], message: 'Invoice 1' });
    threadId = sent.thread.id;
    token = /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]!;
  });

  async function receive(overrides: Record<string, unknown>): Promise<Message> {
    const payload = fixtureWithToken(fixture, token, { MessageID: crypto.randomUUID(), StrippedTextReply: '', Attachments: [], ...overrides });
    expect((await postWebhook('/webhooks/postmark/inbound', payload)).status).toBe(200);
    return waitFor(`reply ${payload.MessageID} on the thread`, async () => {
      const { threads } = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
      return threads.find((t: any) => t.id === threadId)?.messages.find((m: Message) => m.providerMessageId === payload.MessageID);
    });
  }

  it('is an auto-reply with Auto-Submitted: auto-replied, whatever the text says', async () => {
    const m = await receive({
      TextBody: 'Approved. We certify $412,000.00; line 12 is fine.',
      HtmlBody: '',
      Headers: [{ Name: 'Auto-Submitted', Value: 'auto-replied' }, { Name: 'Message-ID', Value: `<auto-${crypto.randomUUID()}@owner-example.com>` }],
    });
    expect(m.classification).toEqual({
      kind: 'auto_reply', isConditional: false, reason: null, matched: 'Auto-Submitted: auto-replied', suggestion: null, lines: [], amount: null,
    });
  });

  it('the same text from a person is an approval certifying the amount, naming line 012', async () => {
    const m = await receive({ TextBody: 'Approved. We certify $412,000.00; line 12 is fine.', HtmlBody: '', Headers: [spfPass(fixture.From)] });
    expect(m.classification).toMatchObject({
      kind: 'approval', suggestion: 'approved',
      amount: { cents: 41_200_000, matched: '$412,000.00' },
      lines: [{ itemNo: '012', description: 'Concrete reinforcing', sentence: 'line 12 is fine.' }],
    });
  });

  it('a Spanish rejection names partida 012 with its sentence and suggests revise and resubmit', async () => {
    const m = await receive({ TextBody: 'rechazada, la partida 012 está mal medida\n\nEl lun, 31 mar 2025 a las 16:02, Ana escribió:\n> Aprueben la factura', HtmlBody: '', Headers: [spfPass(fixture.From)] });
    expect(m.classification).toMatchObject({
      kind: 'rejection', suggestion: 'revise_and_resubmit', reason: 'rechazada, la partida 012 está mal medida',
      lines: [{ itemNo: '012', sentence: 'rechazada, la partida 012 está mal medida', matched: 'partida 012' }],
      amount: null,
    });
  });
});

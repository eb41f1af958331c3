// Replies understood through the real webhook and queue: RFC 3834 auto-replies whatever their text,
// G703 lines resolved against the invoice, the certified amount, and the suggested status.
import { describe, expect, it, beforeAll } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { addMember, buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, spfPass, waitFor } from './email-support';
import { api, ok, seedUser } from './helpers';

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
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
      to: [{ email: 'maria.gomez@owner-example.com' }],
      message: 'Invoice 1',
    });
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
      Headers: [
        { Name: 'Auto-Submitted', Value: 'auto-replied' },
        { Name: 'Message-ID', Value: `<auto-${crypto.randomUUID()}@owner-example.com>` },
      ],
    });
    expect(m.classification).toEqual({
      kind: 'auto_reply',
      isConditional: false,
      reason: null,
      matched: 'Auto-Submitted: auto-replied',
      suggestion: null,
      lines: [],
      amount: null,
    });
  });

  it('the same text from a person is an approval certifying the amount, naming line 012', async () => {
    const m = await receive({ TextBody: 'Approved. We certify $412,000.00; line 12 is fine.', HtmlBody: '', Headers: [spfPass(fixture.From)] });
    expect(m.classification).toMatchObject({
      kind: 'approval',
      suggestion: 'approved',
      amount: { cents: 41_200_000, matched: '$412,000.00' },
      lines: [{ itemNo: '012', description: 'Concrete reinforcing', sentence: 'line 12 is fine.' }],
    });
  });

  it('a Spanish rejection names partida 012 with its sentence and suggests revise and resubmit', async () => {
    const m = await receive({
      TextBody: 'rechazada, la partida 012 está mal medida\n\nEl lun, 31 mar 2025 a las 16:02, Ana escribió:\n> Aprueben la factura',
      HtmlBody: '',
      Headers: [spfPass(fixture.From)],
    });
    expect(m.classification).toMatchObject({
      kind: 'rejection',
      suggestion: 'revise_and_resubmit',
      reason: 'rechazada, la partida 012 está mal medida',
      lines: [{ itemNo: '012', sentence: 'rechazada, la partida 012 está mal medida', matched: 'partida 012' }],
      amount: null,
    });
  });

  it("an invoice admin records the amount certified as the G702 architect's certificate; others cannot", async () => {
    const m = await receive({ TextBody: 'We can certify $412,000 this period. Approved.', HtmlBody: '', Headers: [spfPass(fixture.From)] });
    const messageId = (m as any).id as string;
    expect(m.classification.amount).toMatchObject({ cents: 41_200_000 });
    const path = `/api/v1/invoices/${b.invoiceId}/architect-certificate`;
    const view = await ok(200, b.admin.token, 'POST', path, { amountCents: m.classification.amount.cents, messageId });
    expect(view.invoice.architectCertificate).toMatchObject({ amountCents: 41_200_000, recordedBy: b.admin.id, messageId });
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`)).invoice.architectCertificate.amountCents).toBe(41_200_000);
    // a reader of the contract may not; someone who cannot see it gets 404
    const reader = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' });
    const refused = await api(reader.token, 'POST', path, { amountCents: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Recording the architect's certificate needs admin on Prime Contracts");
    expect((await api((await seedUser()).token, 'POST', path, { amountCents: 1 })).status).toBe(404);
    // bad input names the field and why
    const unknown = await api(b.admin.token, 'POST', path, { amountCents: 1, messageId: 'em_nope' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ field: 'messageId', code: 'UNKNOWN_MESSAGE' })]);
    expect((await api(b.admin.token, 'POST', path, { amountCents: -5 })).status).toBe(422);
    // nothing changed by the refused calls; null clears it
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}`)).invoice.architectCertificate.amountCents).toBe(41_200_000);
    expect((await ok(200, b.admin.token, 'POST', path, { amountCents: null })).invoice.architectCertificate).toBeNull();
  });

  it('a line reference stays open until that line is edited on the invoice after the reply', async () => {
    const m = await receive({ TextBody: 'Rechazada: las partidas 011 y 012 están mal medidas.', HtmlBody: '', Headers: [spfPass(fixture.From)] });
    expect(m.classification.lines.map((l: any) => [l.itemNo, l.isOpen])).toEqual([
      ['011', true],
      ['012', true],
    ]);
    const returned = await ok(200, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/status`, { status: 'revise_and_resubmit' });
    await ok(
      200,
      b.admin.token,
      'PATCH',
      `/api/v1/invoices/${b.invoiceId}/lines`,
      { edits: [{ itemNo: '012', workCompletedThisPeriod: 1500 }] },
      { 'if-match': String(returned.invoice.version) },
    );
    const { threads } = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    const again = threads.find((t: any) => t.id === threadId).messages.find((x: any) => x.id === (m as any).id);
    expect(again.classification.lines.map((l: any) => [l.itemNo, l.isOpen])).toEqual([
      ['011', true],
      ['012', false],
    ]);
  });
});

// An owner's payment notice, received through the real webhook and queue, pre-fills a payment: it
// is listed as a suggestion with the amount and reference it names until an admin confirms it.
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { addMember, buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, spfPass, waitFor } from './email-support';
import { api, ok } from './helpers';
import { setSubmittedOn, todayUtc } from './payment-builders';

async function sendInvoice(b: ReadyInvoice) {
  const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
    to: [{ email: 'maria.gomez@owner-example.com' }],
    message: 'Invoice 1',
  });
  return /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]!;
}

/** A reply from the owner on the invoice's thread, dated now; resolves with the stored message once the queue has filed it. */
async function receive(b: ReadyInvoice, token: string, overrides: Record<string, unknown>): Promise<{ id: string; classification: any }> {
  const payload = fixtureWithToken(fixture, token, {
    MessageID: crypto.randomUUID(),
    StrippedTextReply: '',
    Attachments: [],
    Date: new Date().toUTCString(),
    Headers: [spfPass(fixture.From)],
    ...overrides,
  });
  expect((await postWebhook('/webhooks/postmark/inbound', payload)).status).toBe(200);
  return waitFor(`reply ${payload.MessageID}`, async () => {
    const { threads } = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`);
    return threads.flatMap((t: any) => t.messages).find((m: any) => m.providerMessageId === payload.MessageID);
  });
}

describe('payment notices pre-fill payments', () => {
  it('lists notices with amount, reference, date and a plain excerpt; confirming links and removes them', async () => {
    const b = await buildReadyInvoice();
    await ok(200, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/status`, { status: 'approved' });
    // submitted on a fixed past day, so that a reply dated before it is seen to be brought up to it
    await setSubmittedOn(b.invoiceId, '2025-06-01');
    const token = await sendInvoice(b);
    const wire = await receive(b, token, { TextBody: 'Payment of $1,500.00 was sent via wire this morning, reference FT26118XQ9.\n\nMaría', HtmlBody: '' });
    expect(wire.classification).toMatchObject({ kind: 'payment', amount: { cents: 150_000 } });
    // HTML only: the excerpt is its text, without tags or the script; no amount in it → none pre-filled
    // dated by the fixture Tue, 1 Apr 2025: before the submission, so pre-filled with the submission day
    const cheque = await receive(b, token, {
      Date: fixture.Date,
      TextBody: '',
      HtmlBody: '<html><body><p>Check <b>#10233</b> has been mailed.</p><script>alert("x")</script></body></html>',
    });
    expect(cheque.classification.kind).toBe('payment');
    const approval = await receive(b, token, { TextBody: 'Approved, thank you.', HtmlBody: '' });
    expect(approval.classification.kind).toBe('approval');

    const path = `/api/v1/invoices/${b.invoiceId}/payments`;
    const listed = await ok(200, b.admin.token, 'GET', path);
    expect(listed.suggestions).toEqual([
      {
        messageId: wire.id,
        receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        fromEmail: 'maria.gomez@owner-example.com',
        fromName: 'María Gómez',
        amountCents: 150_000,
        reference: 'FT26118XQ9',
        receivedOn: todayUtc(),
        excerpt: 'Payment of $1,500.00 was sent via wire this morning, reference FT26118XQ9. María',
      },
      expect.objectContaining({
        messageId: cheque.id,
        amountCents: null,
        reference: '10233',
        receivedOn: '2025-06-01',
        excerpt: 'Check #10233 has been mailed.',
      }),
    ]);
    // suggestions are for those who may confirm them
    const reader = await addMember(b.admin.token, b.projectId, { primeContracts: 'standard' });
    expect((await ok(200, reader.token, 'GET', path)).suggestions).toEqual([]);

    // confirming the wire notice: the payment names it and it is no longer suggested
    const s = listed.suggestions[0];
    const confirmed = await ok(201, b.admin.token, 'POST', path, {
      receivedOn: s.receivedOn,
      amountCents: s.amountCents,
      method: 'wire',
      reference: s.reference,
      sourceMessageId: s.messageId,
    });
    expect(confirmed.payments).toMatchObject([{ amountCents: 150_000, reference: 'FT26118XQ9', sourceMessageId: wire.id }]);
    expect(confirmed.suggestions.map((x: any) => x.messageId)).toEqual([cheque.id]);

    // the same notice twice, a message that is not a reply on this invoice, one of another invoice: 422 on the field
    const other = await buildReadyInvoice();
    const otherReply = await receive(other, await sendInvoice(other), { TextBody: 'Wire sent today.', HtmlBody: '' });
    for (const [messageId, code] of [
      [wire.id, 'ALREADY_RECORDED'],
      ['em_nope', 'UNKNOWN_MESSAGE'],
      [otherReply.id, 'UNKNOWN_MESSAGE'],
    ]) {
      const r = await api(b.admin.token, 'POST', path, { receivedOn: todayUtc(), amountCents: 100, method: 'wire', sourceMessageId: messageId });
      expect([r.status, r.body.error.details], messageId).toEqual([422, [expect.objectContaining({ field: 'sourceMessageId', code })]]);
    }
    expect((await ok(200, b.admin.token, 'GET', path)).payments).toHaveLength(1);

    // voiding the confirmed payment gives the notice back
    const voided = await ok(200, b.admin.token, 'POST', `${path}/${confirmed.payments[0].id}/void`, { reason: 'bank reversed the wire' });
    expect(voided.suggestions.map((x: any) => x.messageId)).toEqual([wire.id, cheque.id]);

    // two admins confirming the same notice at once: one payment, the other told it is already recorded
    const confirm = () =>
      api(b.admin.token, 'POST', path, { receivedOn: '2025-06-01', amountCents: 25_000, method: 'check', reference: '10233', sourceMessageId: cheque.id });
    const both = await Promise.all([confirm(), confirm()]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    const after = await ok(200, b.admin.token, 'GET', path);
    expect(after.payments.filter((p: any) => p.sourceMessageId === cheque.id)).toHaveLength(1);
    expect(after.suggestions.map((x: any) => x.messageId)).toEqual([wire.id]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, waitFor } from './email-support';
import { ok, seedUser } from './helpers';

// An inbound reply from an address that belongs to a user shows as that user (their name in the
// app, their id), looked up among the users of the project's company only, and only when the
// sender's domain authenticated the mail (SPF/DKIM).

describe('inbound senders matched to users', () => {
  let b: ReadyInvoice;
  let token: string;
  beforeAll(async () => {
    b = await buildReadyInvoice();
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
      to: [{ email: 'maria.gomez@owner-example.com' }],
      message: 'Invoice 1',
    });
    token = /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]!;
  });

  const reply = async (fromEmail: string, fromName: string, spf: 'Pass' | 'Fail' = 'Pass') => {
    const MessageID = crypto.randomUUID();
    // the receiving server's SPF result for the sender's own domain (the fixture's is for María's)
    const Headers = fixture.Headers.map((h) =>
      h.Name === 'Received-SPF'
        ? { Name: h.Name, Value: `${spf} (sender SPF authorized) identity=mailfrom; client-ip=192.0.2.1; envelope-from=${fromEmail}` }
        : h,
    );
    const payload = fixtureWithToken(fixture, token, {
      MessageID,
      Headers,
      From: fromEmail,
      FromName: fromName,
      FromFull: { Email: fromEmail, Name: fromName, MailboxHash: '' },
    });
    expect((await postWebhook('/webhooks/postmark/inbound', payload)).status).toBe(200);
    return waitFor(`reply ${MessageID} on the thread`, async () => {
      const threads = (await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoiceId}/emails`)).threads;
      return threads.flatMap((t: any) => t.messages).find((m: any) => m.providerMessageId === MessageID);
    });
  };

  it("a reply from a user of the project's company shows as that person, whatever the mail client calls them", async () => {
    const colleague = await seedUser({ name: 'Luis Ortega', email: `luis.${crypto.randomUUID().slice(0, 8)}@gc-example.com`, companyId: b.admin.companyId });
    const m = await reply(colleague.email.toUpperCase(), 'luis (mobile)');
    expect(m.from).toEqual({ email: colleague.email, name: 'Luis Ortega', userId: colleague.id });
  });

  it('a forged From (SPF fail) naming a colleague is not matched: it shows as the address', async () => {
    const colleague = await seedUser({ name: 'Rosa Díaz', email: `rosa.${crypto.randomUUID().slice(0, 8)}@gc-example.com`, companyId: b.admin.companyId });
    const m = await reply(colleague.email, 'Rosa Díaz (CFO)', 'Fail');
    expect(m.from).toEqual({ email: colleague.email, name: 'Rosa Díaz (CFO)', userId: null });
  });

  it('a user of another company with that address is not matched: the mail shows as the address it came from', async () => {
    const outsider = await seedUser({ name: 'Someone Else', email: `other.${crypto.randomUUID().slice(0, 8)}@elsewhere.example` });
    const m = await reply(outsider.email, 'Other Person');
    expect(m.from).toEqual({ email: outsider.email, name: 'Other Person', userId: null });
  });

  it('an unknown address stays an address', async () => {
    const m = await reply('nobody@nowhere.example', '');
    expect(m.from).toEqual({ email: 'nobody@nowhere.example', name: '', userId: null });
  });
});

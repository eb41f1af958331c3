// The Emails tab's refresh (GET /invoices/:id/emails, polled by addin/src/ui/emails/use-invoice-emails.ts)
// reads D1 in one round trip after sign-in whatever the number of threads and messages, and a
// `?since=` refresh answers exactly the full answer's messages at or after the cursor.
// worker/src/lib/d1-count.ts counts the statements and round trips in DEV_MODE.
import { createExecutionContext, env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { app } from '../src/app';
import { inboundReceipts } from '../src/db/schema';
import { addMember, buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, spfPass, waitFor } from './email-support';
import { db, ok, seedUser } from './helpers';

type Message = { id: string; createdAt: string; providerMessageId: string | null };
type Answer = { invoiceId: string; threads: Array<{ id: string; messages: Message[] }>; cursor: string | null };

async function counted(token: string, path: string) {
  const res = await app.fetch(
    new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }),
    { ...env, DEV_MODE: '1' },
    createExecutionContext(),
  );
  const body = (await res.json()) as Answer;
  return { status: res.status, statements: Number(res.headers.get('x-d1-statements')), roundTrips: Number(res.headers.get('x-d1-round-trips')), body };
}

async function newThread(b: ReadyInvoice, body: Record<string, unknown>) {
  const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, body);
  return { id: sent.thread.id as string, token: /^reply\+([0-9a-f]+)@/.exec(sent.thread.replyAddress)![1]! };
}

async function reply(replyToken: string, text: string, attachments = true) {
  const payload = fixtureWithToken(fixture, replyToken, {
    MessageID: crypto.randomUUID(),
    TextBody: text,
    StrippedTextReply: '',
    HtmlBody: `<p>${text}</p>`,
    Headers: [spfPass(fixture.From)],
    ...(attachments ? {} : { Attachments: [] }),
  });
  expect((await postWebhook('/webhooks/postmark/inbound', payload)).status).toBe(200);
  await waitFor(`reply ${payload.MessageID} processed`, async () => {
    const [r] = await db().select().from(inboundReceipts).where(eq(inboundReceipts.providerMessageId, payload.MessageID));
    return r && r.status !== 'received';
  });
}

/** The full answer cut at `since` the way ZInvoiceEmailsQuery documents it: messages at or after it, threads that have some. */
function cutAt(full: Answer, since: string): Answer['threads'] {
  return full.threads.map((t) => ({ ...t, messages: t.messages.filter((m) => m.createdAt >= since) })).filter((t) => t.messages.length);
}

const at = (b: ReadyInvoice, since?: string) => `/api/v1/invoices/${b.invoiceId}/emails${since ? `?since=${encodeURIComponent(since)}` : ''}`;

describe('Emails tab refresh', () => {
  let b: ReadyInvoice;
  let onTo: { id: string; token: string };
  let colleague: { id: string; token: string };
  let small: Awaited<ReturnType<typeof counted>>;
  let smallSince: Awaited<ReturnType<typeof counted>>;
  beforeAll(async () => {
    b = await buildReadyInvoice();
    onTo = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' }, { name: 'Owner rep' });
    colleague = await addMember(b.admin.token, b.projectId, { primeContracts: 'read_only' }, { name: 'Colleague' });
    const first = await newThread(b, { to: [{ email: 'maria.gomez@owner-example.com' }], message: 'Invoice 1' });
    await reply(first.token, 'Approved, line 2 is fine.', false);
    small = await counted(b.admin.token, at(b));
    smallSince = await counted(b.admin.token, at(b, small.body.cursor!));
    // more threads (one private), more replies with attachments and named lines
    const priv = await newThread(b, { to: [{ userId: onTo.id }], cc: [], isPrivate: true, message: 'Private note' });
    const third = await newThread(b, { to: [{ email: 'maria.gomez@owner-example.com' }], cc: [{ userId: colleague.id }], message: 'Invoice 1 again' });
    for (const [t, text] of [
      [first, 'Rejected: line 1 is over-billed.'],
      [priv, 'Private: approved, line 3.'],
      [third, 'We certify $100.00.'],
      [priv, 'Private again.'],
    ] as const) {
      await reply(t.token, text);
    }
  }, 120_000);

  it('takes as many D1 round trips and statements with 3 threads and 8 messages as with 1 thread and 2', async () => {
    const large = await counted(b.admin.token, at(b));
    expect(large.status).toBe(200);
    expect(large.body.threads.flatMap((t) => t.messages)).toHaveLength(8);
    expect(small.body.threads.flatMap((t) => t.messages)).toHaveLength(2);
    expect({ statements: large.statements, roundTrips: large.roundTrips }).toEqual({ statements: small.statements, roundTrips: small.roundTrips });
    // the same refresh without the emails read is sign-in alone: the emails read is one batch on top of it
    const signInOnly = await counted(b.admin.token, `/api/v1/invoices/${b.invoiceId}/emails?since=not-a-date`);
    expect(signInOnly.status).toBe(422);
    expect(large.roundTrips).toBe(signInOnly.roundTrips + 1);
    const largeSince = await counted(b.admin.token, at(b, small.body.cursor!));
    expect({ statements: largeSince.statements, roundTrips: largeSince.roundTrips }).toEqual({
      statements: smallSince.statements,
      roundTrips: smallSince.roundTrips,
    });
  });

  it('?since= answers the full answer cut at the cursor, private threads still hidden', async () => {
    for (const user of [b.admin, onTo, colleague]) {
      const full = (await counted(user.token, at(b))).body;
      const times = full.threads.flatMap((t) => t.messages.map((m) => m.createdAt)).sort();
      // a cursor inside the history, and the newest message's time (the usual refresh: only it comes back)
      for (const since of [times[2]!, times.at(-1)!]) {
        const part = await counted(user.token, at(b, since));
        expect(part.status).toBe(200);
        expect(part.body.threads).toEqual(cutAt(full, since));
        expect(part.body.cursor).toBe(times.at(-1));
      }
    }
    const colleagueSees = (await counted(colleague.token, at(b))).body.threads.length;
    expect(colleagueSees).toBe(2); // not the private thread
  });

  it('answers "nothing new" after the newest message: no threads, the cursor kept, still one round trip', async () => {
    const full = await counted(b.admin.token, at(b));
    const later = new Date(Date.parse(full.body.cursor!) + 1).toISOString();
    const none = await counted(b.admin.token, at(b, later));
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ invoiceId: b.invoiceId, threads: [], cursor: later });
    expect(none.roundTrips).toBe(full.roundTrips);
    // and someone who cannot see the contract still gets 404, not an empty answer
    const stranger = await seedUser();
    expect((await counted(stranger.token, at(b, later))).status).toBe(404);
  });
});

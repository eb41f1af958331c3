import { createExecutionContext, env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '@shared/money';
import { app } from '../src/app';
import worker from '../src/index';
import { REMINDERS_CRON } from '../src/services/reminders/cron';
import { emailMessages, invoices, paymentReminders, payments, users } from '../src/db/schema';
import type { Env } from '../src/env';
import { systemCtx } from '../src/email/system-ctx';
import { newId } from '../src/lib/ids';
import { deliverMessage } from '../src/services/emails/deliver-message';
import { runReminders } from '../src/services/reminders/run-reminders';
import { buildReadyInvoice, type ReadyInvoice } from './email-builders';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { FakePostmark, fixtureWithToken, postWebhook, recordingQueue, spfPass, waitFor } from './email-support';
import { db, joinByInvitation, ok, seedUser } from './helpers';

// Payment reminders (worker/src/services/reminders/): opt-in per contract, sent on overdue owner
// invoices with money open, at most once every reminderCadenceDays, on the invoice's thread.
// Dates are fixed by setting the invoice's submission day: submitted 2026-03-02 with 30-day terms
// is due 2026-04-01 (March has 31 days: 2 + 30 = 32 = 31 + 1), so 2026-04-02 is the first day late.
const SUBMITTED = '2026-03-02';
const DUE = '2026-04-01';
const D = '2026-04-02';

type Setup = ReadyInvoice & { contact: { id: string; token: string; email: string }; invoiceEmail: { threadId: string; internetMessageId: string } | null };

/** A submitted invoice with an owner contact (in `locale`) on a contract with reminders on (7 days), emailed to the contact first unless told not to. */
async function setup(opts: { locale?: string; remindersEnabled?: boolean; email?: boolean; extraContactLocale?: string } = {}): Promise<Setup> {
  const b = await buildReadyInvoice();
  const contact = await seedUser({ name: 'María Gómez' });
  await db()
    .update(users)
    .set({ locale: opts.locale ?? 'es' })
    .where(eq(users.id, contact.id));
  await joinByInvitation(b.admin.token, b.projectId, contact);
  const contactIds = [contact.id];
  if (opts.extraContactLocale) {
    const other = await seedUser({ name: 'Zoe Owner' });
    await db().update(users).set({ locale: opts.extraContactLocale }).where(eq(users.id, other.id));
    await joinByInvitation(b.admin.token, b.projectId, other);
    contactIds.push(other.id);
  }
  await ok(200, b.admin.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, {
    invoiceContactUserIds: contactIds,
    remindersEnabled: opts.remindersEnabled ?? true,
    paymentTermsDays: 30,
    reminderCadenceDays: 7,
  });
  await db().update(invoices).set({ submittedOn: SUBMITTED }).where(eq(invoices.id, b.invoiceId));
  let invoiceEmail: Setup['invoiceEmail'] = null;
  if (opts.email !== false) {
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, {
      to: [{ userId: contact.id }],
      cc: [],
      message: 'Invoice #1 for March.',
    });
    const [row] = await db().select().from(emailMessages).where(eq(emailMessages.id, sent.email.id));
    invoiceEmail = { threadId: sent.thread.id, internetMessageId: row!.internetMessageId! };
  }
  return { ...b, contact, invoiceEmail };
}

/** Runs the day's reminders with a recording queue (delivery is driven by hand where a test needs it). */
async function run(today: string) {
  const q = recordingQueue();
  const out = await runReminders({ ctx: systemCtx({ ...(env as unknown as Env), JOBS: q.queue }), input: { today } });
  expect(out.failed).toEqual([]);
  return { ...out, queued: q.sent };
}
const sentFor = (out: Awaited<ReturnType<typeof run>>, invoiceId: string) => out.sent.filter((s) => s.invoiceId === invoiceId);
const messagesOf = (id: string) => db().select().from(emailMessages).where(eq(emailMessages.id, id));

describe('payment reminders', () => {
  let postmark: FakePostmark | undefined;
  afterEach(() => postmark?.uninstall());

  it('once per cadence: D → 1, D again → 0, D+6 → 0, D+7 → 1; not before the due day has passed', async () => {
    const s = await setup();
    expect(sentFor(await run(DUE), s.invoiceId)).toEqual([]); // due today: not late yet
    const first = await run(D);
    expect(sentFor(first, s.invoiceId)).toHaveLength(1);
    expect(sentFor(first, s.invoiceId)[0]!.messageIds).toHaveLength(1);
    expect(first.queued.map((q) => q.body)).toContainEqual({ type: 'email.deliver', messageId: sentFor(first, s.invoiceId)[0]!.messageIds[0] });
    expect(sentFor(await run(D), s.invoiceId)).toEqual([]); // the same day again
    expect(sentFor(await run('2026-04-08'), s.invoiceId)).toEqual([]); // D + 6: cadence − 1
    const again = await run('2026-04-09'); // D + 7
    expect(sentFor(again, s.invoiceId)).toHaveLength(1);
    expect(sentFor(await run('2026-04-10'), s.invoiceId)).toEqual([]);

    const rows = await db().select().from(paymentReminders).where(eq(paymentReminders.invoiceId, s.invoiceId));
    expect(rows.map((r) => [r.dueOn, r.messageId]).sort()).toEqual([
      [D, sentFor(first, s.invoiceId)[0]!.messageIds[0]],
      ['2026-04-09', sentFor(again, s.invoiceId)[0]!.messageIds[0]],
    ]);
    // exactly two reminder messages on the thread besides the invoice email
    const onThread = await db().select().from(emailMessages).where(eq(emailMessages.threadId, s.invoiceEmail!.threadId));
    expect(onThread).toHaveLength(3);
  });

  it('a reminder whose message could not be queued is tried again by the next run, not a cadence later', async () => {
    const s = await setup();
    const failing = { send: async () => Promise.reject(new Error('Queue send failed: 503')), sendBatch: async () => undefined } as unknown as Queue;
    const broken = await runReminders({ ctx: systemCtx({ ...(env as unknown as Env), JOBS: failing }), input: { today: D } });
    expect(broken.failed.map((f) => f.invoiceId)).toContain(s.invoiceId);
    expect(sentFor({ ...broken, queued: [] }, s.invoiceId)).toEqual([]);
    // the failed message is kept for the record; no mark is left for the day
    expect(await db().select().from(paymentReminders).where(eq(paymentReminders.invoiceId, s.invoiceId))).toEqual([]);
    const retried = await run(D);
    expect(sentFor(retried, s.invoiceId)).toHaveLength(1);
    const rows = await db().select().from(paymentReminders).where(eq(paymentReminders.invoiceId, s.invoiceId));
    expect(rows.map((r) => [r.dueOn, r.messageId])).toEqual([[D, sentFor(retried, s.invoiceId)[0]!.messageIds[0]]]);
  });

  it('is threaded on the invoice email (same thread and reply address, In-Reply-To/References) and in the contact’s language', async () => {
    const s = await setup({ locale: 'es' });
    const out = await run(D);
    const [id] = sentFor(out, s.invoiceId)[0]!.messageIds;
    const [m] = await messagesOf(id!);
    const [invoiceMail] = await db().select().from(emailMessages).where(eq(emailMessages.internetMessageId, s.invoiceEmail!.internetMessageId));
    expect(m).toMatchObject({
      kind: 'invoice',
      direction: 'outbound',
      threadId: s.invoiceEmail!.threadId,
      replyTo: invoiceMail!.replyTo,
      inReplyTo: s.invoiceEmail!.internetMessageId,
      referencesHeader: s.invoiceEmail!.internetMessageId,
      locale: 'es',
      fromName: 'Ana Ruiz',
      sentBy: null,
    });
    expect(m!.subject).toBe(`Recordatorio de pago: ${invoiceMail!.subject}`);
    expect(JSON.parse(m!.toJson)).toEqual([{ email: s.contact.email.toLowerCase(), name: 'María Gómez', userId: s.contact.id }]);
    // open = line 8 of invoice 1 (line 6, no previous invoice) with nothing paid; 1 day late
    const view = await ok(200, s.admin.token, 'GET', `/api/v1/invoices/${s.invoiceId}`);
    const open = view.g702.line8CurrentPaymentDueCents as number;
    expect(open).toBeGreaterThan(0);
    expect(m!.messageText).toBe(
      `Le recordamos amablemente que la factura n.º 1 de Riverside Clinic (contrato n.º 1, Owner contract) vencía el 01/04/2026. Quedan ${formatMoney(open, 'es')} pendientes, con 1 día de retraso.`,
    );

    // what Postmark is given: the threading headers and the thread's reply address
    postmark = new FakePostmark().install();
    await deliverMessage({ ctx: systemCtx(env as unknown as Env), input: { messageId: id! } });
    const call = postmark.calls.find((c) => c.path === '/email')!;
    const headers = Object.fromEntries(call.body.Headers.map((h: { Name: string; Value: string }) => [h.Name, h.Value]));
    expect(headers).toEqual({
      'Message-ID': m!.internetMessageId,
      'In-Reply-To': s.invoiceEmail!.internetMessageId,
      References: s.invoiceEmail!.internetMessageId,
    });
    expect(call.body.ReplyTo).toContain(invoiceMail!.replyTo);
    expect(call.body.Subject).toBe(m!.subject);

    // the next reminder follows up on the first: References carries both
    const next = await run('2026-04-09');
    const [m2] = await messagesOf(sentFor(next, s.invoiceId)[0]!.messageIds[0]!);
    expect(m2!.inReplyTo).toBe(m!.internetMessageId);
    expect(m2!.referencesHeader).toBe(`${s.invoiceEmail!.internetMessageId} ${m!.internetMessageId}`);
  });

  it("the owner's answer to a reminder is captured on the invoice's thread like any reply", async () => {
    const s = await setup();
    const [sent] = sentFor(await run(D), s.invoiceId);
    const [m] = await messagesOf(sent!.messageIds[0]!);
    const token = /^reply\+([0-9a-f]+)@/.exec(m!.replyTo!)![1]!;
    const payload = fixtureWithToken(fixture, token, {
      MessageID: crypto.randomUUID(),
      TextBody: 'Sorry for the delay, the check goes out Friday.',
      StrippedTextReply: '',
      HtmlBody: '',
      Attachments: [],
      Headers: [spfPass(fixture.From), { Name: 'In-Reply-To', Value: m!.internetMessageId }],
    });
    expect((await postWebhook('/webhooks/postmark/inbound', payload)).status).toBe(200);
    const reply = await waitFor('the reply on the invoice thread', async () => {
      const { threads } = await ok(200, s.admin.token, 'GET', `/api/v1/invoices/${s.invoiceId}/emails`);
      return threads.find((t: any) => t.id === s.invoiceEmail!.threadId)?.messages.find((x: any) => x.providerMessageId === payload.MessageID);
    });
    expect(reply.direction).toBe('inbound');
  });

  it('writes each language its own message: an English and a French contact get one each', async () => {
    const s = await setup({ locale: 'en', extraContactLocale: 'fr' });
    const [sent] = sentFor(await run(D), s.invoiceId);
    const rows = (await Promise.all(sent!.messageIds.map(async (id) => (await messagesOf(id))[0]!))).map((m) => [m.locale, m.subject.split(':')[0]]);
    expect(rows.sort()).toEqual([
      ['en', 'Payment reminder'],
      ['fr', 'Rappel de paiement '],
    ]);
  });

  it('sends nothing for a contract that did not opt in, a paid invoice, or one sent back for revision; a voided payment leaves it open', async () => {
    const optedOut = await setup({ remindersEnabled: false });
    const paid = await setup();
    const partly = await setup();
    const view = await ok(200, paid.admin.token, 'GET', `/api/v1/invoices/${paid.invoiceId}`);
    const due = view.g702.line8CurrentPaymentDueCents as number;
    const pay = (invoiceId: string, userId: string, amountCents: number, voided = false) =>
      db()
        .insert(payments)
        .values({
          id: newId('pay'),
          invoiceId,
          receivedOn: '2026-03-20',
          amountCents,
          method: 'check',
          recordedBy: userId,
          ...(voided ? { voidedAt: '2026-03-21T00:00:00Z', voidedBy: userId, voidReason: 'bounced' } : {}),
        });
    await pay(paid.invoiceId, paid.admin.id, due);
    await pay(partly.invoiceId, partly.admin.id, due - 100);
    await pay(partly.invoiceId, partly.admin.id, 100, true); // voided: does not count

    const out = await run(D);
    expect(sentFor(out, optedOut.invoiceId)).toEqual([]);
    expect(sentFor(out, paid.invoiceId)).toEqual([]);
    expect(sentFor(out, partly.invoiceId)).toHaveLength(1);
    const [m] = await messagesOf(sentFor(out, partly.invoiceId)[0]!.messageIds[0]!);
    expect(m!.messageText).toContain('Quedan 1,00 $ pendientes');

    // back to draft (revise and resubmit is not owed either): nothing
    await db().update(invoices).set({ status: 'revise_and_resubmit' }).where(eq(invoices.id, partly.invoiceId));
    expect(sentFor(await run('2026-04-20'), partly.invoiceId)).toEqual([]);
    // switching reminders on later sends from then on
    await ok(200, optedOut.admin.token, 'PATCH', `/api/v1/contracts/${optedOut.contractId}`, { remindersEnabled: true });
    expect(sentFor(await run('2026-04-20'), optedOut.invoiceId)).toHaveLength(1);
  });

  it('an invoice never emailed gets its reminder on a new thread of the invoice, from whoever created it', async () => {
    const s = await setup({ email: false, locale: 'fr' });
    const [sent] = sentFor(await run(D), s.invoiceId);
    const [m] = await messagesOf(sent!.messageIds[0]!);
    expect(m).toMatchObject({ inReplyTo: null, referencesHeader: null, locale: 'fr', fromName: 'Ana Ruiz' });
    const list = await ok(200, s.admin.token, 'GET', `/api/v1/invoices/${s.invoiceId}/emails`);
    expect(list.threads).toHaveLength(1);
    expect(list.threads[0].messages.map((x: { id: string }) => x.id)).toEqual([m!.id]);
    expect(list.threads[0].replyAddress).toBe(m!.replyTo);
  });

  it('the daily cron runs the reminders of its scheduled day (and the 5-minute cron does not)', async () => {
    const s = await setup();
    const fire = (cron: string) => worker.scheduled({ cron, scheduledTime: Date.parse(`${D}T14:00:00Z`), noRetry() {} } as never, env as unknown as Env);
    await fire('*/5 * * * *');
    expect(await db().select().from(paymentReminders).where(eq(paymentReminders.invoiceId, s.invoiceId))).toEqual([]);
    await fire(REMINDERS_CRON);
    const rows = await db().select().from(paymentReminders).where(eq(paymentReminders.invoiceId, s.invoiceId));
    expect(rows.map((r) => r.dueOn)).toEqual([D]);
    expect(rows[0]!.messageId).toMatch(/^em_/);
  });

  it('POST /dev/run-reminders runs a given day in local development only, and checks the day', async () => {
    const s = await setup();
    const post = (body: unknown, devMode: boolean) =>
      app.fetch(
        new Request('http://localhost/dev/run-reminders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        { ...env, ...(devMode ? { DEV_MODE: '1' } : {}) },
        createExecutionContext(),
      );
    expect((await post({ today: D }, false)).status).toBe(404);
    const bad = await post({ today: '2026-02-30' }, true);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.details.map((d: { field: string }) => d.field)).toEqual(['today']);
    const res = await post({ today: D }, true);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.today).toBe(D);
    expect(body.sent.filter((x: { invoiceId: string }) => x.invoiceId === s.invoiceId)).toHaveLength(1);
    const again = (await (await post({ today: D }, true)).json()) as any;
    expect(again.sent.filter((x: { invoiceId: string }) => x.invoiceId === s.invoiceId)).toEqual([]);
    const rows = await db()
      .select()
      .from(paymentReminders)
      .where(and(eq(paymentReminders.invoiceId, s.invoiceId), eq(paymentReminders.dueOn, D)));
    expect(rows).toHaveLength(1);
  });
});

import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { toLocale } from '@shared/i18n/locales';
import { companies, contractInvoiceContacts, emailMessages, emailParticipants, emailThreads, paymentReminders, projects, users } from '../../db/schema';
import { newReplyToken, normalizeEmail, replyAddress, type Person } from '../../email/addresses';
import { queueOutbound } from '../../email/queue-outbound';
import { renderReminder } from '../../email/render-reminder';
import type { SystemCtx } from '../../email/system-ctx';
import type { BatchStatement } from '../../lib/batch';
import { newId } from '../../lib/ids';
import type { DueReminder } from './due-reminders';

export type ReminderSent = { invoiceId: string; remindedOn: string; messageIds: string[] };

/**
 * Emails one overdue invoice's reminder to its contract's invoice contacts, one message per
 * language among them, through the invoice email's path (queueOutbound: outbox row, queue,
 * Postmark) on the invoice's newest shared thread: same reply address, In-Reply-To/References on
 * the thread's last message, so the owner's answer lands on the invoice like any reply. The
 * payment_reminders row goes in the same atomic batch as the first message: a second run on the
 * same day meets the unique (invoice, day) and sends nothing. null when there is no one to write to
 * or the day's reminder was already sent.
 */
export async function sendReminder(ctx: SystemCtx, r: DueReminder, today: string): Promise<ReminderSent | null> {
  const [contacts, threads, places] = await ctx.db.batch([
    ctx.db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(contractInvoiceContacts)
      .innerJoin(users, eq(users.id, contractInvoiceContacts.userId))
      .where(eq(contractInvoiceContacts.contractId, r.contractId))
      .orderBy(users.name),
    ctx.db
      .select()
      .from(emailThreads)
      .where(and(eq(emailThreads.invoiceId, r.invoiceId), eq(emailThreads.isPrivate, false)))
      .orderBy(desc(emailThreads.createdAt))
      .limit(1),
    ctx.db
      // aliased: inside a db.batch D1 rows are keyed by column name, and both are `name`
      .select({ projectName: sql<string>`${projects.name}`.as('project_name'), companyName: sql<string>`${companies.name}`.as('company_name') })
      .from(projects)
      .innerJoin(companies, eq(companies.id, projects.companyId))
      .where(eq(projects.id, r.projectId)),
  ]);
  if (!contacts.length) return null;
  const thread = threads[0];
  const before: BatchStatement[] = [];
  let threadId: string;
  let token: string;
  let threadSubject: string;
  let inReplyTo: string | null = null;
  let references: string | null = null;
  let sender: Person | null = null;
  if (thread) {
    ({ id: threadId, replyToken: token, subject: threadSubject } = thread);
    const [last, lastSent] = await ctx.db.batch([
      ctx.db
        .select({ id: emailMessages.internetMessageId, refs: emailMessages.referencesHeader })
        .from(emailMessages)
        .where(and(eq(emailMessages.threadId, thread.id), isNotNull(emailMessages.internetMessageId)))
        .orderBy(desc(emailMessages.createdAt))
        .limit(1),
      ctx.db
        .select({ email: emailMessages.fromEmail, name: emailMessages.fromName, userId: emailMessages.sentBy })
        .from(emailMessages)
        .where(and(eq(emailMessages.threadId, thread.id), eq(emailMessages.direction, 'outbound'), isNotNull(emailMessages.sentBy)))
        .orderBy(desc(emailMessages.createdAt))
        .limit(1),
    ]);
    if (last[0]?.id) {
      inReplyTo = last[0].id;
      // as send-invoice-email.ts: the parent's References plus the parent, capped
      references = [...(last[0].refs ?? '').split(/\s+/).filter(Boolean), last[0].id].slice(-20).join(' ');
    }
    // the reminder speaks for whoever sent the invoice on this thread
    if (lastSent[0]) sender = { email: lastSent[0].email, name: lastSent[0].name, userId: lastSent[0].userId };
  } else {
    // never emailed: the reminder opens the invoice's thread, so replies still land on the invoice
    threadId = newId('thr');
    token = newReplyToken();
    threadSubject = `Invoice #${r.invoiceNumber} – Contract #${r.contractNumber}`;
  }
  if (!sender) {
    const [creator] = await ctx.db.select().from(users).where(eq(users.id, r.createdBy)).limit(1);
    sender = { email: normalizeEmail(creator!.email), name: creator!.name, userId: creator!.id };
  }
  if (!thread) {
    before.push(
      ctx.db
        .insert(emailThreads)
        .values({ id: threadId, projectId: r.projectId, invoiceId: r.invoiceId, replyToken: token, subject: threadSubject, createdBy: sender.userId! }),
    );
  }
  const reminderId = newId('rem');
  before.push(ctx.db.insert(paymentReminders).values({ id: reminderId, invoiceId: r.invoiceId, dueOn: today }));
  const markSent = (messageId: string) => ctx.db.update(paymentReminders).set({ messageId }).where(eq(paymentReminders.id, reminderId));
  const recipients = contacts.map((c) => ({
    person: { email: normalizeEmail(c.email), name: c.name, userId: c.id } as Person,
    locale: toLocale(c.locale) ?? 'en',
  }));
  for (const p of [{ person: sender, role: 'from' as const }, ...recipients.map((x) => ({ person: x.person, role: 'to' as const }))]) {
    before.push(
      ctx.db
        .insert(emailParticipants)
        .values({ threadId, email: p.person.email, projectId: r.projectId, userId: p.person.userId, name: p.person.name, role: p.role })
        .onConflictDoNothing(),
    );
  }

  const byLocale = new Map<string, typeof recipients>();
  for (const x of recipients) byLocale.set(x.locale, [...(byLocale.get(x.locale) ?? []), x]);
  const messageIds: string[] = [];
  for (const [locale, group] of byLocale) {
    const mail = renderReminder({
      locale,
      threadSubject,
      recipientNames: group.map((g) => g.person.name),
      invoiceNumber: r.invoiceNumber,
      contractNumber: r.contractNumber,
      contractTitle: r.contractTitle,
      projectName: places[0]?.projectName ?? '',
      dueOn: r.dueOn,
      openCents: r.openCents,
      daysLate: r.daysLate,
      senderName: sender.name,
      companyName: places[0]?.companyName ?? '',
    });
    const id = newId('em');
    try {
      await queueOutbound(
        ctx,
        {
          id,
          kind: 'invoice',
          threadId,
          projectId: r.projectId,
          from: sender,
          replyTo: replyAddress(token, ctx.env.INBOUND_DOMAIN),
          to: group.map((g) => g.person),
          cc: [],
          subject: mail.subject,
          messageText: mail.message,
          html: mail.html,
          text: mail.text,
          internetMessageId: `<${id}@${ctx.env.INBOUND_DOMAIN}>`,
          inReplyTo,
          references,
          locale: mail.locale,
          // sent by the app on the contract's reminder setting, not by a person
          sentBy: null,
          files: [],
        },
        before.splice(0),
      );
    } catch (err) {
      // another run already sent today's reminder: the unique (invoice, day) refused the whole batch
      if (!messageIds.length && /UNIQUE constraint failed: payment_reminders/.test(String((err as Error)?.message ?? err))) return null;
      // The day's mark went in with the first message's batch. If that message could not be queued
      // (it is kept as failed), nothing went out: drop our mark so the next run tries again instead
      // of waiting a whole cadence. If an earlier language group went out, the mark stays and names it.
      if (messageIds.length) await markSent(messageIds[0]!);
      else await ctx.db.delete(paymentReminders).where(eq(paymentReminders.id, reminderId));
      throw err;
    }
    messageIds.push(id);
  }
  await markSent(messageIds[0]!);
  return { invoiceId: r.invoiceId, remindedOn: today, messageIds };
}

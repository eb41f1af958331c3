import { and, asc, desc, eq, exists, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { TInvoiceEmails } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { contracts, emailEvents, emailMessageFiles, emailMessages, emailParticipants, emailThreads, invoices, projects, users } from '../../db/schema';
import { asNotFound, notFound } from '../../lib/app-error';
import { accessFromRow, contractAccessQuery, seesOnlySubmitted } from '../access/contract-access';
import { closeRefs, lineEditsQuery } from './close-edited-line-refs';
import { messageViewsFrom, type KnownSender } from './message-view';
import { canSeeThread, threadViewsFrom } from './thread-views';

/**
 * The invoice's Emails tab: threads newest first, messages oldest first. 404 when the user cannot
 * see the invoice; private threads the user may not see are left out (their existence too).
 * `since`: only messages created at or after it, for a cheap refresh (see ZInvoiceEmailsQuery).
 *
 * The pane polls this (addin/src/ui/emails/use-invoice-emails.ts), so it is one D1 round trip: every
 * statement is keyed by the invoice id through subqueries, none needs another's answer, and the
 * permission checks run on the batch's rows before anything is shown. With `since`, every email
 * statement reads only the threads that have a message at or after it: a refresh when nothing is
 * new reads the invoice, the access row and empty results (index email_messages_thread_idx).
 */
export async function listInvoiceEmails({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; since?: string } }): Promise<TInvoiceEmails> {
  // ISO timestamps compare as text; `since` is normalised to the stored form (…T…:…:….mmmZ)
  const since = input.since ? new Date(input.since).toISOString() : undefined;
  const db = ctx.db;
  const invoiceId = input.invoiceId;
  const threadsOfInvoice = db.select({ id: emailThreads.id }).from(emailThreads).where(eq(emailThreads.invoiceId, invoiceId));
  const inThreads = inArray(emailMessages.threadId, threadsOfInvoice);
  const shownMessages = since ? and(inThreads, gte(emailMessages.createdAt, since))! : inThreads;
  // with `since`, threads with nothing new are not shown, so not read either
  const shownThreads = since ? db.selectDistinct({ id: emailMessages.threadId }).from(emailMessages).where(shownMessages) : threadsOfInvoice;
  const shownMessageIds = db.select({ id: emailMessages.id }).from(emailMessages).where(shownMessages);
  const [invoiceRows, accessRows, threads, participants, messages, creators, files, events, senders, edits] = await db.batch([
    db.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1),
    contractAccessQuery(ctx, sql`${contracts.id} = (${db.select({ id: invoices.contractId }).from(invoices).where(eq(invoices.id, invoiceId))})`),
    db.select().from(emailThreads).where(inArray(emailThreads.id, shownThreads)).orderBy(desc(emailThreads.createdAt), desc(emailThreads.id)),
    db.select().from(emailParticipants).where(inArray(emailParticipants.threadId, shownThreads)),
    db.select().from(emailMessages).where(shownMessages).orderBy(asc(emailMessages.createdAt), asc(emailMessages.id)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, db.select({ id: emailThreads.createdBy }).from(emailThreads).where(inArray(emailThreads.id, shownThreads)))),
    db.select().from(emailMessageFiles).where(inArray(emailMessageFiles.messageId, shownMessageIds)),
    db
      .select()
      .from(emailEvents)
      .where(
        inArray(
          emailEvents.providerMessageId,
          db
            .select({ id: emailMessages.providerMessageId })
            .from(emailMessages)
            .where(and(shownMessages, eq(emailMessages.direction, 'outbound'), isNotNull(emailMessages.providerMessageId))),
        ),
      ),
    knownSendersQuery(ctx, shownMessages),
    // only when a shown reply may name lines (its understanding is stored): message-view.ts classificationOf
    lineEditsQuery(
      db,
      invoiceId,
      exists(
        db
          .select({ one: sql`1` })
          .from(emailMessages)
          .where(and(shownMessages, eq(emailMessages.direction, 'inbound'), isNotNull(emailMessages.understanding))),
      ),
    ),
  ]);
  const invoice = invoiceRows[0];
  if (!invoice) throw notFound('Invoice');
  const access = await asNotFound(Promise.resolve(accessRows[0]).then(accessFromRow), 'Invoice');
  if (invoice.status === 'draft' && seesOnlySubmitted(access)) throw notFound('Invoice');
  // nothing new since the client's cursor: no views to build
  if (since && !messages.length) return { invoiceId: invoice.id, threads: [], cursor: since };
  const visible = threads.filter((t) =>
    canSeeThread(
      t,
      participants.filter((p) => p.threadId === t.id),
      ctx.user,
      access.isToolAdmin,
    ),
  );
  const visibleIds = new Set<string | null>(visible.map((t) => t.id));
  const shownRows = messages.filter((m) => visibleIds.has(m.threadId));
  const known = new Map<string, KnownSender>(senders.map((u) => [`${u.projectId}\n${u.email.toLowerCase()}`, { id: u.id, name: u.name }]));
  const views = threadViewsFrom(ctx.env.INBOUND_DOMAIN, visible, participants, creators, messageViewsFrom(shownRows, files, events, known));
  const hasRefs = views.some((t) => t.messages.some((m) => m.classification?.lines.length));
  const closed = hasRefs ? closeRefs(views, edits) : views;
  const shown = since ? closed.filter((t) => t.messages.length) : closed;
  const newest = shown
    .flatMap((t) => t.messages.map((m) => m.createdAt))
    .sort()
    .at(-1);
  return { invoiceId: invoice.id, threads: shown, cursor: newest ?? since ?? null };
}

/**
 * message-view.ts knownSenders as one statement: for each shown inbound reply whose sender's domain
 * authenticated and that is filed under a project, the users of that project's company with its address.
 */
function knownSendersQuery(ctx: ServiceCtx, shownMessages: SQL) {
  return (
    ctx.db
      // projects.id and users.id named apart: inside a db.batch drizzle maps D1's rows by column name
      .selectDistinct({ projectId: sql<string>`${projects.id}`.as('project_id'), id: users.id, name: users.name, email: users.email })
      .from(emailMessages)
      .innerJoin(projects, eq(projects.id, emailMessages.projectId))
      .innerJoin(users, and(eq(users.companyId, projects.companyId), eq(sql`lower(${users.email})`, emailMessages.fromEmail)))
      .where(and(shownMessages, eq(emailMessages.direction, 'inbound'), eq(emailMessages.senderAuth, 'pass')))
  );
}

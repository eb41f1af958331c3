import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { POSTMARK_MAX_MESSAGE_BYTES, type TSendInvoiceEmailResult, type ZSendInvoiceEmail } from '@shared/api/emails';
import type { ErrorDetail } from '@shared/errors';
import { emailLabels } from '@shared/i18n/email-labels';
import type { ServiceCtx } from '../../context';
import { attachments, emailMessages, emailParticipants, emailThreads, projects } from '../../db/schema';
import { newReplyToken, normalizeEmail, replyAddress, type Person } from '../../email/addresses';
import { base64Size } from '../../email/base64';
import { queueOutbound, type OutboundFile } from '../../email/queue-outbound';
import { renderInvoiceHtml, renderInvoiceText } from '../../email/render-invoice';
import { AppError } from '../../lib/app-error';
import type { BatchStatement } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { requireToolAdmin } from '../access/contract-access';
import { requireSendingQuota } from './sending-quota';
import { getInvoice } from '../invoices/get-invoice';
import { loadInvoiceRow } from '../invoices/invoice-state';
import { resolveRecipients } from './resolve-recipients';
import { loadParticipants, threadViews } from './thread-views';
import { signedWaiverFiles } from '../lien-waivers/email-waivers';

type Body = z.output<typeof ZSendInvoiceEmail>;

/** Headers, addresses and JSON framing Postmark counts besides bodies and attachments: generous. */
const ENVELOPE_BYTES = 16 * 1024;
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);

async function loadFiles(ctx: ServiceCtx, projectId: string, ids: string[]): Promise<OutboundFile[]> {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.projectId, projectId), inArray(attachments.id, ids)));
  const problems: ErrorDetail[] = [];
  const files = ids.flatMap((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) problems.push({ field: `attachmentIds.${i}`, code: 'UNKNOWN_ATTACHMENT', message: `No attachment ${id} in this invoice's project` });
    return row ? [{ attachmentId: row.id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, r2Key: row.r2Key }] : [];
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'Some attachments cannot be sent', problems);
  return files;
}

/**
 * Emails an invoice (docs/domain.md "Emailing an invoice"). Needs admin on the contract's tool. Records
 * the message (and a new thread, unless continuing one) and queues delivery; answers at once.
 */
export async function sendInvoiceEmail({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; body: Body } }): Promise<TSendInvoiceEmailResult> {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  requireToolAdmin(access, 'Emailing an invoice');
  const { body } = input;
  const sender: Person = { email: normalizeEmail(ctx.user.email), name: ctx.user.name, userId: ctx.user.id };
  const { to, cc, problems } = await resolveRecipients(ctx, { to: body.to, cc: body.cc ?? [{ userId: ctx.user.id }] });
  if (problems.length) throw new AppError('VALIDATION_FAILED', `${problems.length} recipient(s) cannot be used`, problems);
  await requireSendingQuota(ctx, to.length + cc.length);

  let thread: typeof emailThreads.$inferSelect | undefined;
  if (body.threadId) {
    [thread] = await ctx.db
      .select()
      .from(emailThreads)
      .where(and(eq(emailThreads.id, body.threadId), eq(emailThreads.invoiceId, invoice.id)))
      .limit(1);
    if (!thread)
      throw new AppError('VALIDATION_FAILED', 'No such thread on this invoice', [
        { field: 'threadId', code: 'UNKNOWN_THREAD', message: `Invoice #${invoice.number} has no thread ${body.threadId}` },
      ]);
  }
  const picked = await loadFiles(ctx, invoice.projectId, body.attachmentIds);
  // signed lien waivers always go with the invoice (services/lien-waivers/email-waivers.ts)
  const waivers = await signedWaiverFiles(ctx, invoice.id, body.attachmentIds);
  const files = [...picked, ...waivers.files];
  const view = await getInvoice({ ctx, input: { invoiceId: invoice.id } });
  const [project] = await ctx.db.select().from(projects).where(eq(projects.id, invoice.projectId)).limit(1);
  const labels = emailLabels(body.locale ?? ctx.user.locale);
  const p = view.invoice.billingPeriod;
  const subject =
    body.subject ??
    labels.subject({ kind: view.contract.kind, invoiceNumber: invoice.number, contractNumber: view.contract.number, start: p.start, end: p.end });
  const rendering = {
    view,
    projectName: project!.name,
    senderName: ctx.user.name,
    message: body.message,
    labels,
    pdfUrl: `${ctx.env.PUBLIC_URL.replace(/\/$/, '')}/api/v1/invoices/${invoice.id}/pdf`,
    attachmentNames: files.map((f) => f.fileName),
  };
  const html = renderInvoiceHtml(rendering);
  const text = renderInvoiceText(rendering);

  const total = ENVELOPE_BYTES + utf8Bytes(html) + utf8Bytes(text) + utf8Bytes(subject) + files.reduce((s, f) => s + base64Size(f.sizeBytes), 0);
  if (total > POSTMARK_MAX_MESSAGE_BYTES) {
    const message = `The email would be ${mb(total)} MB with its attachments base64-encoded; Postmark accepts at most ${mb(POSTMARK_MAX_MESSAGE_BYTES)} MB. Remove attachments or send them in separate emails.`;
    throw new AppError('PAYLOAD_TOO_LARGE', message, [{ field: 'attachmentIds', code: 'MESSAGE_TOO_LARGE', message }]);
  }

  const messageId = newId('em');
  const before: BatchStatement[] = [
    ...waivers.emailedEvents(
      messageId,
      to.map((x) => x.email),
    ),
  ];
  let threadId: string;
  let token: string;
  let inReplyTo: string | null = null;
  let references: string | null = null;
  if (thread) {
    threadId = thread.id;
    token = thread.replyToken;
    // the newest message of the thread with a Message-ID: the one this follows up
    const [last] = await ctx.db
      .select({ id: emailMessages.internetMessageId, refs: emailMessages.referencesHeader })
      .from(emailMessages)
      .where(and(eq(emailMessages.threadId, thread.id), isNotNull(emailMessages.internetMessageId)))
      .orderBy(desc(emailMessages.createdAt))
      .limit(1);
    if (last?.id) {
      inReplyTo = last.id;
      // References: the parent's References plus the parent, capped (mail programs truncate long ones)
      references = [...(last.refs ?? '').split(/\s+/).filter(Boolean), last.id].slice(-20).join(' ');
    }
  } else {
    threadId = newId('thr');
    token = newReplyToken();
    before.push(
      ctx.db.insert(emailThreads).values({
        id: threadId,
        projectId: invoice.projectId,
        invoiceId: invoice.id,
        replyToken: token,
        subject,
        isPrivate: body.isPrivate,
        createdBy: ctx.user.id,
      }),
    );
  }
  const roles: Array<[Person, 'from' | 'to' | 'cc']> = [
    [sender, 'from'],
    ...to.map((x) => [x, 'to'] as [Person, 'to']),
    ...cc.map((x) => [x, 'cc'] as [Person, 'cc']),
  ];
  for (const [person, role] of roles) {
    before.push(
      ctx.db
        .insert(emailParticipants)
        .values({ threadId, email: person.email, projectId: invoice.projectId, userId: person.userId, name: person.name, role })
        .onConflictDoNothing(),
    );
  }
  await queueOutbound(
    { db: ctx.db, env: ctx.env },
    {
      id: messageId,
      kind: 'invoice',
      threadId,
      projectId: invoice.projectId,
      from: sender,
      replyTo: replyAddress(token, ctx.env.INBOUND_DOMAIN),
      to,
      cc,
      subject,
      messageText: body.message,
      html,
      text,
      internetMessageId: `<${messageId}@${ctx.env.INBOUND_DOMAIN}>`,
      inReplyTo,
      references,
      locale: labels.locale,
      sentBy: ctx.user.id,
      files,
    },
    before,
  );
  const [threadRow] = await ctx.db.select().from(emailThreads).where(eq(emailThreads.id, threadId));
  const [threadView] = await threadViews(ctx.db, ctx.env.INBOUND_DOMAIN, [threadRow!], await loadParticipants(ctx.db, [threadId]));
  const email = threadView!.messages.find((m) => m.id === messageId)!;
  return { message: 'Communication created', thread: threadView!, email };
}

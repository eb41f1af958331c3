import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TEmailMessageView } from '@shared/api/emails';
import { sanitizeEmailHtml } from '@shared/email/sanitize-html';
import { chunk, idChunks, type Db } from '../../db/client';
import { emailEvents, emailMessageFiles, type emailMessages, projects, users } from '../../db/schema';
import { parsePeople } from '../../email/addresses';
import { classificationOf } from './reply-understanding';

export type MessageRow = typeof emailMessages.$inferSelect;
type FileRow = typeof emailMessageFiles.$inferSelect;
type EventRow = typeof emailEvents.$inferSelect;
/** The user an inbound sender's address belongs to, looked up in the message's project's company only. */
export type KnownSender = { id: string; name: string };

/** Outbound status: the row's, except that a sent message shows what Postmark reported since (a bounce wins). */
function statusOf(m: MessageRow, events: EventRow[]): TEmailMessageView['status'] {
  if (m.status !== 'sent') return m.status;
  if (events.some((e) => e.kind === 'bounced' || e.kind === 'spam_complaint')) return 'bounced';
  return events.some((e) => e.kind === 'delivered') ? 'delivered' : 'sent';
}

export function messageView(m: MessageRow, files: FileRow[], events: EventRow[], sender: KnownSender | null = null): TEmailMessageView {
  const isInbound = m.direction === 'inbound';
  return {
    id: m.id,
    threadId: m.threadId,
    direction: m.direction,
    kind: m.kind,
    status: statusOf(m, events),
    // A reply from a known user shows as that person (their name in the app, not the mail client's).
    from: isInbound
      ? { email: m.fromEmail, name: sender?.name || m.fromName, userId: sender?.id ?? null }
      : { email: m.fromEmail, name: m.fromName, userId: m.sentBy },
    to: parsePeople(m.toJson),
    cc: parsePeople(m.ccJson),
    subject: m.subject,
    at: (isInbound ? m.receivedAt : m.sentAt) ?? m.createdAt,
    createdAt: m.createdAt,
    text: m.messageText,
    fullText: isInbound ? (m.textBody ?? '') : null,
    // raw inbound HTML is untrusted: only the allow-list sanitizer's output ever leaves the server
    html: isInbound && m.htmlBody ? sanitizeEmailHtml(m.htmlBody) : null,
    isBodyTruncated: m.isBodyTruncated,
    classification: classificationOf(m),
    isFromOutsider: m.isFromOutsider,
    senderAuth: isInbound ? { verdict: m.senderAuth ?? 'none', detail: m.senderAuthDetail ?? 'received before sender authentication was checked' } : null,
    failureReason: m.failureReason,
    providerMessageId: m.providerMessageId,
    internetMessageId: m.internetMessageId,
    attachments: files
      .sort((a, b) => a.position - b.position)
      .map((f) => ({ attachmentId: f.attachmentId, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes })),
    deliveries: events
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
      .map((e) => ({ recipient: e.recipient, kind: e.kind, at: e.occurredAt, details: e.details })),
  };
}

/** Views of many messages with their files and delivery events, in few queries (≤ 100 bound ids each). */
export async function messageViews(db: Db, rows: MessageRow[]): Promise<TEmailMessageView[]> {
  const files: FileRow[] = [];
  const events: EventRow[] = [];
  for (const ids of idChunks(rows.map((r) => r.id))) {
    files.push(...(await db.select().from(emailMessageFiles).where(inArray(emailMessageFiles.messageId, ids))));
  }
  const providerIds = rows.filter((r) => r.direction === 'outbound' && r.providerMessageId).map((r) => r.providerMessageId!);
  for (const ids of idChunks(providerIds)) {
    events.push(...(await db.select().from(emailEvents).where(inArray(emailEvents.providerMessageId, ids))));
  }
  return messageViewsFrom(rows, files, events, await knownSenders(db, rows));
}

/** The views of rows whose files, events and known senders were read already (e.g. in one db.batch). */
export function messageViewsFrom(rows: MessageRow[], files: FileRow[], events: EventRow[], senders: Map<string, KnownSender>): TEmailMessageView[] {
  return rows.map((m) =>
    messageView(
      m,
      files.filter((f) => f.messageId === m.id),
      events.filter((e) => e.providerMessageId === m.providerMessageId),
      senders.get(`${m.projectId}\n${m.fromEmail}`) ?? null,
    ),
  );
}

/**
 * Authenticated inbound senders matched to users, by address, among the users of the company that owns the
 * message's project: never a user of another company (an address is only trusted to name someone
 * inside the company the mail was filed under). Mail not filed under a project matches nobody.
 * Keyed by "projectId\nfromEmail"; addresses are compared lower-cased (stored normalized).
 */
async function knownSenders(db: Db, rows: MessageRow[]): Promise<Map<string, KnownSender>> {
  // Only a sender whose domain authenticated (SPF or DKIM, services/emails/process-inbound.ts →
  // email/sender-auth.ts) is named: a From header alone can be forged to impersonate a colleague.
  const inbound = rows.filter((r) => r.direction === 'inbound' && r.projectId && r.senderAuth === 'pass');
  const found = new Map<string, KnownSender>();
  const projectIds = [...new Set(inbound.map((r) => r.projectId!))];
  const emails = [...new Set(inbound.map((r) => r.fromEmail.toLowerCase()))];
  if (!projectIds.length) return found;
  for (const pids of chunk(projectIds, 40)) {
    for (const addrs of chunk(emails, 50)) {
      const matches = await db
        .select({ projectId: projects.id, id: users.id, name: users.name, email: users.email })
        .from(projects)
        .innerJoin(users, eq(users.companyId, projects.companyId))
        .where(and(inArray(projects.id, pids), inArray(sql`lower(${users.email})`, addrs)));
      for (const u of matches) found.set(`${u.projectId}\n${u.email.toLowerCase()}`, { id: u.id, name: u.name });
    }
  }
  return found;
}

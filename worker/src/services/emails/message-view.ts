import { inArray } from 'drizzle-orm';
import type { TEmailMessageView } from '@shared/api/emails';
import { sanitizeEmailHtml } from '@shared/email/sanitize-html';
import { chunk, type Db } from '../../db/client';
import { emailEvents, emailMessageFiles, type emailMessages } from '../../db/schema';
import { parsePeople } from '../../email/addresses';
import { classificationOf } from './reply-understanding';

export type MessageRow = typeof emailMessages.$inferSelect;
type FileRow = typeof emailMessageFiles.$inferSelect;
type EventRow = typeof emailEvents.$inferSelect;

/** Outbound status: the row's, except that a sent message shows what Postmark reported since (a bounce wins). */
function statusOf(m: MessageRow, events: EventRow[]): TEmailMessageView['status'] {
  if (m.status !== 'sent') return m.status;
  if (events.some((e) => e.kind === 'bounced' || e.kind === 'spam_complaint')) return 'bounced';
  return events.some((e) => e.kind === 'delivered') ? 'delivered' : 'sent';
}

export function messageView(m: MessageRow, files: FileRow[], events: EventRow[]): TEmailMessageView {
  const isInbound = m.direction === 'inbound';
  return {
    id: m.id,
    threadId: m.threadId,
    direction: m.direction,
    kind: m.kind,
    status: statusOf(m, events),
    from: { email: m.fromEmail, name: m.fromName, userId: isInbound ? null : m.sentBy },
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
  for (const ids of chunk(rows.map((r) => r.id), 90)) {
    files.push(...(await db.select().from(emailMessageFiles).where(inArray(emailMessageFiles.messageId, ids))));
  }
  const providerIds = rows.filter((r) => r.direction === 'outbound' && r.providerMessageId).map((r) => r.providerMessageId!);
  for (const ids of chunk(providerIds, 90)) {
    events.push(...(await db.select().from(emailEvents).where(inArray(emailEvents.providerMessageId, ids))));
  }
  return rows.map((m) =>
    messageView(
      m,
      files.filter((f) => f.messageId === m.id),
      events.filter((e) => e.providerMessageId === m.providerMessageId),
    ),
  );
}

import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import type { Env } from '../../env';
import { replyAddress } from '../../email/addresses';
import { emailedDetail } from '../lien-waivers/email-waivers';
import { jsonChunks } from '../invoices/bulk-sql';
import type { SendBatch } from './batch-access';
import { internetMessageId, type Sender } from './batch-message';
import type { ClaimedItem } from './claims';
import { bodyKey } from './invoice-content';
import { insertJsonRows } from './json-rows';

export type Outcome = { isSent: true; postmarkMessageId: string; sentAt: string } | { isSent: false; reason: string };
export type Settled = { item: ClaimedItem; outcome: Outcome };

const THREAD_COLUMNS = [
  ['id', 'id'],
  ['project_id', 'projectId'],
  ['invoice_id', 'invoiceId'],
  ['reply_token', 'replyToken'],
  ['subject', 'subject'],
  ['is_private', 'isPrivate'],
  ['created_by', 'createdBy'],
] as const;
const PARTICIPANT_COLUMNS = [
  ['thread_id', 'threadId'],
  ['email', 'email'],
  ['project_id', 'projectId'],
  ['user_id', 'userId'],
  ['name', 'name'],
  ['role', 'role'],
] as const;
const MESSAGE_COLUMNS = [
  ['id', 'id'],
  ['kind', 'kind'],
  ['direction', 'direction'],
  ['thread_id', 'threadId'],
  ['project_id', 'projectId'],
  ['status', 'status'],
  ['from_email', 'fromEmail'],
  ['from_name', 'fromName'],
  ['to_json', 'toJson'],
  ['cc_json', 'ccJson'],
  ['reply_to', 'replyTo'],
  ['subject', 'subject'],
  ['message_text', 'messageText'],
  ['body_r2_key', 'bodyR2Key'],
  ['internet_message_id', 'internetMessageId'],
  ['provider_message_id', 'providerMessageId'],
  ['locale', 'locale'],
  ['sent_by', 'sentBy'],
  ['attempts', 'attempts'],
  ['sent_at', 'sentAt'],
] as const;

/**
 * Records what happened to items of one claim, in one atomic batch: each item's status, Postmark
 * id or reason, and for every sent item the thread, participants and message a single send
 * creates (the email module's tables), so replies land on the invoice's Emails tab. Only the claim's holder
 * settles its items; the thread rows are keyed by ids fixed at registration and inserted OR
 * IGNORE, so recording the same send twice (a reconciler and a slow holder) stores it once.
 * `waiverIdsOf`: the signed lien waivers each invoice's messages carried (invoice-content.ts); each
 * sent message gets an 'emailed' event on each, as a single send records them.
 */
export function settleStatements(
  d1: D1Database,
  env: Env,
  batch: SendBatch,
  sender: Sender & { userId: string },
  claimId: string,
  settled: Settled[],
  waiverIdsOf: ReadonlyMap<string, readonly string[]>,
): D1PreparedStatement[] {
  if (!settled.length) return [];
  const updates = settled.map(({ item, outcome }) => ({
    id: item.id,
    status: outcome.isSent ? 'sent' : 'failed',
    pm: outcome.isSent ? outcome.postmarkMessageId : null,
    reason: outcome.isSent ? null : outcome.reason,
    sentAt: outcome.isSent ? outcome.sentAt : null,
  }));
  const update = d1
    .prepare(
      `UPDATE send_batch_items SET status = json_extract(j.value, '$.status'), postmark_message_id = json_extract(j.value, '$.pm'),
         reason = json_extract(j.value, '$.reason'), sent_at = json_extract(j.value, '$.sentAt')
       FROM json_each(?1) AS j
       WHERE send_batch_items.id = json_extract(j.value, '$.id') AND send_batch_items.claim_id = ?2 AND send_batch_items.status = 'claimed'`,
    )
    .bind(JSON.stringify(updates), claimId);
  const sent = settled.flatMap(({ item, outcome }) => (outcome.isSent ? [{ item, outcome }] : []));
  const threads = sent.map(({ item }) => ({
    id: item.threadId,
    projectId: batch.projectId,
    invoiceId: item.invoiceId,
    replyToken: item.replyToken,
    subject: item.subject,
    isPrivate: 0,
    createdBy: sender.userId,
  }));
  const participants = sent.flatMap(({ item }) => [
    { threadId: item.threadId, email: sender.email, projectId: batch.projectId, userId: sender.userId, name: sender.name, role: 'from' },
    { threadId: item.threadId, email: item.recipientEmail, projectId: batch.projectId, userId: item.recipientUserId, name: item.recipientName, role: 'to' },
  ]);
  const messages = sent.map(({ item, outcome }) => ({
    id: item.emailMessageId,
    kind: 'invoice',
    direction: 'outbound',
    threadId: item.threadId,
    projectId: batch.projectId,
    status: 'sent',
    fromEmail: sender.email,
    fromName: sender.name,
    toJson: JSON.stringify([{ email: item.recipientEmail, name: item.recipientName, userId: item.recipientUserId }]),
    ccJson: '[]',
    replyTo: replyAddress(item.replyToken, env.INBOUND_DOMAIN),
    subject: item.subject,
    messageText: batch.message,
    bodyR2Key: bodyKey(batch, item.invoiceId),
    internetMessageId: internetMessageId(env, item.emailMessageId),
    providerMessageId: outcome.postmarkMessageId,
    locale: batch.locale,
    sentBy: sender.userId,
    attempts: item.attempts,
    sentAt: outcome.sentAt,
  }));
  const emailed = sent.flatMap(({ item }) =>
    (waiverIdsOf.get(item.invoiceId) ?? []).map((waiverId) => ({
      waiverId,
      userId: sender.userId,
      messageId: item.emailMessageId,
      detail: emailedDetail(item.emailMessageId, [item.recipientEmail]),
    })),
  );
  // before the messages are inserted: a message already recorded (this send settled twice) gets no second event
  const events = jsonChunks(emailed).map((json) =>
    d1
      .prepare(
        `INSERT INTO lien_waiver_events (waiver_id, action, user_id, detail_json)
         SELECT json_extract(value, '$.waiverId'), 'emailed', json_extract(value, '$.userId'), json_extract(value, '$.detail') FROM json_each(?1)
         WHERE NOT EXISTS (SELECT 1 FROM email_messages WHERE email_messages.id = json_extract(value, '$.messageId'))`,
      )
      .bind(json),
  );
  return [
    update,
    ...events,
    ...insertJsonRows(d1, 'email_threads', THREAD_COLUMNS, threads, { orIgnore: true }),
    ...insertJsonRows(d1, 'email_participants', PARTICIPANT_COLUMNS, participants, { orIgnore: true }),
    ...insertJsonRows(d1, 'email_messages', MESSAGE_COLUMNS, messages, { orIgnore: true }),
  ];
}

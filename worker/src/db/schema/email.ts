import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { attachments } from './attachments';
import { projects, users } from './core';
import { invoices } from './invoices';
// relative, not @shared: drizzle-kit reads this file without the alias
import { replyKinds } from '../../../../shared/email/reply-kinds';
import { createdAt } from './columns';

/** One conversation about an invoice: its own reply address reply+<replyToken>@<INBOUND_DOMAIN>. */
export const emailThreads = sqliteTable(
  'email_threads',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** lowercase hex: survives mail systems that lowercase the local part */
    replyToken: text('reply_token').notNull(),
    subject: text('subject').notNull(),
    isPrivate: integer('is_private', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_threads_token_uq').on(t.replyToken), index('email_threads_invoice_idx').on(t.invoiceId)],
);

/** Who is on a thread (the sender, To, CC): private-thread visibility and the "outsider" flag. */
export const emailParticipants = sqliteTable(
  'email_participants',
  {
    threadId: text('thread_id')
      .notNull()
      .references(() => emailThreads.id),
    email: text('email').notNull(),
    projectId: text('project_id').notNull(),
    userId: text('user_id'),
    name: text('name').notNull().default(''),
    /** from | to | cc (the first role an address had on the thread) */
    role: text('role', { enum: ['from', 'to', 'cc'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.email] }), index('email_participants_email_idx').on(t.email)],
);

/**
 * Every message, both directions. Outbound bodies (the rendered invoice) live in R2 at bodyR2Key;
 * inbound text and the raw, untrusted HTML are kept here (cut to fit a row, isBodyTruncated) and in
 * full in the raw payload in R2. Inbound rows without a thread are the unmatched mail.
 */
export const emailMessages = sqliteTable(
  'email_messages',
  {
    id: text('id').primaryKey(),
    /** notice: a message from the app itself to a user (e.g. "your backup is ready") */
    kind: text('kind', { enum: ['invoice', 'sign_in', 'notice', 'inbound'] }).notNull(),
    direction: text('direction', { enum: ['outbound', 'inbound'] }).notNull(),
    threadId: text('thread_id').references(() => emailThreads.id),
    projectId: text('project_id').references(() => projects.id),
    /** outbound: queued | sending | retrying | sent | failed (delivered/bounced come from email_events); inbound: received */
    status: text('status', { enum: ['queued', 'sending', 'retrying', 'sent', 'failed', 'received'] }).notNull(),
    fromEmail: text('from_email').notNull(),
    fromName: text('from_name').notNull().default(''),
    /** JSON [{ email, name, userId }] */
    toJson: text('to_json').notNull().default('[]'),
    ccJson: text('cc_json').notNull().default('[]'),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    /** outbound: the sender's message; inbound: the reply without quoted history */
    messageText: text('message_text').notNull().default(''),
    textBody: text('text_body'),
    /** inbound only, raw and untrusted: never returned to clients unsanitized */
    htmlBody: text('html_body'),
    isBodyTruncated: integer('is_body_truncated', { mode: 'boolean' }).notNull().default(false),
    bodyR2Key: text('body_r2_key'),
    internetMessageId: text('internet_message_id'),
    inReplyTo: text('in_reply_to'),
    referencesHeader: text('references_header'),
    /** Postmark MessageID (outbound: from the send call; inbound: the webhook's) or local-<uuid> */
    providerMessageId: text('provider_message_id'),
    locale: text('locale').notNull().default('en'),
    sentBy: text('sent_by').references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    /** when the current delivery attempt claimed the message (a stale claim is checked with Postmark) */
    sendingAt: text('sending_at'),
    sentAt: text('sent_at'),
    receivedAt: text('received_at'),
    failureReason: text('failure_reason'),
    classification: text('classification', { enum: replyKinds }),
    classificationReason: text('classification_reason'),
    classificationMatched: text('classification_matched'),
    /** inbound: JSON of the rest of shared/email/replies understandReply (conditional, suggestion, lines, amount) */
    understanding: text('understanding'),
    isFromOutsider: integer('is_from_outsider', { mode: 'boolean' }).notNull().default(false),
    unmatchedReason: text('unmatched_reason'),
    /** inbound: pass | fail | none, from the receiving server's SPF/DKIM/DMARC results (email/sender-auth.ts) */
    senderAuth: text('sender_auth', { enum: ['pass', 'fail', 'none'] }),
    senderAuthDetail: text('sender_auth_detail'),
    receiptId: text('receipt_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_messages_provider_uq').on(t.providerMessageId),
    index('email_messages_thread_idx').on(t.threadId, t.createdAt),
    index('email_messages_internet_id_idx').on(t.internetMessageId),
    index('email_messages_direction_idx').on(t.direction, t.createdAt),
  ],
);

/** Files of a message, in order. attachmentId is null while an unmatched reply has no project. */
export const emailMessageFiles = sqliteTable(
  'email_message_files',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => emailMessages.id),
    position: integer('position').notNull(),
    attachmentId: text('attachment_id').references(() => attachments.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    r2Key: text('r2_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.position] })],
);

/** Projects whose admins see an unmatched reply, and by which rule (see services/emails/unmatched-projects.ts). */
export const emailUnmatchedProjects = sqliteTable(
  'email_unmatched_projects',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => emailMessages.id),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** JSON array of rule names */
    matchedBy: text('matched_by').notNull().default('[]'),
    /** JSON array of the tools (prime_contracts | commitments) the reply concerns; [] = unknown (admins of both) */
    tools: text('tools').notNull().default('[]'),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.projectId] }), index('email_unmatched_project_idx').on(t.projectId)],
);

/** Postmark delivery / bounce / spam-complaint webhooks, keyed so a redelivered event is stored once. */
export const emailEvents = sqliteTable(
  'email_events',
  {
    id: text('id').primaryKey(),
    providerMessageId: text('provider_message_id').notNull(),
    kind: text('kind', { enum: ['delivered', 'bounced', 'spam_complaint'] }).notNull(),
    recipient: text('recipient').notNull().default(''),
    occurredAt: text('occurred_at').notNull(),
    details: text('details').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('email_events_provider_idx').on(t.providerMessageId)],
);

/** Every authenticated inbound webhook call: its raw payload in R2 first, then what processing made of it. */
export const inboundReceipts = sqliteTable(
  'inbound_receipts',
  {
    id: text('id').primaryKey(),
    r2Key: text('r2_key').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** received | stored | duplicate | invalid */
    status: text('status', { enum: ['received', 'stored', 'duplicate', 'invalid'] })
      .notNull()
      .default('received'),
    providerMessageId: text('provider_message_id'),
    messageId: text('message_id'),
    error: text('error'),
    receivedAt: text('received_at').notNull(),
    processedAt: text('processed_at'),
  },
  (t) => [index('inbound_receipts_status_idx').on(t.status)],
);

/** One-time sign-in links. Rows without a token count toward the per-address rate limit only. */
export const authEmailLinks = sqliteTable(
  'auth_email_links',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    userId: text('user_id').references(() => users.id),
    tokenHash: text('token_hash'),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    /** SHA-256 of the requester's IP: the per-requester rate limit (request-email-link.ts) */
    requester: text('requester'),
    createdAt: createdAt(),
  },
  (t) => [
    index('auth_email_links_requester_idx').on(t.requester, t.createdAt),
    uniqueIndex('auth_email_links_token_uq').on(t.tokenHash),
    index('auth_email_links_email_idx').on(t.email, t.createdAt),
  ],
);

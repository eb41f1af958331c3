// The email API: invoice emails and their threads, unmatched replies, file uploads used
// as email attachments, and sign-in by email. Request schemas validate; response schemas document
// what the worker returns (the worker's verbs are typed against them) for the add-in's client.
import { z } from 'zod';
import { replyKinds } from '../email/reply-kinds';
import { LOCALES } from '../i18n/locales';
import { ZId } from './common';

export const ZEmailAddress = z.email({ message: 'not a valid email address' }).max(254);

/** A directory user (userId) or a typed address (email, optional display name): exactly one. */
export const ZRecipient = z
  .object({
    userId: ZId.optional(),
    email: ZEmailAddress.optional(),
    name: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((r) => !!r.userId !== !!r.email, { message: 'give either userId or email, not both', path: ['userId'] });
/** as a client sends it */
export type TRecipientInput = z.input<typeof ZRecipient>;
export type TRecipient = z.output<typeof ZRecipient>;

/** POST /api/v1/invoices/:id/emails */
export const ZSendInvoiceEmail = z
  .object({
    to: z.array(ZRecipient).min(1, 'add at least one recipient').max(50),
    /** omitted: the sender; [] for no CC */
    cc: z.array(ZRecipient).max(50).optional(),
    /** a private thread is visible only to invoice admins and the people on To/CC */
    isPrivate: z.boolean().default(false),
    /** omitted: "Invoice #N for Prime Contract #M – start – end" in the email's locale */
    subject: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .regex(/^[^\r\n]*$/, 'the subject must be a single line')
      .optional(),
    /** omitted: the sender's locale */
    locale: z.enum(LOCALES).optional(),
    /** ids from POST /api/v1/attachments, in the invoice's project */
    attachmentIds: z.array(ZId).max(20).default([]),
    message: z.string().max(10_000).default(''),
    /** continue an existing thread of this invoice (same reply address and privacy) */
    threadId: ZId.optional(),
  })
  .strict();
/** as a client sends it */
export type TSendInvoiceEmailInput = z.input<typeof ZSendInvoiceEmail>;
export type TSendInvoiceEmail = z.output<typeof ZSendInvoiceEmail>;

export const ZEmailPerson = z.object({ email: z.string(), name: z.string(), userId: z.string().nullable() });
export type TEmailPerson = z.infer<typeof ZEmailPerson>;

export const ZEmailFile = z.object({
  /** the attachments row (download: GET /api/v1/attachments/:id/content); null while an unmatched reply has no project */
  attachmentId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

export const ZDeliveryEvent = z.object({
  recipient: z.string(),
  kind: z.enum(['delivered', 'bounced', 'spam_complaint']),
  at: z.string(),
  details: z.string(),
});

export const emailStatuses = ['queued', 'sending', 'retrying', 'sent', 'delivered', 'bounced', 'failed', 'received'] as const;

/** A G703 line the reply names ("partida 012"), with the reply's sentence that names it. */
export const ZReplyLineRef = z.object({
  lineId: z.string(),
  itemNo: z.string(),
  description: z.string(),
  sentence: z.string(),
  matched: z.string(),
  /** the line has not been edited on this invoice since the reply came: the workbook row stays marked */
  isOpen: z.boolean(),
});
export type TReplyLineRef = z.infer<typeof ZReplyLineRef>;

/** What a reply says, read by shared/email/replies (a suggestion; an invoice admin decides). */
export const ZReplyClassification = z.object({
  kind: z.enum(replyKinds),
  /** approval with a condition or notes ("approved as noted", "sous réserve de…") */
  isConditional: z.boolean(),
  /** rejection / revise: the owner's sentences with the reason */
  reason: z.string().nullable(),
  /** the words that decided it, as written (or the header that made it an auto-reply) */
  matched: z.string().nullable(),
  /** the status it suggests; null for other kinds, and always null when the sender was not authenticated */
  suggestion: z.enum(['approved', 'approved_as_noted', 'revise_and_resubmit']).nullable(),
  /** the invoice's lines the reply names (resolved when the reply was filed on the invoice) */
  lines: z.array(ZReplyLineRef),
  /** the amount the owner certifies or pays, in cents, with the sentence that says it */
  amount: z.object({ cents: z.number().int(), sentence: z.string(), matched: z.string() }).nullable(),
});
export type TReplyClassification = z.infer<typeof ZReplyClassification>;

export const ZEmailMessageView = z.object({
  id: z.string(),
  threadId: z.string().nullable(),
  direction: z.enum(['outbound', 'inbound']),
  kind: z.enum(['invoice', 'sign_in', 'notice', 'inbound']),
  /** outbound: queued → sending → sent → delivered | bounced, or retrying / failed; inbound: received */
  status: z.enum(emailStatuses),
  from: ZEmailPerson,
  to: z.array(ZEmailPerson),
  cc: z.array(ZEmailPerson),
  subject: z.string(),
  /** sent (outbound) or received (inbound) time; creation time while queued */
  at: z.string(),
  /** when the message reached us (server time): the order on the thread and the `since` cursor */
  createdAt: z.string(),
  /** outbound: the sender's message; inbound: the reply without its quoted history */
  text: z.string(),
  /** inbound: the whole text part; null for outbound */
  fullText: z.string().nullable(),
  /** inbound: the HTML part after the server's allow-list sanitizer (never the raw HTML); null when none */
  html: z.string().nullable(),
  /** true when the stored text/HTML was cut to fit a row; the raw payload keeps the whole message */
  isBodyTruncated: z.boolean(),
  /** inbound replies: a suggestion; an invoice admin changes the invoice status */
  classification: ZReplyClassification.nullable(),
  /** inbound: the sender was not on the thread's From/To/CC */
  isFromOutsider: z.boolean(),
  /**
   * inbound: did the sender's domain vouch for the mail (SPF aligned with From, or a DKIM signature of
   * the From domain)? pass | fail | none, with what was found. Anything but pass is shown as a
   * warning, and such a reply never suggests a status (classification "other"). null for outbound.
   */
  senderAuth: z.object({ verdict: z.enum(['pass', 'fail', 'none']), detail: z.string() }).nullable(),
  failureReason: z.string().nullable(),
  /** Postmark's MessageID (or "local-…" from the local outbox) */
  providerMessageId: z.string().nullable(),
  /** the RFC 5322 Message-ID header, with angle brackets */
  internetMessageId: z.string().nullable(),
  attachments: z.array(ZEmailFile),
  deliveries: z.array(ZDeliveryEvent),
});
export type TEmailMessageView = z.infer<typeof ZEmailMessageView>;

export const ZEmailThreadView = z.object({
  id: z.string(),
  invoiceId: z.string(),
  subject: z.string(),
  isPrivate: z.boolean(),
  /** "reply+<token>@<inbound domain>": every reply to it lands on this thread */
  replyAddress: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  participants: z.array(ZEmailPerson.extend({ role: z.enum(['from', 'to', 'cc']) })),
  /** oldest first */
  messages: z.array(ZEmailMessageView),
});
export type TEmailThreadView = z.infer<typeof ZEmailThreadView>;

/** 201 from POST /api/v1/invoices/:id/emails: recorded and queued; delivery status follows on the thread */
export const ZSendInvoiceEmailResult = z.object({
  message: z.literal('Communication created'),
  thread: ZEmailThreadView,
  email: ZEmailMessageView,
});
export type TSendInvoiceEmailResult = z.infer<typeof ZSendInvoiceEmailResult>;

/**
 * GET /api/v1/invoices/:id/emails?since=<cursor>: threads newest first, private threads only for
 * those allowed. With `since`, only messages created at or after it (and only threads that have
 * some): a cheap refresh of the tab. Pass the previous answer's `cursor`; dedupe messages by id.
 * Status changes of messages already shown (sent → delivered) need a read without `since`.
 */
export const ZInvoiceEmailsQuery = z.object({ since: z.iso.datetime({ message: 'since must be an ISO timestamp, e.g. a previous cursor' }).optional() });
export const ZInvoiceEmails = z.object({
  invoiceId: z.string(),
  threads: z.array(ZEmailThreadView),
  /** the newest message time in this answer (or `since` when nothing is new): the next `since` */
  cursor: z.string().nullable(),
});
export type TInvoiceEmails = z.infer<typeof ZInvoiceEmails>;

export const ZUnmatchedEmail = ZEmailMessageView.extend({
  /** why no thread matched, e.g. "no thread has the reply address reply+…@…" */
  unmatchedReason: z.string(),
  /**
   * why it is listed in this project (worker/src/services/emails/unmatched-projects.ts): the
   * authenticated sender is a member / an invoice contact of it. The last three names are of
   * listings stored before docs/security-rules.md "Unmatched replies".
   */
  matchedBy: z.array(z.enum(['sender_is_member', 'sender_is_invoice_contact', 'sender_was_recipient', 'sender_is_project_user', 'addressed_project_user'])),
});
/** GET /api/v1/projects/:id/unmatched-emails (admins of the tools each reply concerns), newest first */
export const ZUnmatchedEmails = z.object({ projectId: z.string(), messages: z.array(ZUnmatchedEmail) });
export type TUnmatchedEmails = z.infer<typeof ZUnmatchedEmails>;

export const ZUnmatchedQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** POST /api/v1/unmatched-emails/:id/assign: file an unmatched reply onto a thread */
export const ZAssignUnmatched = z.object({ threadId: ZId }).strict();
export type TAssignUnmatched = z.output<typeof ZAssignUnmatched>;

// ---------------------------------------------------------------------------------------------
// Attachments: POST /api/v1/attachments, multipart/form-data with fields projectId and file.

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** Postmark refuses a message above 10 MB in total, attachments included (base64 makes them 4/3 larger) */
export const POSTMARK_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** content type → accepted file extensions */
export const UPLOAD_TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/msword': ['doc'],
};

export const ZUploadFields = z.object({ projectId: ZId });

export const ZAttachmentView = z.object({
  id: z.string(),
  projectId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  origin: z.string(),
  createdAt: z.string(),
});
export type TAttachmentView = z.infer<typeof ZAttachmentView>;

// ---------------------------------------------------------------------------------------------
// Sign-in by email.

/** POST /api/v1/auth/email-link (no token): always 202, whether or not the address is known */
export const ZEmailLinkRequest = z.object({ email: ZEmailAddress }).strict();
/** POST /api/v1/auth/exchange (no token): the one-time token from the link → a session token */
export const ZExchangeLinkToken = z.object({ token: z.string().min(20).max(200), label: z.string().trim().max(100).optional() }).strict();

export const ZSessionGranted = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type TSessionGranted = z.infer<typeof ZSessionGranted>;

export const ZSessionView = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  isCurrent: z.boolean(),
});
/** GET /api/v1/auth/sessions: the user's live sessions (not API tokens) */
export const ZSessions = z.object({ sessions: z.array(ZSessionView) });
export type TSessions = z.infer<typeof ZSessions>;
/** 202 from POST /api/v1/auth/email-link: the same words whether or not the address is known */
export const ZEmailLinkAccepted = z.object({ message: z.string() });
/** The sessions a sign-out revoked (their ids). */
export const ZRevokedSessions = z.object({ revoked: z.array(z.string()) });
export const ZAssignUnmatchedResult = z.object({ threadId: z.string(), email: ZEmailMessageView });

// ---------------------------------------------------------------------------------------------
// Postmark webhooks (basic auth, outside /api/v1).

export const ZInboundReceived = z.object({ received: z.literal(true), receiptId: z.string() });
export const ZDeliveryRecorded = z.object({ recorded: z.boolean(), recordType: z.string() });

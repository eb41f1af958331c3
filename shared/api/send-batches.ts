// Sending invoices by email in bulk: /api/v1/projects/:id/send-batches. Request schemas
// validate; response types document what the worker returns, for the add-in's client.
import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { ZId } from './common';
import { ZEmailAddress } from './emails';

/** Placeholders a subject template may use; anything else in braces is refused at registration. */
export const subjectPlaceholders = [
  'invoiceNumber',
  'contractNumber',
  'contractTitle',
  'periodStart',
  'periodEnd',
  'dueDate',
  'project',
  'projectNumber',
] as const;
export type SubjectPlaceholder = (typeof subjectPlaceholders)[number];

/** Items (invoice × recipient) one batch may hold. */
export const MAX_BATCH_ITEMS = 20_000;
/** Addresses of a chosen recipient list (each receives every invoice of the batch). */
export const MAX_CHOSEN_ADDRESSES = 5_000;

/**
 * Which invoices of one prime contract: a range of invoice numbers and/or a billing period (both
 * given: invoices matching both). Without contractId: every prime contract of the project, for the
 * billing period (required then).
 */
export const ZSendBatchSelection = z
  .object({
    contractId: ZId.optional(),
    fromNumber: z.number().int().min(1).optional(),
    toNumber: z.number().int().min(1).optional(),
    billingPeriodId: ZId.optional(),
  })
  .strict()
  .refine((s) => s.fromNumber !== undefined || s.toNumber !== undefined || s.billingPeriodId !== undefined, {
    message: 'choose invoices by a range of numbers (fromNumber/toNumber) and/or a billingPeriodId',
    path: ['fromNumber'],
  })
  .refine((s) => s.contractId !== undefined || s.billingPeriodId !== undefined, {
    message: 'without a contractId, give the billingPeriodId whose invoices of every prime contract are sent',
    path: ['billingPeriodId'],
  })
  .refine((s) => s.fromNumber === undefined || s.toNumber === undefined || s.fromNumber <= s.toNumber, {
    message: 'fromNumber must not be greater than toNumber',
    path: ['toNumber'],
  });
export type TSendBatchSelection = z.output<typeof ZSendBatchSelection>;

export const ZSendBatchRecipients = z.discriminatedUnion('mode', [
  /** each invoice goes to the invoice contacts of its contract */
  z.object({ mode: z.literal('invoice_contacts') }).strict(),
  /** every invoice goes to this list */
  z
    .object({
      mode: z.literal('chosen'),
      addresses: z
        .array(z.object({ email: ZEmailAddress, name: z.string().trim().max(200).optional() }).strict())
        .min(1, 'add at least one address')
        .max(MAX_CHOSEN_ADDRESSES),
    })
    .strict(),
]);

/** POST /api/v1/projects/:id/send-batches */
export const ZRegisterSendBatch = z
  .object({
    name: z.string().trim().max(200).default(''),
    selections: z.array(ZSendBatchSelection).min(1, 'choose at least one set of invoices').max(500),
    recipients: ZSendBatchRecipients,
    /** omitted: the single-send subject in the batch's language ("Invoice #{invoiceNumber} for Prime Contract #{contractNumber} – {periodStart} – {periodEnd}") */
    subjectTemplate: z.string().trim().min(1).max(300).optional(),
    message: z.string().max(10_000).default(''),
    /** attach the invoice PDF (G702 + G703) to every message instead of only linking to it */
    attachPdf: z.boolean().default(false),
    /** omitted: the registering user's locale */
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
/** as a client sends it */
export type TRegisterSendBatchInput = z.input<typeof ZRegisterSendBatch>;
export type TRegisterSendBatch = z.output<typeof ZRegisterSendBatch>;

/** POST …/send-batches/:batchId/test-email */
export const ZSendBatchTestEmail = z
  .object({
    to: ZEmailAddress,
    /** whose message to preview (default: the batch's first item) */
    invoiceId: ZId.optional(),
    recipientEmail: ZEmailAddress.optional(),
  })
  .strict();
/** as a client sends it */
export type TSendBatchTestEmailInput = z.input<typeof ZSendBatchTestEmail>;
export type TSendBatchTestEmail = z.output<typeof ZSendBatchTestEmail>;

export const ZRecipientsQuery = z.object({ invoiceId: ZId.optional() });

export const sendBatchStatuses = ['registered', 'sending', 'stopped', 'finished'] as const;
export const ZSendBatchStatus = z.enum(sendBatchStatuses);
export type SendBatchStatus = z.infer<typeof ZSendBatchStatus>;
export const ZSendBatchItemStatus = z.enum(['pending', 'claimed', 'sent', 'failed']);
export type SendBatchItemStatus = z.infer<typeof ZSendBatchItemStatus>;

/** pending counts items not yet out, including `inFlight` (claimed by the chunk being sent). */
export const ZSendBatchProgress = z.object({
  status: ZSendBatchStatus,
  total: z.number(),
  sent: z.number(),
  failed: z.number(),
  pending: z.number(),
  inFlight: z.number(),
});
export type TSendBatchProgress = z.infer<typeof ZSendBatchProgress>;

export const ZSendBatchSummary = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  status: ZSendBatchStatus,
  recipientMode: z.enum(['invoice_contacts', 'chosen']),
  subjectTemplate: z.string(),
  message: z.string(),
  /** true: the invoice PDF (G702 + G703) is attached; every message also links to it */
  attachPdf: z.boolean(),
  locale: z.string(),
  invoiceCount: z.number(),
  itemCount: z.number(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: ZSendBatchProgress,
});
export type TSendBatchSummary = z.infer<typeof ZSendBatchSummary>;
export const ZSendBatchList = z.object({ projectId: z.string(), batches: z.array(ZSendBatchSummary) });

const ZPeriod = z.object({ id: z.string(), start: z.string(), end: z.string(), due: z.string() });

export const ZSendBatchInvoice = z.object({
  id: z.string(),
  number: z.number(),
  status: z.string(),
  contract: z.object({ id: z.string(), number: z.number(), title: z.string() }),
  billingPeriod: ZPeriod,
  subject: z.string(),
  recipientCount: z.number(),
});
export type TSendBatchInvoice = z.infer<typeof ZSendBatchInvoice>;

export const ZSendBatchView = ZSendBatchSummary.extend({
  /** the billing periods the batch's invoices bill against, oldest first */
  periods: z.array(ZPeriod),
  invoices: z.array(ZSendBatchInvoice),
});
export type TSendBatchView = z.infer<typeof ZSendBatchView>;

export const ZSendBatchRecipient = z.object({
  itemId: z.string(),
  email: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  status: ZSendBatchItemStatus,
  postmarkMessageId: z.string().nullable(),
  reason: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** the thread opened on the invoice when this message was sent */
  threadId: z.string().nullable(),
});
export type TSendBatchRecipient = z.infer<typeof ZSendBatchRecipient>;

export const ZSendBatchRecipientList = z.object({
  batchId: z.string(),
  invoices: z.array(
    z.object({ invoiceId: z.string(), invoiceNumber: z.number(), contractNumber: z.number(), subject: z.string(), recipients: z.array(ZSendBatchRecipient) }),
  ),
});
export type TSendBatchRecipients = z.infer<typeof ZSendBatchRecipientList>;

export const ZSendBatchTestResult = z.object({
  to: z.string(),
  subject: z.string(),
  /** Postmark's MessageID, or local-… when the local outbox kept it */
  providerMessageId: z.string(),
  /** the recipient whose message this test reproduces */
  asRecipient: z.object({ email: z.string(), name: z.string() }),
  invoiceId: z.string(),
});
export type TSendBatchTestResult = z.infer<typeof ZSendBatchTestResult>;

// Sending invoices by email in bulk: /api/v1/projects/:id/send-batches. Request schemas
// validate; response types document what the worker returns, for the add-in's client.
import { z } from 'zod';
import { emailLocales } from '../i18n/email-labels';
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
export type TSendBatchSelection = z.input<typeof ZSendBatchSelection>;

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
    locale: z.enum(emailLocales).optional(),
  })
  .strict();
export type TRegisterSendBatch = z.input<typeof ZRegisterSendBatch>;

/** POST …/send-batches/:batchId/test-email */
export const ZSendBatchTestEmail = z
  .object({
    to: ZEmailAddress,
    /** whose message to preview (default: the batch's first item) */
    invoiceId: ZId.optional(),
    recipientEmail: ZEmailAddress.optional(),
  })
  .strict();
export type TSendBatchTestEmail = z.input<typeof ZSendBatchTestEmail>;

export const ZRecipientsQuery = z.object({ invoiceId: ZId.optional() });

export type SendBatchStatus = 'registered' | 'sending' | 'stopped' | 'finished';
export type SendBatchItemStatus = 'pending' | 'claimed' | 'sent' | 'failed';

/** pending counts items not yet out, including `inFlight` (claimed by the chunk being sent). */
export type TSendBatchProgress = {
  status: SendBatchStatus;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  inFlight: number;
};

export type TSendBatchSummary = {
  id: string;
  projectId: string;
  name: string;
  status: SendBatchStatus;
  recipientMode: 'invoice_contacts' | 'chosen';
  subjectTemplate: string;
  message: string;
  /** true: the invoice PDF (G702 + G703) is attached; every message also links to it */
  attachPdf: boolean;
  locale: string;
  invoiceCount: number;
  itemCount: number;
  createdAt: string;
  createdBy: { id: string; name: string };
  startedAt: string | null;
  stoppedAt: string | null;
  finishedAt: string | null;
  progress: TSendBatchProgress;
};

export type TSendBatchInvoice = {
  id: string;
  number: number;
  status: string;
  contract: { id: string; number: number; title: string };
  billingPeriod: { id: string; start: string; end: string; due: string };
  subject: string;
  recipientCount: number;
};

export type TSendBatchView = TSendBatchSummary & {
  /** the billing periods the batch's invoices bill against, oldest first */
  periods: Array<{ id: string; start: string; end: string; due: string }>;
  invoices: TSendBatchInvoice[];
};

export type TSendBatchRecipient = {
  itemId: string;
  email: string;
  name: string;
  userId: string | null;
  status: SendBatchItemStatus;
  postmarkMessageId: string | null;
  reason: string | null;
  sentAt: string | null;
  /** the thread opened on the invoice when this message was sent */
  threadId: string | null;
};

export type TSendBatchRecipients = {
  batchId: string;
  invoices: Array<{ invoiceId: string; invoiceNumber: number; contractNumber: number; subject: string; recipients: TSendBatchRecipient[] }>;
};

export type TSendBatchTestResult = {
  to: string;
  subject: string;
  /** Postmark's MessageID, or local-… when the local outbox kept it */
  providerMessageId: string;
  /** the recipient whose message this test reproduces */
  asRecipient: { email: string; name: string };
  invoiceId: string;
};

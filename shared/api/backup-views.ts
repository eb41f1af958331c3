// What the invoice-backup, invoice-attachment, direct-cost and signed-link routes answer
// (worker/src/routes/backups.ts, pdf.ts, direct-costs.ts); see shared/api/invoice-views.ts.
import { z } from 'zod';

/** A short-lived signed URL that opens without a bearer token. */
export const ZSignedLink = z.object({ url: z.string(), expiresAt: z.string() });

const ZBackupProgress = z.object({ partsDone: z.number(), partCount: z.number(), invoicesDone: z.number(), invoicesTotal: z.number(), percent: z.number() });

export const ZBackupSummary = z.object({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  invoiceIds: z.array(z.string()),
  fileName: z.string(),
  locale: z.string(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  error: z.string().nullable(),
  progress: ZBackupProgress,
});
export const ZBackupList = z.object({ backups: z.array(ZBackupSummary) });

const ZTocEntry = z.object({
  invoiceNumber: z.number(),
  contractNumber: z.number(),
  contractTitle: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  isContinued: z.boolean(),
  attachmentCount: z.number(),
  firstPage: z.number().nullable(),
  pageCount: z.number(),
});

/** Why a file could not go into the compiled backup. */
const ZExcludedReason = z.union([
  z.object({ code: z.literal('corrupt') }),
  z.object({ code: z.literal('needs_password') }),
  z.object({ code: z.literal('unsupported_type'), contentType: z.string() }),
  z.object({ code: z.literal('too_large'), sizeBytes: z.number(), limitBytes: z.number() }),
  z.object({ code: z.literal('image_too_large'), widthPx: z.number(), heightPx: z.number(), limitMegapixels: z.number() }),
  z.object({ code: z.literal('missing') }),
]);
const ZExcluded = z.object({
  invoiceNumber: z.number(),
  contractNumber: z.number(),
  contractTitle: z.string(),
  attachmentId: z.string(),
  fileName: z.string(),
  reason: ZExcludedReason,
});

export const ZBackupJob = ZBackupSummary.extend({
  parts: z.array(
    z.object({
      partNo: z.number(),
      status: z.enum(['pending', 'running', 'done', 'failed']),
      fileName: z.string(),
      sizeBytes: z.number().nullable(),
      pageCount: z.number().nullable(),
      downloadPath: z.string().nullable(),
      contents: z.array(ZTocEntry),
      notIncluded: z.array(ZExcluded),
    }),
  ),
});
export type TBackupJob = z.infer<typeof ZBackupJob>;

export const ZInvoiceAttachments = z.object({
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      origin: z.string(),
      source: z.string(),
      position: z.number(),
      addedAt: z.string(),
    }),
  ),
});

export const ZDirectCostView = z.object({
  id: z.string(),
  projectId: z.string(),
  contractId: z.string().nullable(),
  costCode: z.string(),
  amountCents: z.number(),
  incurredOn: z.string(),
  vendor: z.string(),
  description: z.string(),
  receiptAttachmentId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ZDirectCosts = z.object({ directCosts: z.array(ZDirectCostView), totalCents: z.number() });

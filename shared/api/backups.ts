import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { ZCents, ZDate, ZId } from './common';

// Invoice PDFs, compiled invoice backups, invoice attachments and direct costs.

export const ZPdfLocale = z.enum(LOCALES);

export const ZInvoicePdfQuery = z.object({
  /** default: the user's language */
  locale: ZPdfLocale.optional(),
  /** 1 = Content-Disposition: attachment (save); otherwise inline (preview) */
  download: z.enum(['0', '1', 'true', 'false']).optional(),
});

export const ZCreateInvoiceBackup = z.object({
  /** the invoices in the order the compiled PDF holds them */
  invoiceIds: z
    .array(ZId)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'each invoice may be listed once'),
  locale: ZPdfLocale.optional(),
  /** IANA zone for the file name's date and time and the cover ("America/Chicago"); default UTC */
  timeZone: z.string().min(1).max(64).default('UTC'),
  /** ask for smaller parts (e.g. to fit an email's size limit); capped by the server's per-volume budget */
  maxPartBytes: z
    .number()
    .int()
    .min(16 * 1024)
    .optional(),
  /** also email the requester when the backup is ready (the add-in polls either way) */
  notifyByEmail: z.boolean().default(false),
});
export type TCreateInvoiceBackup = z.output<typeof ZCreateInvoiceBackup>;

export const ZBackupPartQuery = z.object({ part: z.coerce.number().int().min(1).default(1) });

export const ZListBackupsQuery = z.object({ projectId: ZId.optional() });

export const ZAttachToInvoice = z.object({
  attachmentIds: z
    .array(ZId)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'each attachment may be listed once'),
});
export type TAttachToInvoice = z.output<typeof ZAttachToInvoice>;

export const ZCreateDirectCost = z.object({
  /** negative for a credit or refund */
  amountCents: ZCents,
  incurredOn: ZDate,
  vendor: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  /** an uploaded attachment of this project: the receipt */
  receiptAttachmentId: ZId.nullable().default(null),
  contractId: ZId.nullable().default(null),
  costCode: z.string().trim().max(50).default(''),
});
export type TCreateDirectCost = z.output<typeof ZCreateDirectCost>;

export const ZDirectCostQuery = z.object({ from: ZDate.optional(), to: ZDate.optional() });

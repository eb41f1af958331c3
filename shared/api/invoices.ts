import { z } from 'zod';
import { ZBps, ZCents, ZDate, ZId } from './common';

export const invoiceKinds = ['progress', 'retainage_release'] as const;
/** progress: bills work and stored materials; retainage_release: bills nothing but released retainage (docs/billing-rules.md) */
export const ZInvoiceKind = z.enum(invoiceKinds);
export type TInvoiceKind = z.output<typeof ZInvoiceKind>;

export const ZCreateInvoice = z.object({
  billingPeriodId: ZId,
  /** attach the period's approved subcontractor invoices and direct-cost receipts as backup */
  includeBackup: z.boolean().default(false),
  kind: ZInvoiceKind.default('progress'),
});
/** as a client sends it */
export type TCreateInvoiceInput = z.input<typeof ZCreateInvoice>;
export type TCreateInvoice = z.output<typeof ZCreateInvoice>;

/**
 * One line's edit. Values may be cents (integers) or raw cell values from Excel (numbers or text);
 * the server parses them with the shared money rules and reports each bad cell.
 */
const ZCell = z.union([z.number(), z.string(), z.null()]);
export const ZLineEdit = z
  .object({
    lineId: ZId.optional(),
    itemNo: z.string().optional(),
    workCompletedThisPeriod: ZCell.optional(),
    materialsPresentlyStored: ZCell.optional(),
    workQtyThisPeriod: ZCell.optional(),
    storedQty: ZCell.optional(),
    percentComplete: ZCell.optional(),
    retainageReleased: ZCell.optional(),
    workRetainageBpsOverride: ZBps.nullable().optional(),
    storedRetainageBpsOverride: ZBps.nullable().optional(),
  })
  .strict()
  .refine((e) => e.lineId || e.itemNo, { message: 'each edit names lineId or itemNo', path: ['lineId'] });
/** as a client sends it */
export type TLineEditInput = z.input<typeof ZLineEdit>;
export type TLineEdit = z.output<typeof ZLineEdit>;

export const ZEditLines = z.object({ edits: z.array(ZLineEdit).min(1).max(20000) });
export type TEditLines = z.output<typeof ZEditLines>;

/**
 * POST /invoices/{id}/release-retainage: release everything held to date on every line, or the
 * amounts given (cents released on THIS invoice, replacing what the line had), all or nothing.
 */
export const ZReleaseRetainage = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z
    .object({
      lines: z
        .array(
          z
            .object({
              sovLineId: ZId,
              amountCents: ZCents.refine((n) => n >= 0, 'a release cannot be negative'),
            })
            .strict(),
        )
        .min(1)
        .max(20000),
    })
    .strict(),
]);
export type TReleaseRetainage = z.output<typeof ZReleaseRetainage>;

export const ZChangeStatus = z.object({
  status: z.enum(['under_review', 'pending_owner_approval', 'approved', 'approved_as_noted', 'revise_and_resubmit']),
  note: z.string().max(2000).optional(),
});
/** as a client sends it */
export type TChangeStatusInput = z.input<typeof ZChangeStatus>;
export type TChangeStatus = z.output<typeof ZChangeStatus>;

export const ZAddChangeOrders = z.object({ changeOrderIds: z.array(ZId).min(1).max(200) });

/**
 * POST /api/v1/invoices/:id/architect-certificate — the G702 architect's certificate: the amount
 * certified (cents; null clears it), optionally read from an owner's reply on this invoice.
 */
export const ZRecordArchitectCertificate = z
  .object({
    amountCents: ZCents.refine((n) => n >= 0, 'the amount certified cannot be negative').nullable(),
    /** the inbound email (on a thread of this invoice) the amount was read from */
    messageId: ZId.optional(),
  })
  .strict();
export type TRecordArchitectCertificate = z.output<typeof ZRecordArchitectCertificate>;

/** How an accountant calls each editable cell (the G703 column letter where there is one). */
export const editFieldLabels: Record<string, string> = {
  workCompletedThisPeriod: 'E (work completed this period)',
  materialsPresentlyStored: 'F (materials presently stored)',
  workQtyThisPeriod: 'quantity this period',
  storedQty: 'stored quantity',
  percentComplete: '% complete',
  retainageReleased: 'retainage released',
};

/** The message of one bad cell: "Line 006, E (work completed this period): '12,34x' is not an amount". */
export function cellErrorMessage(itemNo: string, field: string, message: string): string {
  return `Line ${itemNo}, ${editFieldLabels[field] ?? field}: ${message}`;
}

/** A general-information text field: trimmed; empty or null puts the default back. */
const ZInfoText = z
  .string()
  .trim()
  .max(200, 'at most 200 characters')
  .nullable()
  .transform((s) => (s === '' ? null : s));

/**
 * PATCH /invoices/{id}: the invoice's general information (the G702 header). Each field sent is
 * stored on this invoice; null (or an empty text) puts back the default from the contract and
 * project. Fields not sent are left as they are.
 */
export const ZUpdateGeneralInfo = z
  .object({
    applicationDate: ZDate.nullable().optional(),
    toName: ZInfoText.optional(),
    architect: ZInfoText.optional(),
    contractDate: ZDate.nullable().optional(),
    projectNumber: ZInfoText.optional(),
    contractFor: ZInfoText.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type TUpdateGeneralInfo = z.output<typeof ZUpdateGeneralInfo>;
export type TUpdateGeneralInfoInput = z.input<typeof ZUpdateGeneralInfo>;

/** GET /projects/{id}/invoices: one billing period's invoices, owner (prime) or subcontractor (commitment) ones. */
export const ZProjectInvoicesQuery = z.object({
  billingPeriodId: ZId.optional(),
  kind: z.enum(['prime', 'commitment']).optional(),
});
export type TProjectInvoicesQuery = z.output<typeof ZProjectInvoicesQuery>;

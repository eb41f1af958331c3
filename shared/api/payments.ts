// Payments against invoices and the project's aging (docs/get-paid.md "Payments and aging").
// Request schemas: Z<Name> validates, T<Name> = z.output is what the service verb receives.
import { z } from 'zod';
import { agingBuckets } from '../payments/clock';
import { paymentFlagValues, paymentStates } from '../payments/ledger';
import { MAX_NOTE_CHARS, MAX_PAYMENT_CENTS, MAX_REFERENCE_CHARS, paymentMethods } from '../payments/payment-rules';
import { ZCents, ZDate, ZId } from './common';

/** check, ach, wire, card, other: the pane's choices */
export { paymentMethods };

/** POST /invoices/{id}/payments */
export const ZRecordPayment = z
  .object({
    /** the day the money arrived: not in the future, not before the invoice was submitted */
    receivedOn: ZDate,
    amountCents: ZCents.refine((n) => n > 0, 'a payment is more than 0 cents').refine(
      (n) => n <= MAX_PAYMENT_CENTS,
      `a payment is at most ${MAX_PAYMENT_CENTS} cents`,
    ),
    method: z.enum(paymentMethods),
    /** cheque number, wire or ACH trace */
    reference: z.string().trim().max(MAX_REFERENCE_CHARS).default(''),
    note: z.string().trim().max(MAX_NOTE_CHARS).default(''),
    /** the owner's reply (a payment notice on this invoice's thread) the payment is confirmed from */
    sourceMessageId: ZId.optional(),
  })
  .strict();
export type TRecordPaymentInput = z.input<typeof ZRecordPayment>;
export type TRecordPayment = z.output<typeof ZRecordPayment>;

/** POST /invoices/{id}/payments/{paymentId}/void */
export const ZVoidPayment = z.object({ reason: z.string().trim().min(1, 'say why the payment is voided').max(MAX_NOTE_CHARS) }).strict();
export type TVoidPayment = z.output<typeof ZVoidPayment>;

export const ZPaymentState = z.enum(paymentStates);

/** What the invoice view and the project invoice list show of an invoice's payments. */
export const ZPaymentSummary = z.object({
  paidCents: z.number(),
  openCents: z.number(),
  state: ZPaymentState,
  /** submission day + the contract's payment terms; null for a draft */
  dueOn: z.string().nullable(),
  /** on today's date (UTC); 0 when not late or nothing is open */
  daysPastDue: z.number(),
});
export type TPaymentSummary = z.infer<typeof ZPaymentSummary>;

export const ZPaymentView = z.object({
  id: z.string(),
  receivedOn: z.string(),
  amountCents: z.number(),
  method: z.enum(paymentMethods),
  reference: z.string(),
  note: z.string(),
  sourceMessageId: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  recordedAt: z.string(),
  voided: z.object({ at: z.string(), by: z.object({ id: z.string(), name: z.string() }), reason: z.string() }).nullable(),
  /** against the running balance in the order received: partial, full (reaches the amount due), over */
  flag: z.enum(paymentFlagValues),
});
export type TPaymentView = z.infer<typeof ZPaymentView>;

/** An owner's reply read as a payment notice, not yet confirmed as a payment: it pre-fills one. */
export const ZPaymentSuggestion = z.object({
  messageId: z.string(),
  receivedAt: z.string(),
  fromEmail: z.string(),
  fromName: z.string(),
  /** the amount the reply names, when one was read */
  amountCents: z.number().nullable(),
  /** cheque number or transfer reference the reply names */
  reference: z.string().nullable(),
  /** the reply's date, as the payment's received date */
  receivedOn: z.string().nullable(),
  /** the reply's own words, plain text, cut */
  excerpt: z.string(),
});

export const ZInvoicePayments = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.number(),
  invoiceStatus: z.string(),
  /** G702 line 8 as submitted; 0 for a draft */
  amountDueCents: z.number(),
  paidCents: z.number(),
  openCents: z.number(),
  overpaidCents: z.number(),
  state: ZPaymentState,
  dueOn: z.string().nullable(),
  daysPastDue: z.number(),
  /** the contract's payment terms (days after submission) */
  paymentTermsDays: z.number(),
  /** the user may record and void payments on this invoice now (admin on the contract's tool, invoice approved) */
  canRecord: z.boolean(),
  /** why not, when canRecord is false */
  cannotRecordReason: z.string().nullable(),
  /** oldest first, voided ones included */
  payments: z.array(ZPaymentView),
  /** only for those who may record payments */
  suggestions: z.array(ZPaymentSuggestion),
});
export type TInvoicePayments = z.infer<typeof ZInvoicePayments>;

/** GET /projects/{id}/aging */
export const ZAgingQuery = z.object({
  /** the day the balances are aged on; today (UTC) when absent */
  asOf: ZDate.optional(),
  /** prime: owners' invoices (money in); commitment: subcontractors' (money out) */
  kind: z.enum(['prime', 'commitment']).default('prime'),
});
export type TAgingQuery = z.output<typeof ZAgingQuery>;

const ZBuckets = z.object(Object.fromEntries(agingBuckets.map((b) => [b, z.number()])) as Record<(typeof agingBuckets)[number], z.ZodNumber>);

export const ZAging = z.object({
  asOf: z.string(),
  kind: z.enum(['prime', 'commitment']),
  rows: z.array(
    z.object({
      contractId: z.string(),
      contractNumber: z.number(),
      contractTitle: z.string(),
      /** the owner (prime) or the subcontractor (commitment); '' when none is named */
      counterpartyName: z.string(),
      buckets: ZBuckets,
      totalOpenCents: z.number(),
      /** the latest submitted invoice's G702 line 5 (total retainage): not in the buckets */
      retainageHeldCents: z.number(),
      invoices: z.array(
        z.object({
          invoiceId: z.string(),
          number: z.number(),
          dueOn: z.string().nullable(),
          daysPastDue: z.number(),
          bucket: z.enum(agingBuckets),
          openCents: z.number(),
        }),
      ),
    }),
  ),
  totals: z.object({ buckets: ZBuckets, totalOpenCents: z.number(), retainageHeldCents: z.number() }),
});
export type TAging = z.infer<typeof ZAging>;

// Lien waivers: what the routes of shared/api/routes/lien-waivers.ts accept and answer. Money in
// integer cents, dates YYYY-MM-DD. A waiver's amount is never sent: it comes from the invoice's
// line 8 or from the recorded payment (shared/waivers/availability.ts).
import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { WAIVER_FORMS, WAIVER_TYPES } from '../waivers/types';
import { ZCents, ZDate, ZId } from './common';

const ZType = z.enum(WAIVER_TYPES);
const ZForm = z.enum(WAIVER_FORMS);
const ZUser = z.object({ id: z.string(), name: z.string() });

export const ZCreateLienWaiver = z.object({
  type: ZType,
  /** omitted: the form the project's jurisdiction needs (us-ca, us-tx) or generic */
  form: ZForm.optional(),
  /** required for the unconditional types: the recorded payment the waiver acknowledges */
  paymentId: ZId.optional(),
  /** defaults to the billing period's end; must fall inside the billing period */
  throughDate: ZDate.optional(),
  exceptions: z.string().trim().max(2000).optional(),
  /** final forms: "Disputed claims for extras in the amount of" */
  disputedClaimsCents: ZCents.min(0).optional(),
  /** the generic form's language (the statutory forms are English); defaults to the user's */
  locale: z.enum(LOCALES).optional(),
});
export type TCreateLienWaiver = z.output<typeof ZCreateLienWaiver>;

export const ZSignLienWaiver = z.object({
  signerName: z.string().trim().min(1, 'type your full name as your signature').max(200),
  signerTitle: z.string().trim().min(1, 'give your title (e.g. Controller)').max(200),
  consent: z.literal(true, { error: 'tick the consent to sign electronically (consent: true)' }),
});
export type TSignLienWaiver = z.output<typeof ZSignLienWaiver>;

export const ZVoidLienWaiver = z.object({ reason: z.string().trim().min(1, 'say why the waiver is void').max(500) });

export const ZRecordReceivedWaiver = z.object({
  type: ZType,
  amountCents: ZCents.min(1, 'the amount waived must be more than zero'),
  throughDate: ZDate,
  /** the subcontractor's signed waiver, uploaded first (POST /attachments) in the invoice's project */
  attachmentId: ZId,
  form: ZForm.default('generic'),
});
export type TRecordReceivedWaiver = z.output<typeof ZRecordReceivedWaiver>;

export const ZLienWaiverParties = z.object({
  claimant: z.string(),
  customer: z.string(),
  owner: z.string(),
  jobName: z.string(),
  jobNumber: z.string(),
  jobLocation: z.string(),
  jobDescription: z.string(),
  makerOfCheck: z.string(),
  payableTo: z.string(),
  exceptions: z.string(),
  disputedClaimsCents: z.number().nullable(),
  priorUnpaid: z.array(z.object({ signedOn: z.string(), unpaidCents: z.number() })),
  locale: z.enum(LOCALES),
});
export type TLienWaiverParties = z.infer<typeof ZLienWaiverParties>;

export const ZLienWaiverView = z.object({
  id: z.string(),
  invoiceId: z.string(),
  contractId: z.string(),
  /** issued: ours, generated and signed here; received: a subcontractor's, kept as its uploaded file */
  direction: z.enum(['issued', 'received']),
  type: ZType,
  form: ZForm,
  amountCents: z.number(),
  throughDate: z.string(),
  paymentId: z.string().nullable(),
  parties: ZLienWaiverParties.nullable(),
  status: z.enum(['draft', 'signed', 'void']),
  signer: z.object({ name: z.string(), title: z.string(), signedAt: z.string(), user: ZUser.nullable() }).nullable(),
  /** the PDF: generated at signing (issued) or uploaded (received); linked to the invoice's attachments */
  attachmentId: z.string().nullable(),
  /** GET this (bearer token) for the PDF; a draft answers an unsigned preview */
  pdfPath: z.string(),
  createdAt: z.string(),
  createdBy: ZUser,
  voided: z.object({ at: z.string(), by: ZUser.nullable(), reason: z.string() }).nullable(),
});
export type TLienWaiverView = z.infer<typeof ZLienWaiverView>;

export const ZWaiverAvailability = z.object({
  type: ZType,
  form: ZForm,
  amountCents: z.number(),
  paymentId: z.string().nullable(),
  /** the payment's date (unconditional types); optional so that clients written before it still type-check */
  receivedOn: z.string().nullable().optional(),
  /** null: can be generated now; otherwise why not, as a code with its values (clients word it in their language) */
  why: z
    .discriminatedUnion('code', [
      z.object({ code: z.literal('FORM_NOT_CARRIED'), jurisdiction: z.string() }),
      z.object({ code: z.literal('SUBCONTRACTOR_WAIVERS') }),
      z.object({ code: z.literal('RELEASE_IS_FINAL') }),
      z.object({ code: z.literal('NOT_FINAL'), invoiceNumber: z.number() }),
      z.object({ code: z.literal('NOTHING_DUE'), line8Cents: z.number() }),
      z.object({ code: z.literal('NO_PAYMENT') }),
      z.object({ code: z.literal('TAKEN'), status: z.enum(['draft', 'signed']), per: z.enum(['payment', 'invoice']) }),
    ])
    .nullable(),
  /** null: can be generated now; otherwise `why` in English */
  reason: z.string().nullable(),
});

/** A paid subcontractor invoice without received unconditional waivers for what was paid. */
export const ZWaiverShortfall = z.object({ paidCents: z.number(), waivedCents: z.number(), missingCents: z.number() });

export const ZLienWaivers = z.object({
  invoiceId: z.string(),
  /** the form the project's jurisdiction needs (generic when none) */
  form: ZForm,
  waivers: z.array(ZLienWaiverView),
  available: z.array(ZWaiverAvailability),
  /** subcontractor invoices only: paid but not covered by received unconditional waivers */
  warning: ZWaiverShortfall.nullable(),
});

export const ZLienWaiverEvents = z.object({
  waiverId: z.string(),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.enum(['created', 'signed', 'voided', 'emailed', 'received']),
      at: z.string(),
      user: ZUser.nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const ZLienWaiverWarnings = z.object({
  projectId: z.string(),
  warnings: z.array(
    ZWaiverShortfall.extend({
      invoiceId: z.string(),
      invoiceNumber: z.number(),
      contractId: z.string(),
      contractNumber: z.number(),
      contractTitle: z.string(),
      counterpartyName: z.string(),
      lastPaidOn: z.string(),
    }),
  ),
});

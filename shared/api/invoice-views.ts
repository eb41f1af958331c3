// What the invoice routes answer. The worker's handlers are type-checked against these schemas
// (worker/src/routes/invoices.ts), the OpenAPI document is generated from them, and the add-in's
// client reads its types from them, so the three cannot drift apart.
import { z } from 'zod';
import { ZDeadline } from './deadline-views';
import { generalInfoFields } from '../i18n/general-info-labels';
import { ZLevel } from './common';
import { ZRetainageReduction } from './contracts';
import { ZInvoiceKind } from './invoices';
import { ZPaymentSummary } from './payments';

export const invoiceStatuses = ['draft', 'under_review', 'pending_owner_approval', 'approved', 'approved_as_noted', 'revise_and_resubmit'] as const;
export const ZInvoiceStatus = z.enum(invoiceStatuses);

export const ZPeriodRef = z.object({ id: z.string(), start: z.string(), end: z.string(), due: z.string() });

/** The seven G703 column sums (shared/engine/types.ts Totals). */
export const ZTotals = z.object({
  scheduledValueCents: z.number(),
  workCompletedPreviousCents: z.number(),
  workCompletedThisPeriodCents: z.number(),
  materialsPresentlyStoredCents: z.number(),
  totalCompletedAndStoredCents: z.number(),
  balanceToFinishCents: z.number(),
  retainageCents: z.number(),
});

/** The G702 summary lines 1-9 (shared/engine/types.ts G702). */
export const ZG702 = z.object({
  line1OriginalContractSumCents: z.number(),
  line2NetChangeByChangeOrdersCents: z.number(),
  line3ContractSumToDateCents: z.number(),
  line4TotalCompletedAndStoredCents: z.number(),
  line5aWorkRetainageCents: z.number(),
  line5bStoredRetainageCents: z.number(),
  line5TotalRetainageCents: z.number(),
  line6TotalEarnedLessRetainageCents: z.number(),
  line7PreviousCertificatesCents: z.number(),
  line8CurrentPaymentDueCents: z.number(),
  line9BalanceToFinishInclRetainageCents: z.number(),
});

export const ZChangeOrderSummary = z.object({
  previousAdditionsCents: z.number(),
  previousDeductionsCents: z.number(),
  thisPeriodAdditionsCents: z.number(),
  thisPeriodDeductionsCents: z.number(),
  totalAdditionsCents: z.number(),
  totalDeductionsCents: z.number(),
  netChangesCents: z.number(),
});

export const ZLineWarning = z.object({
  lineId: z.string(),
  itemNo: z.string(),
  code: z.enum(['OVERBILLED', 'STORED_MATERIAL_DOUBLE_COUNT', 'QUANTITY_OVER_SCHEDULED']),
  message: z.string(),
  isBlocking: z.boolean(),
});

/** One G703 line as the engine computes it (shared/engine/types.ts ComputedLine). */
export const ZComputedLine = z.object({
  lineId: z.string(),
  itemNo: z.string(),
  description: z.string(),
  scheduledValueCents: z.number(),
  workCompletedPreviousCents: z.number(),
  workCompletedThisPeriodCents: z.number(),
  materialsPresentlyStoredCents: z.number(),
  totalCompletedAndStoredCents: z.number(),
  percentCompleteDisplay: z.string(),
  balanceToFinishCents: z.number(),
  workRetainageCents: z.number(),
  storedRetainageCents: z.number(),
  retainageReleasedThisPeriodCents: z.number(),
  retainageReleasedToDateCents: z.number(),
  retainageCents: z.number(),
  scheduledQty: z.number().nullable(),
  unitPrice: z.number().nullable(),
  unitOfMeasure: z.string().nullable(),
  workQtyPrevious: z.number().nullable(),
  workQtyThisPeriod: z.number().nullable(),
  workQtyToDate: z.number().nullable(),
  storedQty: z.number().nullable(),
});

export const ZInvoiceLine = ZComputedLine.extend({
  costCode: z.string(),
  position: z.number(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  hasSubtotalOverride: z.boolean(),
  workRetainageBpsOverride: z.number().nullable(),
  storedRetainageBpsOverride: z.number().nullable(),
});

/**
 * The invoice's general information (the G702 header) as it is printed: each field is the value
 * stored on the invoice (PATCH /invoices/{id}) or, when none is, the default from the contract,
 * the project and the parties (worker/src/services/invoices/general-info.ts).
 */
export const ZGeneralInfo = z.object({
  applicationDate: z.string(),
  toName: z.string(),
  fromName: z.string(),
  architect: z.string(),
  contractDate: z.string().nullable(),
  projectName: z.string(),
  projectAddress: z.string(),
  projectNumber: z.string(),
  contractFor: z.string(),
  /** the fields stored on this invoice; the others follow the contract and project */
  overridden: z.array(z.enum(generalInfoFields)),
});
export type TGeneralInfo = z.infer<typeof ZGeneralInfo>;

/** The invoice with every G703 column, G702, CO summary and warnings (worker/src/services/invoices/invoice-view.ts). */
export const ZInvoiceView = z.object({
  invoice: z.object({
    id: z.string(),
    projectId: z.string(),
    contractId: z.string(),
    number: z.number(),
    status: ZInvoiceStatus,
    /** retainage_release: a retainage-only invoice, bills nothing but the release */
    kind: ZInvoiceKind,
    version: z.number(),
    billingPeriod: ZPeriodRef,
    line6FrozenCents: z.number().nullable(),
    includeBackup: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    isLatest: z.boolean(),
    isEditable: z.boolean(),
    notEditableReason: z.string().nullable(),
    editableInvoiceNumber: z.number().nullable(),
    pendingChangeOrderCount: z.number(),
    /** G702 architect's certificate as recorded by an invoice admin (POST …/architect-certificate); null until then */
    architectCertificate: z
      .object({ amountCents: z.number(), recordedAt: z.string(), recordedBy: z.string().nullable(), messageId: z.string().nullable() })
      .nullable(),
  }),
  contract: z.object({
    id: z.string(),
    number: z.number(),
    kind: z.enum(['prime', 'commitment']),
    title: z.string(),
    accountingMethod: z.enum(['amount', 'unit']),
    allowOverbilling: z.boolean(),
    /** the contract's retainage terms, as GET /contracts/{id} has them: the workbook's retainage formulas need them to open */
    workRetainageBps: z.number(),
    storedRetainageBps: z.number(),
    retainageReduction: ZRetainageReduction.nullable(),
  }),
  generalInfo: ZGeneralInfo,
  lines: z.array(ZInvoiceLine),
  totals: ZTotals,
  g702: ZG702,
  changeOrderSummary: ZChangeOrderSummary,
  changeOrders: z.array(z.object({ id: z.string(), number: z.number(), title: z.string(), amountCents: z.number(), approvedOn: z.string() })),
  warnings: z.array(ZLineWarning),
  /** paid, open balance, state and days past due (GET /invoices/{id}/payments has the payments themselves) */
  payment: ZPaymentSummary,
  /** the project's jurisdiction rules for this invoice today: its contract's, plus prompt-payment clocks once submitted */
  deadlines: z.array(ZDeadline),
});
export type TInvoiceView = z.infer<typeof ZInvoiceView>;

export const ZEditLinesResult = z.object({
  version: z.number(),
  changedLineCount: z.number(),
  lines: z.array(ZComputedLine),
  totals: ZTotals,
  g702: ZG702,
  changeOrderSummary: ZChangeOrderSummary,
  warnings: z.array(ZLineWarning),
});
export type TEditLinesResult = z.infer<typeof ZEditLinesResult>;

export const ZInvoiceList = z.object({
  invoices: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      status: ZInvoiceStatus,
      kind: ZInvoiceKind,
      version: z.number(),
      billingPeriod: ZPeriodRef,
      isLatest: z.boolean(),
      line6FrozenCents: z.number().nullable(),
      currentPaymentDueCents: z.number().nullable(),
      createdAt: z.string(),
      payment: ZPaymentSummary,
    }),
  ),
});
export type TInvoiceList = z.infer<typeof ZInvoiceList>;

export const ZHistoryQuery = z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(5000).optional() });

export const ZInvoiceHistory = z.object({
  revisions: z.array(z.object({ version: z.number(), kind: z.string(), createdAt: z.string(), userId: z.string(), userName: z.string().nullable() })),
  changes: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      lineId: z.string(),
      itemNo: z.string(),
      field: z.string(),
      oldValue: z.number().nullable(),
      newValue: z.number().nullable(),
      userId: z.string(),
      userName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  nextAfter: z.number().nullable(),
  /** general-information edits (PATCH /invoices/{id}), oldest first; null = the default */
  infoChanges: z.array(
    z.object({
      version: z.number(),
      field: z.enum(generalInfoFields),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      userId: z.string(),
      userName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type TInvoiceHistory = z.infer<typeof ZInvoiceHistory>;

export const ZChangeOrderView = z.object({
  id: z.string(),
  contractId: z.string(),
  number: z.number(),
  title: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  approvedOn: z.string().nullable(),
  approvedAt: z.string().nullable(),
  amountCents: z.number(),
  lines: z.array(z.object({ lineId: z.string(), itemNo: z.string(), description: z.string(), amountCents: z.number() })),
});
export const ZChangeOrders = z.object({ changeOrders: z.array(ZChangeOrderView) });
export type TChangeOrders = z.infer<typeof ZChangeOrders>;

/** The project's invoices the user may see, with their contract and the caller's access to it (worker/src/services/invoices/list-project-invoices.ts). */
export const ZProjectInvoiceList = z.object({
  invoices: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      status: ZInvoiceStatus,
      kind: ZInvoiceKind,
      billingPeriod: ZPeriodRef,
      isLatest: z.boolean(),
      /** line 8 once the invoice left draft (frozen line 6 less the previous invoice's); null for drafts */
      currentPaymentDueCents: z.number().nullable(),
      createdAt: z.string(),
      contract: z.object({ id: z.string(), number: z.number(), kind: z.enum(['prime', 'commitment']), title: z.string() }),
      myAccess: z.object({ level: ZLevel, isToolAdmin: z.boolean(), isInvoiceContact: z.boolean() }),
      payment: ZPaymentSummary,
    }),
  ),
});
export type TProjectInvoiceList = z.infer<typeof ZProjectInvoiceList>;

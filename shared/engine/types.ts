// The engine's contract: what the worker and the add-in hand to the pure G702/G703 computation,
// and what they get back. Units: *Cents = integer cents; *Bps = integer basis points (10% = 1000);
// *Qty = integer ten-thousandths of a unit; unitPrice = integer ten-thousandths of a dollar.

export type AccountingMethod = 'amount' | 'unit';

export type RetainageReductionMode = 'rerate_all' | 'new_work_only';

export type RetainageReduction = {
  /** threshold as basis points of line 3 (50% = 5000), compared with this invoice's line 4 */
  thresholdPercentCompleteBps: number;
  reducedWorkRateBps: number;
  mode: RetainageReductionMode;
};

export type ContractTerms = {
  accountingMethod: AccountingMethod;
  workRetainageBps: number;
  storedRetainageBps: number;
  reduction: RetainageReduction | null;
  allowOverbilling: boolean;
};

/** One SOV line as it stands on this invoice (C already includes the change orders on this invoice). */
export type SovLineOnInvoice = {
  lineId: string;
  itemNo: string;
  description: string;
  originalScheduledValueCents: number;
  changeOrderCents: number;
  /** unit-based lines only; null on amount-based lines */
  scheduledQty: number | null;
  unitPrice: number | null;
  unitOfMeasure: string | null;
  /** a unit line with a subtotal override bills by amount */
  hasSubtotalOverride: boolean;
  /** per-line work retainage rate (variable rate column); null = the contract's rate */
  workRetainageBpsOverride: number | null;
  storedRetainageBpsOverride: number | null;
};

/** What the previous invoice left for this line (zeros on the first invoice). */
export type PriorLine = {
  /** previous D + E */
  workCompletedToDateCents: number;
  /** previous F: the default for this invoice's F */
  materialsPresentlyStoredCents: number;
  /** previous cumulative work quantity (unit lines) */
  workQtyToDate: number;
  /** previous stored quantity (unit lines) */
  storedQty: number;
  /** previous gross work retainage held (before releases) */
  workRetainageCents: number;
  /** releases recorded on all previous invoices */
  retainageReleasedToDateCents: number;
};

/** What the user entered on this invoice for this line. */
export type LineEntry = {
  workCompletedThisPeriodCents: number;
  materialsPresentlyStoredCents: number;
  /** unit lines: quantity this period and stored quantity (ten-thousandths) */
  workQtyThisPeriod: number;
  storedQty: number;
  retainageReleasedCents: number;
};

export type ComputedLine = {
  lineId: string;
  itemNo: string;
  description: string;
  scheduledValueCents: number; // C
  workCompletedPreviousCents: number; // D
  workCompletedThisPeriodCents: number; // E
  materialsPresentlyStoredCents: number; // F
  totalCompletedAndStoredCents: number; // G
  percentCompleteDisplay: string; // G / C, "31.17"
  balanceToFinishCents: number; // H
  workRetainageCents: number; // gross, before releases
  storedRetainageCents: number; // gross, before releases
  retainageReleasedThisPeriodCents: number;
  retainageReleasedToDateCents: number;
  retainageCents: number; // I = work + stored - released to date
  // unit lines (null on amount lines)
  scheduledQty: number | null;
  unitPrice: number | null;
  unitOfMeasure: string | null;
  workQtyPrevious: number | null;
  workQtyThisPeriod: number | null;
  workQtyToDate: number | null;
  storedQty: number | null;
};

export type WarningCode = 'OVERBILLED' | 'STORED_MATERIAL_DOUBLE_COUNT' | 'QUANTITY_OVER_SCHEDULED';

export type LineWarning = {
  lineId: string;
  itemNo: string;
  code: WarningCode;
  message: string;
  /** OVERBILLED is blocking when the contract does not allow overbilling */
  isBlocking: boolean;
};

export type LineErrorCode =
  | 'NEGATIVE_TO_DATE' // D + E < 0
  | 'NEGATIVE_STORED' // F < 0
  | 'RELEASE_EXCEEDS_HELD'
  | 'NEGATIVE_RELEASE'
  | 'QUANTITY_NOT_ALLOWED' // quantity entered on an amount line, or amount on a unit line
  | 'OVERBILLED';

export type LineError = {
  lineId: string;
  itemNo: string;
  field: string;
  code: LineErrorCode;
  message: string;
};

export type ChangeOrderOnInvoice = {
  amountCents: number;
  approvedOn: string; // YYYY-MM-DD
};

export type ChangeOrderSummary = {
  previousAdditionsCents: number;
  previousDeductionsCents: number;
  thisPeriodAdditionsCents: number;
  thisPeriodDeductionsCents: number;
  totalAdditionsCents: number;
  totalDeductionsCents: number;
  netChangesCents: number;
};

export type G702 = {
  line1OriginalContractSumCents: number;
  line2NetChangeByChangeOrdersCents: number;
  line3ContractSumToDateCents: number;
  line4TotalCompletedAndStoredCents: number;
  line5aWorkRetainageCents: number;
  line5bStoredRetainageCents: number;
  line5TotalRetainageCents: number;
  line6TotalEarnedLessRetainageCents: number;
  line7PreviousCertificatesCents: number;
  line8CurrentPaymentDueCents: number;
  line9BalanceToFinishInclRetainageCents: number;
};

export type Totals = {
  scheduledValueCents: number;
  workCompletedPreviousCents: number;
  workCompletedThisPeriodCents: number;
  materialsPresentlyStoredCents: number;
  totalCompletedAndStoredCents: number;
  balanceToFinishCents: number;
  retainageCents: number;
};

export type InvoiceInput = {
  terms: ContractTerms;
  period: { start: string; end: string };
  lines: Array<{ sov: SovLineOnInvoice; prior: PriorLine; entry: LineEntry }>;
  changeOrders: ChangeOrderOnInvoice[];
  /** the previous invoice's stored line 6; 0 on the first invoice */
  previousCertificatesCents: number;
};

export type InvoiceResult = {
  lines: ComputedLine[];
  totals: Totals;
  g702: G702;
  changeOrderSummary: ChangeOrderSummary;
  warnings: LineWarning[];
  errors: LineError[];
};

import type { ChangeOrderSummary, G702, Totals } from '@shared/engine/types';

// What the invoice renderer reads: a structural subset of getInvoice()'s view (InvoiceView
// satisfies it), plus the header facts the view does not carry. Money is integer cents.

export type PdfLine = {
  itemNo: string;
  description: string;
  groupName: string | null;
  scheduledValueCents: number; // C
  workCompletedPreviousCents: number; // D
  workCompletedThisPeriodCents: number; // E
  materialsPresentlyStoredCents: number; // F
  totalCompletedAndStoredCents: number; // G
  percentCompleteDisplay: string; // G ÷ C, "31.17"
  balanceToFinishCents: number; // H
  retainageCents: number; // I
  /** unit lines (null on amount lines): quantities in ten-thousandths, price in ten-thousandths of a dollar */
  scheduledQty: number | null;
  unitPrice: number | null;
  unitOfMeasure: string | null;
  workQtyThisPeriod: number | null;
  workQtyToDate: number | null;
};

export type PdfInvoiceView = {
  /** kind: a retainage release invoice is titled as such (shared/i18n/release-labels.ts); absent = progress */
  invoice: { number: number; status: string; kind?: 'progress' | 'retainage_release'; billingPeriod: { start: string; end: string; due: string } };
  contract: { number: number; title: string; kind: 'prime' | 'commitment' };
  lines: PdfLine[];
  totals: Totals;
  g702: G702;
  changeOrderSummary: ChangeOrderSummary;
};

/** Parties and project as printed in the G702 header. "to" is the party billed, "from" the one billing. */
export type PdfHeader = {
  projectName: string;
  projectNumber: string;
  projectAddress: string;
  toName: string;
  fromName: string;
  architect: string;
  contractDate: string | null;
  /** the invoice's general information (absent in PDF-only samples: then no date, and "#number title") */
  applicationDate?: string;
  contractFor?: string;
};

export type InvoicePdfInput = { view: PdfInvoiceView; header: PdfHeader };

/** Every string the renderer may draw for this invoice (to decide whether the Unicode font is needed). */
export function textsOf(input: InvoicePdfInput): string[] {
  const { view, header } = input;
  const out = [view.contract.title, ...Object.values(header).filter((v): v is string => typeof v === 'string')];
  for (const l of view.lines) out.push(l.itemNo, l.description, l.groupName ?? '', l.unitOfMeasure ?? '');
  return out;
}

// Labels of the invoice PDF (G702/G703) and of the compiled invoice backup, in en/es/fr: a
// defineLabels catalogue (shared/i18n/define-labels.ts). Each language sits in its own file
// (pdf-labels-{en,es,fr}.ts) only because together they pass the ~300-line limit.
import { defineLabels } from './define-labels';
import { pdfLabelsEn } from './pdf-labels-en';
import { pdfLabelsEs } from './pdf-labels-es';
import { pdfLabelsFr } from './pdf-labels-fr';
import type { Locale } from './locales';

/** Which side of the contract a header line names: owner invoices (prime) vs subcontractor invoices (commitment). */
export type PartyLabels = { to: string; from: string; certificationTitle: string; certificationText: string; signatory: string };

export type PdfLabels = {
  locale: Locale;
  /** "01/31/2025" (en) or "31/01/2025" (es, fr) from YYYY-MM-DD */
  date: (isoDate: string) => string;
  pageOf: (page: number, total: number) => string;
  status: Record<string, string>;
  prime: PartyLabels;
  commitment: PartyLabels;
  g702: {
    title: string;
    project: string;
    viaArchitect: string;
    applicationNo: string;
    periodTo: string;
    periodFrom: string;
    dueDate: string;
    contractDate: string;
    projectNo: string;
    contractFor: string;
    statusLabel: string;
    applicationTitle: string;
    applicationIntro: string;
    line1: string;
    line2: string;
    line3: string;
    line4: string;
    line4Note: string;
    line5: string;
    line5a: string;
    line5b: string;
    line5Total: string;
    line6: string;
    line6Note: string;
    line7: string;
    line7Note: string;
    line8: string;
    line9: string;
    line9Note: string;
    coTitle: string;
    coAdditions: string;
    coDeductions: string;
    coPrevious: string;
    coThisPeriod: string;
    coTotals: string;
    coNet: string;
    by: string;
    dateLabel: string;
    architectTitle: string;
    architectText: string;
    amountCertified: string;
    amountCertifiedNote: string;
    architect: string;
    notNegotiable: string;
  };
  g703: {
    title: string;
    intro: string;
    /** column headers A–I and %: [letter, name] */
    columns: {
      a: string;
      b: string;
      c: string;
      d: string;
      e: string;
      f: string;
      g: string;
      percent: string;
      h: string;
      i: string;
    };
    pageSubtotal: string;
    grandTotal: string;
    groupSubtotal: (group: string) => string;
    ungrouped: string;
    unitLine: (qty: string, unit: string, price: string, toDate: string) => string;
  };
  backup: {
    title: string;
    part: (n: number, total: number) => string;
    project: string;
    compiledAt: string;
    requestedBy: string;
    contents: string;
    invoiceColumn: string;
    invoice: (n: number) => string;
    contract: string;
    period: string;
    page: string;
    continued: string;
    attachments: (n: number) => string;
    notIncludedTitle: string;
    allIncluded: string;
    file: string;
    reason: string;
    reasons: {
      corrupt: string;
      needsPassword: string;
      unsupportedType: (contentType: string) => string;
      tooLarge: (mb: string, limitMb: string) => string;
      imageTooLarge: (widthPx: number, heightPx: number, limitMegapixels: number) => string;
      missing: string;
    };
    attachmentCaption: (fileName: string, invoiceNumber: number) => string;
  };
};

/** Labels for a locale ("es-MX" → es); anything else falls back to English. */
export const pdfLabels = defineLabels<PdfLabels>({ en: pdfLabelsEn, es: pdfLabelsEs, fr: pdfLabelsFr });

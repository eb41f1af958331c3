// How a retainage release invoice (invoices.kind 'retainage_release') is titled wherever its G702
// is shown: the invoice PDF (worker/src/pdf/g702-page.ts), the invoice email
// (worker/src/email/render-invoice.ts) and the workbook's G702 sheet (addin/src/excel/g702-plan.ts).
// Also the message when a value typed into a locked column of a release invoice is put back.
// It is still an AIA application for payment, one that bills nothing but the release, so the
// form's title is kept and the kind is added to it.
import { defineLabels } from './define-labels';

const en = {
  pdfG702Title: 'APPLICATION AND CERTIFICATE FOR PAYMENT — RETAINAGE RELEASE',
  sheetG702Title: 'APPLICATION AND CERTIFICATE FOR PAYMENT (AIA G702) — RETAINAGE RELEASE',
  emailG702Title: 'Retainage release (G702 summary)',
  /** a value typed into E, F or % of a release invoice was put back (addin/src/sync/session-changes.ts) */
  lockedCells: (columns: string) => `A retainage release invoice bills no work or stored materials (${columns})`,
};

const es: typeof en = {
  pdfG702Title: 'SOLICITUD Y CERTIFICADO DE PAGO — LIBERACIÓN DE RETENCIÓN',
  sheetG702Title: 'SOLICITUD Y CERTIFICADO DE PAGO (AIA G702) — LIBERACIÓN DE RETENCIÓN',
  emailG702Title: 'Liberación de retención (resumen G702)',
  lockedCells: (columns) => `Una factura de liberación de retención no factura obra ni materiales almacenados (${columns})`,
};

const fr: typeof en = {
  pdfG702Title: 'DEMANDE ET CERTIFICAT DE PAIEMENT — LIBÉRATION DE RETENUE',
  sheetG702Title: 'DEMANDE ET CERTIFICAT DE PAIEMENT (AIA G702) — LIBÉRATION DE RETENUE',
  emailG702Title: 'Libération de retenue (résumé G702)',
  lockedCells: (columns) => `Une facture de libération de retenue ne facture ni travaux ni matériaux stockés (${columns})`,
};

export const releaseLabels = defineLabels<typeof en>({ en, es, fr });

/** The G702 title of an invoice: the form's own, or the release title for a retainage-only invoice. */
export function g702TitleFor(kind: 'progress' | 'retainage_release', locale: string, where: 'pdf' | 'sheet' | 'email', formTitle: string): string {
  if (kind !== 'retainage_release') return formTitle;
  const L = releaseLabels(locale);
  return where === 'pdf' ? L.pdfG702Title : where === 'sheet' ? L.sheetG702Title : L.emailG702Title;
}

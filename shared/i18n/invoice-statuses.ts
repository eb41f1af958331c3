// Invoice status names, once per language: the task pane (status.* messages), the workbook, the
// invoice PDF, invoice email and the worker's English refusals all read them from here.
import { defineLabels } from './define-labels';
import type { Locale } from './locales';

const en = {
  draft: 'Draft',
  under_review: 'Under review',
  pending_owner_approval: 'Pending owner approval',
  approved: 'Approved',
  approved_as_noted: 'Approved as noted',
  revise_and_resubmit: 'Revise and resubmit',
};

export type InvoiceStatusName = keyof typeof en;

export const invoiceStatusLabels = defineLabels<Record<InvoiceStatusName, string>>({
  en,
  es: {
    draft: 'Borrador',
    under_review: 'En revisión',
    pending_owner_approval: 'Pendiente de aprobación del propietario',
    approved: 'Aprobada',
    approved_as_noted: 'Aprobada con observaciones',
    revise_and_resubmit: 'Revisar y volver a enviar',
  },
  fr: {
    draft: 'Brouillon',
    under_review: 'En révision',
    pending_owner_approval: "En attente d'approbation du maître d'ouvrage",
    approved: 'Approuvée',
    approved_as_noted: 'Approuvée avec réserves',
    revise_and_resubmit: 'À réviser et soumettre à nouveau',
  },
});

/** The status names as task-pane messages: { 'status.draft': 'Draft', … }. */
export function statusMessages(locale: Locale): { [K in InvoiceStatusName as `status.${K}`]: string } {
  const names = invoiceStatusLabels.byLocale[locale];
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [`status.${k}`, v])) as { [K in InvoiceStatusName as `status.${K}`]: string };
}

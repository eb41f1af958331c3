// Texts of retainage release invoices in the pane: the contract screen's "New retainage release
// invoice" (addin/src/ui/contract/new-invoice-form.tsx), the kind badge on invoice rows and the
// workspace header, and the workspace's release bar (release-bar.tsx).
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  newRelease: 'New retainage release invoice',
  createRelease: 'Create release invoice',
  /** what the form says before creating one */
  releaseFormHint: 'A retainage-only invoice: it bills no work or stored materials, only the retainage you release.',
  needsInvoice: 'A release invoice releases what earlier invoices held: create a progress invoice first.',
  kindBadge: 'Retainage release',
  heldBefore: 'Retainage held to date',
  releasedHere: 'Released on this invoice',
  stillHeld: 'Still held',
  releaseAll: 'Release all retainage',
  releasing: 'Releasing…',
  /** where per-line releases are typed: the G703 sheet's column header (addin/src/excel/sheet-labels.ts) */
  perLineHint: 'To release part of it, type amounts per line in the sheet’s “Retainage Released This Period” column.',
  lockedHint: 'Work and stored materials (E, F, %) are locked on a release invoice.',
  saveFirst: 'Wait until your edits are saved.',
  nothingHeld: 'Everything held is released.',
  released: (amount: string) => `Released ${amount}.`,
};
export type ReleaseLabels = typeof en;

const es: ReleaseLabels = {
  newRelease: 'Nueva factura de liberación de retención',
  createRelease: 'Crear factura de liberación',
  releaseFormHint: 'Una factura solo de retención: no factura obra ni materiales almacenados, solo la retención que libere.',
  needsInvoice: 'Una factura de liberación libera lo retenido por facturas anteriores: cree primero una factura de avance.',
  kindBadge: 'Liberación de retención',
  heldBefore: 'Retención acumulada',
  releasedHere: 'Liberada en esta factura',
  stillHeld: 'Aún retenida',
  releaseAll: 'Liberar toda la retención',
  releasing: 'Liberando…',
  perLineHint: 'Para liberar una parte, escriba importes por línea en la columna «Retención liberada este período» de la hoja.',
  lockedHint: 'La obra y los materiales almacenados (E, F, %) están bloqueados en una factura de liberación.',
  saveFirst: 'Espere a que se guarden sus cambios.',
  nothingHeld: 'Toda la retención está liberada.',
  released: (amount) => `Liberado: ${amount}.`,
};

const fr: ReleaseLabels = {
  newRelease: 'Nouvelle facture de libération de retenue',
  createRelease: 'Créer la facture de libération',
  releaseFormHint: 'Une facture de retenue seule : elle ne facture ni travaux ni matériaux stockés, seulement la retenue libérée.',
  needsInvoice: 'Une facture de libération libère ce que les factures précédentes ont retenu : créez d’abord une facture d’avancement.',
  kindBadge: 'Libération de retenue',
  heldBefore: 'Retenue cumulée',
  releasedHere: 'Libérée sur cette facture',
  stillHeld: 'Encore retenue',
  releaseAll: 'Libérer toute la retenue',
  releasing: 'Libération…',
  perLineHint: 'Pour en libérer une partie, saisissez les montants par ligne dans la colonne « Retenue libérée cette période » de la feuille.',
  lockedHint: 'Les travaux et les matériaux stockés (E, F, %) sont verrouillés sur une facture de libération.',
  saveFirst: 'Attendez que vos modifications soient enregistrées.',
  nothingHeld: 'Toute la retenue est libérée.',
  released: (amount) => `Libéré : ${amount}.`,
};

export const releaseLabels = defineLabels<ReleaseLabels>({ en, es, fr });

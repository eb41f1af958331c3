// Texts of the General information tab (the field names themselves are shared with the G702 sheet,
// the PDF and the email: shared/i18n/general-info-labels.ts).
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  intro: 'The G702 header of this invoice. A field left empty takes the value from the contract or project.',
  fromContract: 'From the contract or project',
  setOnInvoice: 'Set on this invoice',
  useDefault: 'Use default',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved. The G702 sheet, the PDF and the email show it.',
  nothingChanged: 'Nothing changed.',
  readOnly: (reason: string) => `Read-only: ${reason}`,
};

type Labels = typeof en;

const es: Labels = {
  intro: 'El encabezado G702 de esta factura. Un campo vacío toma el valor del contrato o del proyecto.',
  fromContract: 'Del contrato o del proyecto',
  setOnInvoice: 'Fijado en esta factura',
  useDefault: 'Usar el predeterminado',
  save: 'Guardar',
  saving: 'Guardando…',
  saved: 'Guardado. La hoja G702, el PDF y el correo lo muestran.',
  nothingChanged: 'No hay cambios.',
  readOnly: (reason) => `Solo lectura: ${reason}`,
};

const fr: Labels = {
  intro: 'L’en-tête G702 de cette facture. Un champ laissé vide reprend la valeur du contrat ou du projet.',
  fromContract: 'Du contrat ou du projet',
  setOnInvoice: 'Fixé sur cette facture',
  useDefault: 'Valeur par défaut',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Enregistré. La feuille G702, le PDF et le courriel l’affichent.',
  nothingChanged: 'Aucun changement.',
  readOnly: (reason) => `Lecture seule : ${reason}`,
};

export const generalInfoTabLabels = defineLabels<Labels>({ en, es, fr });

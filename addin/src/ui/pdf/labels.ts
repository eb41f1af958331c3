// Texts of the PDF tab, in the pane's languages.
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  intro: 'The G702/G703 as the server renders it (figures to the cent).',
  preview: 'Preview PDF',
  download: 'Download PDF',
  failed: (m: string) => `Could not open the PDF: ${m}`,
};

export const pdfTabLabels = defineLabels<typeof en>({
  en,
  es: {
    intro: 'El G702/G703 tal como lo genera el servidor (importes al céntimo).',
    preview: 'Vista previa del PDF',
    download: 'Descargar PDF',
    failed: (m: string) => `No se pudo abrir el PDF: ${m}`,
  },
  fr: {
    intro: 'Le G702/G703 tel que le serveur le génère (montants au centime).',
    preview: 'Aperçu du PDF',
    download: 'Télécharger le PDF',
    failed: (m: string) => `Impossible d'ouvrir le PDF : ${m}`,
  },
});

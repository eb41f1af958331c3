// Texts around the jurisdiction's payment deadlines and caps (the server's `deadlines` on a
// contract or invoice view), in the pane's languages. The rule's own sentence, with its due date,
// comes from the server in the user's language (shared/jurisdiction/labels.ts).
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  region: 'Deadlines and limits for this jurisdiction',
  source: 'Source:',
  checkedOn: (date: string) => `(checked ${date})`,
};

export const deadlineLabels = defineLabels<typeof en>({
  en,
  es: {
    region: 'Plazos y límites de esta jurisdicción',
    source: 'Fuente:',
    checkedOn: (date) => `(comprobado el ${date})`,
  },
  fr: {
    region: 'Délais et limites de cette juridiction',
    source: 'Source :',
    checkedOn: (date) => `(vérifié le ${date})`,
  },
});

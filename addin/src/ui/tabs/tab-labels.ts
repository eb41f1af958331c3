// The invoice pane's tab names, in the pane's languages. Kept apart from each feature's own words
// because the tab bar shows them as soon as an invoice opens, while the features' panels and
// their labels load on first show (lazy/lazy-part.tsx). History and Groups use the pane's flat
// catalogue (tab.history, tab.groups).
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  generalInfo: 'General info',
  attachments: 'Attachments',
  pdf: 'PDF',
  payments: 'Payments',
  waivers: 'Waivers',
  emails: 'Emails',
  sendBatches: 'Send in bulk',
};

const es: typeof en = {
  generalInfo: 'Información general',
  attachments: 'Adjuntos',
  pdf: 'PDF',
  payments: 'Pagos',
  waivers: 'Renuncias',
  emails: 'Correos',
  sendBatches: 'Envío masivo',
};

const fr: typeof en = {
  generalInfo: 'Informations générales',
  attachments: 'Pièces jointes',
  pdf: 'PDF',
  payments: 'Paiements',
  waivers: 'Renonciations',
  emails: 'E-mails',
  sendBatches: 'Envoi groupé',
};

export const tabLabels = defineLabels<typeof en>({ en, es, fr });

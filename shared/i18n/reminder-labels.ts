// The payment reminder email (worker/src/email/render-reminder.ts) in en/es/fr: polite, short,
// with what is owed and since when. Amounts and dates come in already formatted for the locale.
import { defineLabels } from './define-labels';
import type { Locale } from './locales';

export type ReminderFacts = {
  invoiceNumber: number;
  contractNumber: number;
  contractTitle: string;
  projectName: string;
  dueOn: string;
  openAmount: string;
  daysLate: number;
};

export type ReminderLabels = {
  locale: Locale;
  /** put before the invoice thread's own subject, so the reminder reads as part of the conversation */
  subject: (threadSubject: string) => string;
  greeting: (names: string) => string;
  body: (f: ReminderFacts) => string;
  alreadyPaid: string;
  replyHint: string;
  signOff: (sender: string, company: string) => string;
};

const en: ReminderLabels = {
  locale: 'en',
  subject: (s) => `Payment reminder: ${s}`,
  greeting: (names) => `Dear ${names},`,
  body: (f) =>
    `This is a friendly reminder that invoice #${f.invoiceNumber} for ${f.projectName} (contract #${f.contractNumber}, ${f.contractTitle}) was due on ${f.dueOn}. ` +
    `${f.openAmount} is still open, ${f.daysLate === 1 ? '1 day' : `${f.daysLate} days`} past due.`,
  alreadyPaid: 'If the payment is already on its way, thank you, and please disregard this message.',
  replyHint: 'You can reply to this email with any question about the invoice or the payment date.',
  signOff: (sender, company) => `Kind regards,\n${sender}${company ? `\n${company}` : ''}`,
};

const es: ReminderLabels = {
  locale: 'es',
  subject: (s) => `Recordatorio de pago: ${s}`,
  greeting: (names) => `Estimado/a ${names}:`,
  body: (f) =>
    `Le recordamos amablemente que la factura n.º ${f.invoiceNumber} de ${f.projectName} (contrato n.º ${f.contractNumber}, ${f.contractTitle}) vencía el ${f.dueOn}. ` +
    `Quedan ${f.openAmount} pendientes, con ${f.daysLate === 1 ? '1 día' : `${f.daysLate} días`} de retraso.`,
  alreadyPaid: 'Si el pago ya está en camino, le damos las gracias y le rogamos que ignore este mensaje.',
  replyHint: 'Puede responder a este correo con cualquier pregunta sobre la factura o la fecha de pago.',
  signOff: (sender, company) => `Saludos cordiales,\n${sender}${company ? `\n${company}` : ''}`,
};

const fr: ReminderLabels = {
  locale: 'fr',
  subject: (s) => `Rappel de paiement : ${s}`,
  greeting: (names) => `Bonjour ${names},`,
  body: (f) =>
    `Nous nous permettons de vous rappeler que la facture n° ${f.invoiceNumber} de ${f.projectName} (contrat n° ${f.contractNumber}, ${f.contractTitle}) était due le ${f.dueOn}. ` +
    `Il reste ${f.openAmount} à régler, avec ${f.daysLate <= 1 ? `${f.daysLate} jour` : `${f.daysLate} jours`} de retard.`,
  alreadyPaid: 'Si le paiement est déjà en route, merci, et veuillez ne pas tenir compte de ce message.',
  replyHint: 'Vous pouvez répondre à ce courriel pour toute question sur la facture ou la date de paiement.',
  signOff: (sender, company) => `Cordialement,\n${sender}${company ? `\n${company}` : ''}`,
};

export const reminderLabels = defineLabels<ReminderLabels>({ en, es, fr });

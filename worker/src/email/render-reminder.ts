// The payment reminder email (services/reminders/send-reminder.ts), in HTML and plain text, in the
// recipients' language. Names and titles are user input: every value is escaped in the HTML.
import { escapeHtml } from '@shared/email/html-entities';
import { formatPdfDate } from '@shared/i18n/pdf-dates';
import { reminderLabels } from '@shared/i18n/reminder-labels';
import { formatMoney } from '@shared/money';

export type ReminderInput = {
  locale: string;
  threadSubject: string;
  recipientNames: string[];
  invoiceNumber: number;
  contractNumber: number;
  contractTitle: string;
  projectName: string;
  dueOn: string;
  openCents: number;
  daysLate: number;
  senderName: string;
  companyName: string;
};

export function renderReminder(r: ReminderInput) {
  const L = reminderLabels(r.locale);
  const paragraphs = [
    L.greeting(r.recipientNames.join(', ')),
    L.body({
      invoiceNumber: r.invoiceNumber,
      contractNumber: r.contractNumber,
      contractTitle: r.contractTitle,
      projectName: r.projectName,
      dueOn: formatPdfDate(r.dueOn, L.locale === 'en' ? 'mdy' : 'dmy'),
      openAmount: formatMoney(r.openCents, L.locale),
      daysLate: r.daysLate,
    }),
    L.alreadyPaid,
    L.replyHint,
    L.signOff(r.senderName, r.companyName),
  ];
  const html =
    '<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;">' +
    paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`).join('') +
    '</body></html>';
  return { subject: L.subject(r.threadSubject), html, text: paragraphs.join('\n\n'), locale: L.locale, message: paragraphs[1]! };
}

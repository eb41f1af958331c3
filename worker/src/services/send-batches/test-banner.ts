import { escapeHtml } from '@shared/email/html-entities';
import { defineLabels } from '@shared/i18n/define-labels';

type BannerFacts = { recipient: string; batchName: string };

const banner = defineLabels<(f: BannerFacts) => string>({
  en: (f) =>
    `TEST — this is the message ${f.recipient} will receive from the send batch${f.batchName ? ` "${f.batchName}"` : ''}. Only you received this test; replies to it are not filed on the invoice.`,
  es: (f) =>
    `PRUEBA — este es el mensaje que recibirá ${f.recipient} del envío masivo${f.batchName ? ` "${f.batchName}"` : ''}. Solo usted recibió esta prueba; las respuestas no se archivan en la factura.`,
  fr: (f) =>
    `TEST — voici le message que ${f.recipient} recevra de l'envoi groupé${f.batchName ? ` « ${f.batchName} »` : ''}. Vous seul avez reçu ce test ; les réponses ne sont pas classées sur la facture.`,
});

/** Subject prefix of a test message: the same in every language, easy to filter. */
export const TEST_SUBJECT_PREFIX = '[TEST] ';

/** The recipient's message with a banner on top saying it is a test and for whom. */
export function withTestBanner(content: { html: string; text: string }, locale: string, facts: BannerFacts): { html: string; text: string } {
  const line = banner(locale)(facts);
  const div = `<div style="margin:0 0 16px;padding:10px 12px;border:2px dashed #bc4c00;background:#fff8c5;color:#1f2328;font-weight:600;">${escapeHtml(line)}</div>`;
  const open = /<body[^>]*>/i.exec(content.html);
  const html = open ? content.html.slice(0, open.index + open[0].length) + div + content.html.slice(open.index + open[0].length) : div + content.html;
  return { html, text: `*** ${line} ***\n\n${content.text}` };
}

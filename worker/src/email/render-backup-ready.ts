import { escapeHtml } from '@shared/email/html-entities';
import { emailLabels } from '@shared/i18n/email-labels';

// "Your invoice backup is ready": the app's own notice to the requester. Where to get it (the
// add-in's backups list, no download link: a signed link lives five minutes) and until when.
// Its words are in shared/i18n/email-labels.ts.
export function renderBackupReady(locale: string, fileName: string, partCount: number, expiresOn: string) {
  const t = emailLabels(locale).backupReady;
  const lines = [t.body(fileName, partCount), t.kept(expiresOn)];
  const html =
    '<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;">' +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    '</body></html>';
  return { subject: t.subject(fileName), html, text: lines.join('\n\n') };
}

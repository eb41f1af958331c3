import { escapeHtml } from '@shared/email/html-entities';

// "Your invoice backup is ready": the app's own notice to the requester. Where to get it (the
// add-in's backups list, no download link: a signed link lives five minutes) and until when.
const texts = {
  en: {
    subject: (file: string) => `Your invoice backup is ready: ${file}`,
    body: (file: string, parts: number) =>
      `The invoice backup "${file}" (${parts} part${parts === 1 ? '' : 's'}) is compiled. Download it from Invoice backups in the add-in.`,
    kept: (date: string) => `It is kept until ${date}; after that, compile it again.`,
  },
  es: {
    subject: (file: string) => `Su copia de respaldo de facturas está lista: ${file}`,
    body: (file: string, parts: number) =>
      `La copia de respaldo "${file}" (${parts} parte${parts === 1 ? '' : 's'}) está compilada. Descárguela desde Copias de respaldo en el complemento.`,
    kept: (date: string) => `Se conserva hasta el ${date}; después, vuelva a compilarla.`,
  },
  fr: {
    subject: (file: string) => `Votre sauvegarde de factures est prête : ${file}`,
    body: (file: string, parts: number) =>
      `La sauvegarde « ${file} » (${parts} partie${parts === 1 ? '' : 's'}) est compilée. Téléchargez-la depuis Sauvegardes de factures dans le complément.`,
    kept: (date: string) => `Elle est conservée jusqu'au ${date} ; ensuite, compilez-la à nouveau.`,
  },
};

export function renderBackupReady(locale: string, fileName: string, partCount: number, expiresOn: string) {
  const t = texts[locale as keyof typeof texts] ?? texts.en;
  const lines = [t.body(fileName, partCount), t.kept(expiresOn)];
  const html =
    '<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;">' +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    '</body></html>';
  return { subject: t.subject(fileName), html, text: lines.join('\n\n') };
}

import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentPdfRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TabContext, TabDefinition } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import { useEmailApi } from '../emails/use-email-api';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

const labels = {
  en: { tab: 'PDF', intro: 'The G702/G703 as the server renders it (figures to the cent).', preview: 'Preview PDF', download: 'Download PDF', failed: (m: string) => `Could not open the PDF: ${m}` },
  es: { tab: 'PDF', intro: 'El G702/G703 tal como lo genera el servidor (importes al céntimo).', preview: 'Vista previa del PDF', download: 'Descargar PDF', failed: (m: string) => `No se pudo abrir el PDF: ${m}` },
  fr: { tab: 'PDF', intro: 'Le G702/G703 tel que le serveur le génère (montants au centime).', preview: 'Aperçu du PDF', download: 'Télécharger le PDF', failed: (m: string) => `Impossible d'ouvrir le PDF : ${m}` },
};

type OfficeUi = { displayDialogAsync?: (u: string, o: object, cb?: (r: unknown) => void) => void; openBrowserWindow?: (u: string) => void };

/** In Office: a preview in an Office dialog, a download in the system browser (where available). */
export function openInOffice(url: string, isDownload: boolean): void {
  const ui = (globalThis as { Office?: { context?: { ui?: OfficeUi } } }).Office?.context?.ui;
  if (isDownload && ui?.openBrowserWindow) ui.openBrowserWindow(url);
  else if (ui?.displayDialogAsync) ui.displayDialogAsync(url, { height: 85, width: 70, promptBeforeOpen: false });
  else window.open(url, '_blank', 'noopener');
}

/**
 * Preview / Download: a 5-minute signed link from POST /invoices/:id/pdf-link, so no
 * bearer token ever goes into a URL or a dialog.
 */
function PdfPanel({ ctx }: { ctx: TabContext }) {
  const styles = useStyles();
  const api = useEmailApi();
  const L = labels[ctx.i18n.lang];
  const [busy, setBusy] = useState<'preview' | 'download' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open(kind: 'preview' | 'download') {
    setBusy(kind);
    setError(null);
    // open the window now (a popup blocker allows it inside the click), point it at the link later
    const inOffice = typeof (globalThis as { Office?: unknown }).Office !== 'undefined';
    const win = inOffice ? null : window.open('about:blank', '_blank');
    try {
      const url = await api.pdfLink(ctx.view.invoice.id, { locale: ctx.i18n.lang, download: kind === 'download' });
      if (win) {
        win.opener = null;
        win.location.href = url;
      } else openInOffice(url, kind === 'download');
    } catch (err) {
      win?.close();
      setError(L.failed(errorText(err, ctx.i18n.t)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className={styles.col} data-testid="pdf-panel">
      <Text size={200} className={styles.hint}>{L.intro}</Text>
      <div className={styles.row}>
        <Button icon={<DocumentPdfRegular />} appearance="primary" size="small" disabled={busy !== null} onClick={() => void open('preview')} data-testid="pdf-preview">{L.preview}</Button>
        <Button icon={<ArrowDownloadRegular />} size="small" disabled={busy !== null} onClick={() => void open('download')} data-testid="pdf-download">{L.download}</Button>
      </div>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
    </div>
  );
}

export const pdfTab: TabDefinition = {
  id: 'pdf',
  order: 45,
  label: (i18n) => labels[i18n.lang].tab,
  render: (ctx) => <PdfPanel key={ctx.view.invoice.id} ctx={ctx} />,
};

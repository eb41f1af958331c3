import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentPdfRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TabContext, TabDefinition } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import { createEmailApi } from '../../api';
import { useSignedInClient } from '../auth/use-signed-in-client';
import { defaultServerUrl, loadCredentials } from '../auth/credentials';
import { eventErrorMessage, officeUi, openDialog } from '../auth/office-dialog';
import { ErrorBar } from '../error-bar';
import { pdfTabLabels } from './labels';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

type OfficeUiExtras = { openBrowserWindow?: (u: string) => void };

/**
 * The link on the pane's own origin when the pane reaches the server through it (the worker serves
 * the pane, or the dev server proxies /api: addin/vite.config.ts). The worker signs the link with
 * the origin the request arrived on, which behind the dev proxy is the worker's http://localhost:8787:
 * Office would refuse that dialog (12004 other origin, 12005 http).
 */
export function pdfDialogUrl(url: string, paneOrigin: string, apiBaseUrl: string): string {
  const u = new URL(url);
  if (u.origin === paneOrigin || new URL(apiBaseUrl).origin !== paneOrigin) return url;
  return `${paneOrigin}${u.pathname}${u.search}`;
}

/**
 * In Office: a preview in an Office dialog, a download in the system browser (where available).
 * The dialog opens after the link request, outside the user's click, so Office's own prompt comes
 * first on the web (promptBeforeOpen: true) rather than a pop-up a blocker stops (12011); every
 * failure rejects with a specific message (auth/office-dialog.ts).
 */
export async function openInOffice(url: string, isDownload: boolean): Promise<void> {
  const ui = officeUi();
  const extras = (globalThis as { Office?: { context?: { ui?: OfficeUiExtras } } }).Office?.context?.ui;
  if (isDownload && extras?.openBrowserWindow) return extras.openBrowserWindow(url);
  if (ui) {
    const dialog = await openDialog(ui, url, { height: 85, width: 70, promptBeforeOpen: true });
    // A PDF page cannot message back; only a load failure is worth reporting (12006 = closed).
    dialog.addEventHandler('dialogEventReceived', (arg) => {
      if (arg.error !== 12006) console.warn(eventErrorMessage(arg.error));
    });
    return;
  }
  // no Office dialog API here (a page hosting the pane outside Office): a download is a same-origin
  // attachment answer that a link with `download` saves without any window
  if (isDownload) {
    Object.assign(document.createElement('a'), { href: url, download: '' }).click();
    return;
  }
  if (!window.open(url, '_blank', 'noopener')) throw new Error('The browser blocked the PDF window. Allow pop-ups for this site, then try again.');
}

/**
 * Preview / Download: a 5-minute signed link from POST /invoices/:id/pdf-link, so no
 * bearer token ever goes into a URL or a dialog.
 */
function PdfPanel({ ctx }: { ctx: TabContext }) {
  const styles = useStyles();
  const api = useSignedInClient(createEmailApi);
  const L = pdfTabLabels(ctx.i18n.lang);
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
      } else await openInOffice(pdfDialogUrl(url, globalThis.location.origin, loadCredentials()?.serverUrl ?? defaultServerUrl()), kind === 'download');
    } catch (err) {
      win?.close();
      setError(L.failed(errorText(err, ctx.i18n.t)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className={styles.col} data-testid="pdf-panel">
      <Text size={200} className={styles.hint}>
        {L.intro}
      </Text>
      <div className={styles.row}>
        <Button
          icon={<DocumentPdfRegular />}
          appearance="primary"
          size="small"
          disabled={busy !== null}
          onClick={() => void open('preview')}
          data-testid="pdf-preview"
        >
          {L.preview}
        </Button>
        <Button icon={<ArrowDownloadRegular />} size="small" disabled={busy !== null} onClick={() => void open('download')} data-testid="pdf-download">
          {L.download}
        </Button>
      </div>
      <ErrorBar message={error} />
    </div>
  );
}

export const pdfTab: TabDefinition = {
  id: 'pdf',
  order: 45,
  label: (i18n) => pdfTabLabels(i18n.lang).tab,
  render: (ctx) => <PdfPanel key={ctx.view.invoice.id} ctx={ctx} />,
};

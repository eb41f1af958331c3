import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentPdfRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TabContext } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import { createEmailApi } from '../../api';
import { useSignedInClient } from '../auth/use-signed-in-client';
import { defaultServerUrl, loadCredentials } from '../auth/credentials';
import { ErrorBar } from '../error-bar';
import { pdfTabLabels } from './labels';
import { openInOffice, pdfDialogUrl } from './open-in-office';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * Preview / Download: a 5-minute signed link from POST /invoices/:id/pdf-link, so no
 * bearer token ever goes into a URL or a dialog.
 */
export function PdfPanel({ ctx }: { ctx: TabContext }) {
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

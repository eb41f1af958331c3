import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { createBackupLink } from '@shared/api/routes/backups';
import type { TBackupJob } from '@shared/api/backup-views';
import type { ApiClient } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { defaultServerUrl, loadCredentials } from '../auth/credentials';
import { ErrorBar } from '../error-bar';
import { openInOffice, pdfDialogUrl } from '../pdf/open-in-office';
import { errorText } from '../workspace/error-text';
import { billingLabels } from './labels';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** One compilation: progress while it runs, then "ready" with the download, or the failure; the files left out and why. */
export function BackupJobView({ api, job, pollError }: { api: ApiClient; job: TBackupJob; pollError?: string | null }) {
  const i18n = useI18n();
  const L = useLabels(billingLabels);
  const styles = useStyles();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const excluded = job.parts.flatMap((p) => p.notIncluded);
  const { percent, invoicesDone, invoicesTotal } = job.progress;

  // In Office the signed link goes to the system browser; elsewhere (the harness) a link with
  // `download` saves the attachment answer without a pop-up window (pdf-tab.tsx openInOffice).
  async function download(partNo: number) {
    setBusy(partNo);
    setError(null);
    try {
      const { url } = await api.call(createBackupLink, { param: { jobId: job.id }, query: { part: partNo } });
      await openInOffice(pdfDialogUrl(url, globalThis.location.origin, loadCredentials()?.serverUrl ?? defaultServerUrl()), true);
    } catch (err) {
      setError(L.downloadFailed(errorText(err, i18n.t)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className={styles.col} data-testid="backup-job" data-job-id={job.id} data-status={job.status}>
      {job.status === 'queued' || job.status === 'running' ? (
        <>
          <Text size={200}>{job.status === 'queued' ? L.queued : L.compiling}</Text>
          <ProgressBar value={percent / 100} thickness="large" />
          <Text size={200} className={styles.sub} data-testid="backup-progress">
            {L.progress(percent, invoicesDone, invoicesTotal)}
          </Text>
        </>
      ) : job.status === 'done' ? (
        <MessageBar intent="success" layout="multiline" data-testid="backup-ready">
          <MessageBarBody>
            <MessageBarTitle>{L.ready(job.fileName)}</MessageBarTitle>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorBar message={L.failed(job.error ?? '')} />
      )}
      {job.status === 'done' &&
        job.parts.map((p) => (
          <Button
            key={p.partNo}
            size="small"
            appearance={p.partNo === 1 ? 'primary' : 'secondary'}
            icon={<ArrowDownloadRegular />}
            disabled={busy !== null || p.status !== 'done'}
            onClick={() => void download(p.partNo)}
            data-testid={`backup-download-${p.partNo}`}
          >
            {job.parts.length > 1 ? L.downloadPart(p.partNo, job.parts.length) : L.download}
          </Button>
        ))}
      {excluded.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="backup-not-included">
          <MessageBarBody>
            <MessageBarTitle>{L.notIncluded(excluded.length)}</MessageBarTitle>
            <ul className={styles.list}>
              {excluded.map((x) => (
                <li key={`${x.attachmentId}-${x.invoiceNumber}-${x.contractNumber}`} data-reason={x.reason.code}>
                  {L.notIncludedOf(x.fileName, x.invoiceNumber, x.contractTitle)}: {L.reason(x.reason)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {pollError && (
        <Text size={200} className={styles.sub}>
          {pollError}
        </Text>
      )}
      <ErrorBar message={error} />
    </div>
  );
}

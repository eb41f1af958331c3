import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentPdfRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { createInvoiceBackup, getInvoiceBackup, listInvoiceBackups } from '@shared/api/routes/backups';
import type { TBackupJob } from '@shared/api/backup-views';
import type { ApiClient } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { BackupJobView } from './backup-job-view';
import { isFinished, latestWatchedId, markSeen, useWatchedBackups, watchBackup } from './backup-watch';
import { billingLabels } from './labels';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  earlier: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Summary = Omit<TBackupJob, 'parts'>;

/** "Compile invoice backups" for the ticked invoices, the compilation's outcome, and the earlier ones. */
export function CompileBackups(props: { api: ApiClient; projectId: string; invoiceIds: string[]; isAllowed: boolean }) {
  const { api, projectId, invoiceIds, isAllowed } = props;
  const i18n = useI18n();
  const L = useLabels(billingLabels);
  const styles = useStyles();
  const [shownId, setShownId] = useState<string | null>(() => latestWatchedId(projectId));
  const [earlier, setEarlier] = useState<Summary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useWatchedBackups().find((w) => w.job.id === shownId) ?? null;

  const loadEarlier = useCallback(async () => {
    try {
      setEarlier((await api.call(listInvoiceBackups, { query: { projectId } })).backups);
    } catch (err) {
      setError(errorText(err, i18n.t));
    }
  }, [api, projectId, i18n.t]);

  useEffect(() => {
    void loadEarlier();
  }, [loadEarlier]);

  // the outcome is on screen here: the project-level bar need not repeat it
  const shownFinished = shown && isFinished(shown.job) ? shown.job.id : null;
  useEffect(() => {
    if (shownFinished) {
      markSeen(shownFinished);
      void loadEarlier();
    }
  }, [shownFinished, loadEarlier]);

  async function compile() {
    setBusy(true);
    setError(null);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const job = await api.call(createInvoiceBackup, { param: { id: projectId }, json: { invoiceIds, locale: i18n.lang, timeZone } });
      setShownId(job.id);
      void watchBackup(api, job);
      void loadEarlier();
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  async function show(id: string) {
    setError(null);
    try {
      const job = await api.call(getInvoiceBackup, { param: { jobId: id } });
      setShownId(id);
      void watchBackup(api, job);
    } catch (err) {
      setError(errorText(err, i18n.t));
    }
  }

  return (
    <div className={styles.col} data-testid="compile-backups">
      <Button
        appearance="primary"
        icon={<DocumentPdfRegular />}
        disabled={busy || invoiceIds.length === 0 || !isAllowed}
        onClick={() => void compile()}
        data-testid="compile-backups-button"
      >
        {busy ? L.compiling : L.compile}
      </Button>
      {(invoiceIds.length === 0 || !isAllowed) && (
        <Text size={200} className={styles.sub} data-testid="compile-backups-hint">
          {invoiceIds.length === 0 ? L.chooseInvoices : L.needsAdmin}
        </Text>
      )}
      <ErrorBar message={error} />
      {shown && <BackupJobView api={api} job={shown.job} pollError={shown.pollError} />}
      <Text weight="semibold">{L.earlier}</Text>
      {earlier.length === 0 && (
        <Text size={200} className={styles.sub}>
          {L.noEarlier}
        </Text>
      )}
      {earlier.map((b) => (
        <div key={b.id} className={styles.earlier} data-testid="backup-earlier">
          <Badge size="small" appearance="tint" color={b.status === 'done' ? 'success' : b.status === 'failed' ? 'danger' : 'warning'}>
            {L.jobStatus[b.status]}
          </Badge>
          <Text size={200} className={styles.grow}>
            {L.earlierRow(i18n.date(b.createdAt.slice(0, 10)), b.invoiceIds.length)}
          </Text>
          {b.id !== shownId && (
            <Button size="small" appearance="subtle" onClick={() => void show(b.id)}>
              {L.show}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}

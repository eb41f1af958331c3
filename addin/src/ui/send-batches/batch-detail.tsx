import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowLeftRegular, MailRegular, SendRegular, StopRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { TSendBatchView } from '@shared/api/send-batches';
import type { I18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { SendBatchApi } from '../../api';
import { BatchProgress, BatchStatusBadge } from './batch-status';
import { InvoiceList } from './invoice-list';
import type { SendBatchLabels } from './labels';
import { useBatchProgress } from './use-batch-progress';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Props = { api: SendBatchApi; L: SendBatchLabels; i18n: I18n; projectId: string; batchId: string; senderEmail: string; onBack: () => void };

/** One batch: what it sends (periods, invoices, recipients), a test email, start (confirmed), stop, live progress, results. */
export function BatchDetail({ api, L, i18n, projectId, batchId, senderEmail, onBack }: Props) {
  const styles = useStyles();
  const [batch, setBatch] = useState<TSendBatchView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [testTo, setTestTo] = useState(senderEmail);
  const [busy, setBusy] = useState<'test' | 'start' | 'stop' | 'csv' | null>(null);
  const [isConfirming, setConfirming] = useState(false);

  const load = useCallback(
    () => api.get(projectId, batchId).then(setBatch, (err: unknown) => setError(errorText(err, i18n.t))),
    [api, projectId, batchId, i18n.t],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const progress = useBatchProgress(api, projectId, batchId, batch?.progress ?? null, () => void load());

  async function act(what: 'test' | 'start' | 'stop' | 'csv', run: () => Promise<void>) {
    setBusy(what);
    setError(null);
    setNotice(null);
    try {
      await run();
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(null);
    }
  }
  const sendTest = () => act('test', async () => setNotice(L.testSent((await api.testEmail(projectId, batchId, { to: testTo.trim() })).to)));
  const start = () =>
    act('start', async () => {
      setConfirming(false);
      setBatch(await api.start(projectId, batchId));
    });
  const stop = () => act('stop', async () => setBatch(await api.stop(projectId, batchId)));
  const downloadCsv = () =>
    act('csv', async () => {
      const { fileName, blob } = await api.resultsCsv(projectId, batchId);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });

  if (!batch)
    return error ? (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" />
    );
  const status = progress?.status ?? batch.status;
  const canPrepare = status === 'registered' || status === 'stopped';
  const spin = (what: typeof busy) => (busy === what ? <Spinner size="extra-tiny" /> : undefined);

  return (
    <div className={styles.root} data-testid="batch-detail" data-batch-id={batch.id}>
      <div>
        <Button size="small" appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
          {L.back}
        </Button>
      </div>
      <Text weight="semibold" size={400}>
        {batch.name || new Date(batch.createdAt).toLocaleString(i18n.lang)} <BatchStatusBadge status={status} L={L} />
      </Text>
      <Text size={200} className={styles.sub}>
        {L.periods}: {batch.periods.map((p) => `${i18n.date(p.start)} – ${i18n.date(p.end)}`).join(', ')} · {L.items(batch.itemCount)}
      </Text>
      {progress && <BatchProgress progress={progress} L={L} />}
      {canPrepare && (
        <div className={styles.row}>
          <Field label={L.testTo} className={styles.grow}>
            <Input name="testTo" type="email" value={testTo} onChange={(_, d) => setTestTo(d.value)} />
          </Field>
          <Button icon={spin('test') ?? <MailRegular />} disabled={busy !== null || !testTo.trim()} onClick={() => void sendTest()}>
            {L.sendTest}
          </Button>
        </div>
      )}
      <div className={styles.row}>
        {canPrepare && (
          <Button
            appearance="primary"
            icon={spin('start') ?? <SendRegular />}
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
            data-testid="start-batch"
          >
            {status === 'stopped' ? L.resume : L.start}
          </Button>
        )}
        {status === 'sending' && (
          <Button icon={spin('stop') ?? <StopRegular />} disabled={busy !== null} onClick={() => void stop()} data-testid="stop-batch">
            {L.stop}
          </Button>
        )}
        {status === 'finished' && (
          <Button icon={spin('csv') ?? <ArrowDownloadRegular />} disabled={busy !== null} onClick={() => void downloadCsv()} data-testid="batch-results">
            {L.results}
          </Button>
        )}
      </div>
      {notice && (
        <MessageBar layout="multiline" intent="success" data-testid="batch-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar layout="multiline" intent="error" data-testid="batch-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <InvoiceList
        api={api}
        L={L}
        i18n={i18n}
        projectId={projectId}
        batchId={batch.id}
        invoices={batch.invoices}
        progressKey={progress ? `${progress.status}:${progress.sent}:${progress.failed}` : ''}
      />
      <Dialog open={isConfirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{status === 'stopped' ? L.resume : L.start}</DialogTitle>
            <DialogContent>{L.confirmStart(progress?.pending ?? batch.itemCount)}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                {L.cancel}
              </Button>
              <Button appearance="primary" onClick={() => void start()} data-testid="confirm-start">
                {L.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

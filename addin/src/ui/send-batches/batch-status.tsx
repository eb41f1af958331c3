import { Badge, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SendBatchStatus, TSendBatchProgress } from '@shared/api/send-batches';
import type { SendBatchLabels } from './labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  sub: { color: tokens.colorNeutralForeground3 },
});

const colors: Record<SendBatchStatus, 'informative' | 'brand' | 'warning' | 'success'> = {
  registered: 'informative',
  sending: 'brand',
  stopped: 'warning',
  finished: 'success',
};

export function BatchStatusBadge({ status, L }: { status: SendBatchStatus; L: SendBatchLabels }) {
  return (
    <Badge appearance="tint" color={colors[status]} data-testid="batch-status" data-status={status}>
      {L.status[status]}
    </Badge>
  );
}

/** The live progress bar: done (sent + failed) of total, with the counts spelled out. */
export function BatchProgress({ progress, L }: { progress: TSendBatchProgress; L: SendBatchLabels }) {
  const styles = useStyles();
  const done = progress.sent + progress.failed;
  const value = progress.total ? done / progress.total : 0;
  return (
    <div
      className={styles.root}
      data-testid="batch-progress"
      data-status={progress.status}
      data-sent={progress.sent}
      data-failed={progress.failed}
      data-pending={progress.pending}
    >
      <ProgressBar value={value} max={1} thickness="large" color={progress.failed ? 'warning' : progress.status === 'finished' ? 'success' : 'brand'} />
      <Text size={200} className={styles.sub}>
        {L.status[progress.status]} · {L.progress(progress)}
      </Text>
    </div>
  );
}

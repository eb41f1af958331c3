import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { TSendBatchSummary } from '@shared/api/send-batches';
import type { I18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { SendBatchApi } from '../../api';
import { BatchProgress, BatchStatusBadge } from './batch-status';
import type { SendBatchLabels } from './labels';
import { ErrorBar } from '../error-bar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    textAlign: 'left',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
  },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Props = { api: SendBatchApi; L: SendBatchLabels; i18n: I18n; projectId: string; onNew: () => void; onOpen: (batchId: string) => void };

/** The project's send batches, newest first, each with its status and progress. */
export function BatchList({ api, L, i18n, projectId, onNew, onOpen }: Props) {
  const styles = useStyles();
  const [batches, setBatches] = useState<TSendBatchSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isLive = true;
    api.list(projectId).then(
      (r) => isLive && setBatches(r.batches),
      (err: unknown) => isLive && setError(errorText(err, i18n.t)),
    );
    return () => {
      isLive = false;
    };
  }, [api, projectId, i18n.t]);

  return (
    <div className={styles.root} data-testid="batch-list">
      <div className={styles.head}>
        <Text weight="semibold">{L.batches}</Text>
        <Button size="small" appearance="primary" icon={<AddRegular />} onClick={onNew} data-testid="new-batch">
          {L.newBatch}
        </Button>
      </div>
      <ErrorBar message={error} />
      {batches === null && !error && <Spinner size="tiny" />}
      {batches?.length === 0 && <Text className={styles.sub}>{L.none}</Text>}
      {batches?.map((b) => (
        <button type="button" key={b.id} className={styles.row} onClick={() => onOpen(b.id)} data-testid="batch-row" data-batch-id={b.id}>
          <Text weight="semibold">
            {b.name || new Date(b.createdAt).toLocaleString(i18n.lang)} <BatchStatusBadge status={b.status} L={L} />
          </Text>
          <Text size={200} className={styles.sub}>{`${b.invoiceCount} · ${L.items(b.itemCount)} · ${b.createdBy.name}`}</Text>
          {b.status !== 'registered' && <BatchProgress progress={b.progress} L={L} />}
        </button>
      ))}
    </div>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useLabels } from '../../i18n/i18n-context';
import { isFinished, markSeen, useWatchedBackups } from './backup-watch';
import { billingLabels } from './labels';

/**
 * Says at the top of the pane (addin/src/ui/app.tsx) that a compilation the user started has finished, whatever
 * tab they are on (the Invoices tab shows the details and the download; `onShow` goes there).
 */
export function BackupReadyBar({ onShow }: { onShow?: (projectId: string) => void }) {
  const L = useLabels(billingLabels);
  const finished = useWatchedBackups().filter((w) => isFinished(w.job) && !w.isSeen);
  if (finished.length === 0) return null;
  return (
    <div data-testid="backup-ready-bar">
      {finished.map(({ job }) => (
        <MessageBar layout="multiline" key={job.id} intent={job.status === 'done' ? 'success' : 'error'}>
          <MessageBarBody>{job.status === 'done' ? L.barReady(job.fileName) : L.barFailed}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button size="small" appearance="transparent" onClick={() => markSeen(job.id)}>
                {L.dismiss}
              </Button>
            }
          >
            {onShow && (
              <Button size="small" onClick={() => onShow(job.projectId)} data-testid="backup-ready-show">
                {L.show}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}

import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { StatusChangeMessage } from './use-status-change';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * A row of status buttons with the outcome of the last press under it: the workspace's status
 * actions (status-actions.tsx) and the ones beside a classified email reply (emails/reply-actions.tsx).
 */
export function ActionBar(props: { label: string; testId?: string; message: StatusChangeMessage | null; messageTestId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <div className={styles.row} role="group" aria-label={props.label} data-testid={props.testId}>
        {props.children}
      </div>
      {props.message && (
        <MessageBar layout="multiline" intent={props.message.intent} data-testid={props.messageTestId}>
          <MessageBarBody>{props.message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TReplyClassification } from '@shared/api/emails';
import type { MessageKey } from '../../i18n';
import type { TabContext } from '../tabs/tab-types';
import { ActionBar } from '../workspace/action-bar';
import { allowedStatusActions } from '../workspace/status-actions';
import { useStatusChange } from '../workspace/use-status-change';
import type { EmailLabels } from './labels';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3 },
});

type Suggested = NonNullable<TReplyClassification['suggestion']>;

/**
 * One-click status changes beside a classified reply, for invoice admins. The same path as the
 * workspace's status buttons: the transitions they offer (allowedStatusActions) and
 * api.changeStatus → setView. When the current status allows neither, says so instead.
 */
export function ReplyActions({ ctx, L, suggested }: { ctx: TabContext; L: EmailLabels; suggested: Suggested }) {
  const { t } = ctx.i18n;
  const styles = useStyles();
  const { busy, message, run } = useStatusChange(ctx.api, ctx.view.invoice.id, ctx.setView);
  if (ctx.contract?.myAccess?.isToolAdmin !== true) return null;

  const allowed = new Set(allowedStatusActions(ctx.view).map((a) => a.to));
  const offered = (
    [
      // "approved as noted" is suggested as an approval: the pane's status buttons offer approve / revise
      { to: 'approved', label: L.markApproved, isSuggested: suggested === 'approved' || suggested === 'approved_as_noted' },
      { to: 'revise_and_resubmit', label: t('action.revise'), isSuggested: suggested === 'revise_and_resubmit' },
    ] as const
  ).filter((a) => allowed.has(a.to));

  if (offered.length === 0) {
    const status = t(`status.${ctx.view.invoice.status}` as MessageKey);
    return (
      <Text size={200} className={styles.note} data-testid="reply-actions-unavailable">
        {L.actionsUnavailable(status)}
      </Text>
    );
  }

  return (
    <ActionBar label={L.suggestion} testId="reply-actions" message={message} messageTestId="reply-action-message">
      {offered.map((a) => (
        <Button
          key={a.to}
          size="small"
          appearance={a.isSuggested ? 'primary' : 'secondary'}
          disabled={busy !== null}
          onClick={() => void run(a.to)}
          data-action={a.to}
        >
          {busy === a.to ? t('action.busy') : a.label}
        </Button>
      ))}
    </ActionBar>
  );
}

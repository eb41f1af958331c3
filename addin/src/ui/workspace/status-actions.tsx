import { Button, MessageBar, MessageBarBody, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, Contract, InvoiceStatusTarget, InvoiceView } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n';
import { errorText } from './error-text';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Action = { to: InvoiceStatusTarget; label: MessageKey; appearance: 'primary' | 'secondary' };

// The transitions the server allows (worker/src/services/invoices/change-status.ts). The server
// enforces them; the pane only offers what can succeed and says why the rest is unavailable.
const flows: Record<'prime' | 'commitment', Record<string, Action[]>> = {
  prime: {
    draft: [{ to: 'under_review', label: 'action.submit', appearance: 'primary' }],
    revise_and_resubmit: [{ to: 'under_review', label: 'action.submit', appearance: 'primary' }],
    under_review: [
      { to: 'approved', label: 'action.approve', appearance: 'primary' },
      { to: 'revise_and_resubmit', label: 'action.revise', appearance: 'secondary' },
    ],
  },
  commitment: {
    draft: [{ to: 'under_review', label: 'action.submit', appearance: 'primary' }],
    revise_and_resubmit: [{ to: 'under_review', label: 'action.submit', appearance: 'primary' }],
    under_review: [
      { to: 'approved', label: 'action.approve', appearance: 'primary' },
      { to: 'revise_and_resubmit', label: 'action.revise', appearance: 'secondary' },
    ],
    pending_owner_approval: [
      { to: 'approved', label: 'action.approve', appearance: 'primary' },
      { to: 'revise_and_resubmit', label: 'action.revise', appearance: 'secondary' },
    ],
  },
};

export type StatusActionsProps = {
  api: ApiClient;
  view: InvoiceView;
  access: Contract['myAccess'] | undefined;
  /** edits still waiting to sync: submitting now would freeze figures without them */
  hasUnsavedEdits: boolean;
  onChanged: (view: InvoiceView) => void;
};

export function StatusActions({ api, view, access, hasUnsavedEdits, onChanged }: StatusActionsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState<InvoiceStatusTarget | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const kind = view.contract.kind === 'prime' ? 'prime' : 'commitment';
  const tool = t(kind === 'prime' ? 'tool.prime' : 'tool.commitment');
  const isAdmin = access?.isToolAdmin === true;
  const canWrite = isAdmin || (kind === 'commitment' && access?.isInvoiceContact === true);
  const actions = (flows[kind][view.invoice.status] ?? []).filter((a) => a.to !== 'revise_and_resubmit' || view.invoice.isLatest);

  // Read-only users see nothing to press: the lock banner already says why.
  if (!canWrite && !isAdmin) return null;

  async function run(to: InvoiceStatusTarget) {
    setBusy(to);
    setMessage(null);
    try {
      const next = await api.changeStatus(view.invoice.id, to);
      onChanged(next);
      setMessage({ intent: 'success', text: t('action.done', { number: next.invoice.number, status: t(`status.${next.invoice.status}` as MessageKey) }) });
    } catch (err) {
      setMessage({ intent: 'error', text: t('action.failed', { message: errorText(err, t) }) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <div className={styles.row} role="group" aria-label="status actions">
        {actions.map((a) => {
          const isSubmit = a.to === 'under_review';
          const blocked = isSubmit ? (!canWrite ? t('action.needsAdmin', { tool }) : hasUnsavedEdits ? t('action.saveFirst') : null) : !isAdmin ? t('action.needsAdmin', { tool }) : null;
          const button = (
            <Button key={a.to} appearance={a.appearance} size="small" disabled={busy !== null || blocked !== null} onClick={() => run(a.to)} data-action={a.to}>
              {busy === a.to ? t('action.busy') : t(a.label)}
            </Button>
          );
          return blocked ? <Tooltip key={a.to} content={blocked} relationship="description"><span>{button}</span></Tooltip> : button;
        })}
      </div>
      {message && (
        <MessageBar intent={message.intent} data-testid="status-action-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

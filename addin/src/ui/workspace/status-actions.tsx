import { Button, Tooltip } from '@fluentui/react-components';
import type { ApiClient, Contract, InvoiceStatusTarget, InvoiceView } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n';
import { ActionBar } from './action-bar';
import { useStatusChange } from './use-status-change';

export type StatusAction = { to: InvoiceStatusTarget; label: MessageKey; appearance: 'primary' | 'secondary' };
type Action = StatusAction;

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

/** What the status buttons need of an invoice: the open invoice's view, or a row of the project's invoice list (ui/billing/). */
export type StatusSubject = { invoice: Pick<InvoiceView['invoice'], 'id' | 'status' | 'isLatest'>; contract: Pick<InvoiceView['contract'], 'kind'> };

/** The status changes the server allows from this invoice's current status (also used beside classified email replies). */
export function allowedStatusActions(view: StatusSubject): StatusAction[] {
  const kind = view.contract.kind === 'prime' ? 'prime' : 'commitment';
  return (flows[kind][view.invoice.status] ?? []).filter((a) => a.to !== 'revise_and_resubmit' || view.invoice.isLatest);
}

export type StatusActionsProps = {
  api: ApiClient;
  view: StatusSubject;
  access: Contract['myAccess'] | undefined;
  /** edits still waiting to sync: submitting now would freeze figures without them */
  hasUnsavedEdits: boolean;
  onChanged: (view: InvoiceView) => void;
};

export function StatusActions({ api, view, access, hasUnsavedEdits, onChanged }: StatusActionsProps) {
  const { t } = useI18n();
  const kind = view.contract.kind === 'prime' ? 'prime' : 'commitment';
  const tool = t(kind === 'prime' ? 'tool.prime' : 'tool.commitment');
  const isAdmin = access?.isToolAdmin === true;
  const canWrite = isAdmin || (kind === 'commitment' && access?.isInvoiceContact === true);
  const actions = allowedStatusActions(view);
  const { busy, message, run } = useStatusChange(api, view.invoice.id, onChanged);

  // Read-only users see nothing to press: the lock banner already says why.
  if (!canWrite && !isAdmin) return null;

  return (
    <ActionBar label="status actions" message={message} messageTestId="status-action-message">
      {actions.map((a) => {
        const isSubmit = a.to === 'under_review';
        const blocked = isSubmit
          ? !canWrite
            ? t('action.needsAdmin', { tool })
            : hasUnsavedEdits
              ? t('action.saveFirst')
              : null
          : !isAdmin
            ? t('action.needsAdmin', { tool })
            : null;
        const button = (
          <Button key={a.to} appearance={a.appearance} size="small" disabled={busy !== null || blocked !== null} onClick={() => run(a.to)} data-action={a.to}>
            {busy === a.to ? t('action.busy') : t(a.label)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={a.to} content={blocked} relationship="description">
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </ActionBar>
  );
}

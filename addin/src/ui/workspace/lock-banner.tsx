import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { InvoiceView } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import type { I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n';

/**
 * Why this user cannot edit this invoice, in their language. The server's notEditableReason is
 * English; the same facts (latest? status? write access?) are in the view, so the banner says it
 * from them and falls back to the server's sentence for a reason it does not know.
 */
export function lockReason(view: InvoiceView, { t }: Pick<I18n, 't'>): string | null {
  const inv = view.invoice;
  if (inv.isEditable) return null;
  const tool = t(view.contract.kind === 'prime' ? 'tool.prime' : 'tool.commitment');
  const reason = inv.notEditableReason ?? '';
  if (/^read-only/i.test(reason)) return t('lock.readOnly', { tool });
  if (!inv.isLatest && inv.editableInvoiceNumber != null) return t('lock.notLatest', { number: inv.editableInvoiceNumber });
  if (inv.status === 'approved' || inv.status === 'approved_as_noted') return t('lock.approved');
  if (inv.status !== 'draft' && inv.status !== 'revise_and_resubmit') {
    const hint = inv.status === 'under_review' ? ` ${t('lock.underReviewHint')}` : '';
    return `${t('lock.locked', { number: inv.number, status: t(`status.${inv.status}` as MessageKey).toLowerCase() })}${hint}`;
  }
  return reason || null;
}

type Props = {
  view: InvoiceView;
  /** offered when another invoice of the contract is the editable one */
  onOpenEditable?: (invoiceNumber: number) => void;
};

export function LockBanner({ view, onOpenEditable }: Props) {
  const i18n = useI18n();
  const reason = lockReason(view, i18n);
  if (!reason) return null;
  const editable = !view.invoice.isLatest ? view.invoice.editableInvoiceNumber : null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="lock-banner">
      <MessageBarBody>
        <MessageBarTitle>{i18n.t('lock.title')}</MessageBarTitle>
        {reason}
      </MessageBarBody>
      {editable != null && onOpenEditable && (
        <MessageBarActions>
          <Button size="small" onClick={() => onOpenEditable(editable)}>
            {i18n.t('lock.openEditable', { number: editable })}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

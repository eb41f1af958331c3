import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { InvoiceView } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import { lockReason } from '../../i18n/lock-reason';

// lockReason lives with the pane's words: the G703 sheet's status line says it too (excel/render-invoice.ts).
export { lockReason };

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

import { useState } from 'react';
import type { ApiClient, InvoiceStatusTarget, InvoiceView } from '../../api';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from './error-text';

export type StatusChangeMessage = { intent: 'success' | 'error'; text: string };

/**
 * Changes an invoice's status (the server checks the transition and the permission) and reports
 * the outcome in the user's language. Shared by the workspace's status buttons and the one-click
 * actions beside a classified email reply.
 */
export function useStatusChange(api: ApiClient, invoiceId: string, onChanged: (next: InvoiceView) => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<InvoiceStatusTarget | null>(null);
  const [message, setMessage] = useState<StatusChangeMessage | null>(null);

  async function run(to: InvoiceStatusTarget) {
    setBusy(to);
    setMessage(null);
    try {
      const next = await api.changeStatus(invoiceId, to);
      onChanged(next);
      setMessage({ intent: 'success', text: t('action.done', { number: next.invoice.number, status: t(`status.${next.invoice.status}` as MessageKey) }) });
    } catch (err) {
      setMessage({ intent: 'error', text: t('action.failed', { message: errorText(err, t) }) });
    } finally {
      setBusy(null);
    }
  }

  return { busy, message, run };
}

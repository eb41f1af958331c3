// Why this user cannot edit an invoice, in a language: said by the pane's lock banner
// (ui/workspace/lock-banner.tsx) and by the G703 sheet's status line (excel/render-invoice.ts).
import type { InvoiceView } from '../api/types';
import type { MessageKey } from './index';
import type { I18n } from './i18n-context';

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

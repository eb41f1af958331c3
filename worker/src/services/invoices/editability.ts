import type { InvoiceState } from './invoice-state';
import { invoiceStatusLabels } from '@shared/i18n/invoice-statuses';
import { toolNameOfKind } from '../access/levels';

export type Editability = { isEditable: boolean; reason: string | null; editableInvoiceNumber: number | null };

/** May this user write to this invoice's lines? (docs/domain.md "Invoice lifecycle" and "Permissions") */
export function canWriteInvoices(state: Pick<InvoiceState, 'access'>): boolean {
  const a = state.access;
  return a.contract.kind === 'prime' ? a.isToolAdmin : a.isToolAdmin || a.isInvoiceContact;
}

export function editability(state: InvoiceState): Editability {
  const { invoice, latestInvoice, access } = state;
  const latestNo = latestInvoice.number;
  if (!canWriteInvoices(state)) {
    const tool = toolNameOfKind(access.contract.kind);
    return { isEditable: false, reason: `Read-only access: editing invoices needs admin on ${tool}`, editableInvoiceNumber: null };
  }
  if (invoice.id !== latestInvoice.id) {
    return {
      isEditable: false,
      reason: `Only the most recent invoice can be edited: Invoice #${latestNo} is the editable one`,
      editableInvoiceNumber: latestNo,
    };
  }
  if (invoice.status !== 'draft' && invoice.status !== 'revise_and_resubmit') {
    const label = invoiceStatusLabels.byLocale.en[invoice.status].toLowerCase();
    const hint = invoice.status === 'under_review' ? '; an admin can return it with Revise & resubmit' : '';
    return { isEditable: false, reason: `Invoice #${invoice.number} is ${label} and locked${hint}`, editableInvoiceNumber: null };
  }
  return { isEditable: true, reason: null, editableInvoiceNumber: invoice.number };
}

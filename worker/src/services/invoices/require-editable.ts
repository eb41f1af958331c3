import { AppError } from '../../lib/app-error';
import { canWriteInvoices, type Editability } from './editability';
import type { InvoiceState } from './invoice-state';

/** Refuses a write: 403 when the user lacks the permission, 409 INVOICE_NOT_EDITABLE when the invoice is locked. */
export function requireEditable(state: InvoiceState, edit: Editability): void {
  if (edit.isEditable) return;
  if (!canWriteInvoices(state)) throw new AppError('FORBIDDEN', edit.reason!);
  throw new AppError('INVOICE_NOT_EDITABLE', edit.reason!, [], { editableInvoiceNumber: edit.editableInvoiceNumber });
}

import type { TUpdateGeneralInfo } from '@shared/api/invoices';
import type { GeneralInfoField } from '@shared/i18n/general-info-labels';
import type { ServiceCtx } from '../../context';
import { invoiceInfoHistory } from '../../db/schema';
import { editability } from './editability';
import { storedInfo } from './general-info';
import { getInvoice } from './get-invoice';
import { loadInvoiceState } from './invoice-state';
import { requireEditable } from './require-editable';
import { versionConflict, writeVersioned } from './versioned-write';

/**
 * PATCH /invoices/{id}: stores the invoice's general information (G702 header) fields sent; null puts
 * a field's default back. Same rules as a line edit: an invoice the user may not see is a 404
 * (loadInvoiceState); only invoice admins of the contract's tool, and only while the invoice is
 * editable (the latest one, draft or revise & resubmit: 403 / 409 with the reason); `ifMatch` must be
 * the current version (409 VERSION_CONFLICT otherwise, and the revision key guards a concurrent
 * write). Each changed field is appended to invoice_info_history in the same atomic batch.
 */
export async function updateGeneralInfo({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; ifMatch: number; body: TUpdateGeneralInfo } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  const { invoice } = state;
  requireEditable(state, editability(state));
  if (input.ifMatch !== invoice.version) throw versionConflict(invoice.version, input.ifMatch);

  const before = storedInfo(invoice);
  const changed = (Object.entries(input.body) as Array<[GeneralInfoField, string | null | undefined]>)
    .filter((e): e is [GeneralInfoField, string | null] => e[1] !== undefined && e[1] !== before[e[0]])
    .map(([field, value]) => ({ field, oldValue: before[field], newValue: value }));
  if (!changed.length) return getInvoice({ ctx, input: { invoiceId: invoice.id } });

  const version = invoice.version + 1;
  await writeVersioned(
    ctx,
    invoice.id,
    invoice.version,
    'general_info',
    changed.map((c) => ctx.db.insert(invoiceInfoHistory).values({ invoiceId: invoice.id, version, userId: ctx.user.id, ...c })),
    Object.fromEntries(changed.map((c) => [c.field, c.newValue])),
  );
  return getInvoice({ ctx, input: { invoiceId: invoice.id } });
}

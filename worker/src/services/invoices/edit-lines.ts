import type { TEditLines } from '@shared/api/invoices';
import type { ServiceCtx } from '../../context';
import { editability } from './editability';
import { loadInvoiceState } from './invoice-state';
import { parseEdits } from './parse-edits';
import { versionConflict } from './versioned-write';
import { requireEditable } from './require-editable';
import { requireRetainageTermsAdmin } from './retainage-terms';
import { saveLineEntries } from './save-entries';

/**
 * PATCH /invoices/:id/lines — many lines at once, all or nothing. Every bad cell is reported in
 * one 422; a stale If-Match gets 409 with the current version; nothing is written in either case.
 */
export async function editInvoiceLines({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; ifMatch: number; body: TEditLines } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  requireEditable(state, editability(state));
  requireRetainageTermsAdmin(state, input.body);
  if (state.invoice.version !== input.ifMatch) throw versionConflict(state.invoice.version, input.ifMatch);

  const parsed = parseEdits(state, input.body.edits);
  return saveLineEntries(ctx, state, { entries: parsed.entries, sovOverrides: parsed.sovOverrides, errors: parsed.errors, revisionKind: 'edit_lines' });
}

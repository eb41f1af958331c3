import type { TReleaseRetainage } from '@shared/api/invoices';
import type { LineEntry } from '@shared/engine/types';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { AppError } from '../../lib/app-error';
import { editability } from './editability';
import { computeState, entryFromRow, loadInvoiceState } from './invoice-state';
import { requireEditable } from './require-editable';
import { saveLineEntries } from './save-entries';
import { versionConflict } from './versioned-write';

/**
 * POST /invoices/:id/release-retainage — sets the retainage released on this invoice, on every
 * line at once ({ all: true }: everything held to date, i.e. column I as it stands without a
 * release on this invoice) or on the lines given ({ lines }: the amount released on this invoice,
 * replacing the line's). Version-checked like PATCH /invoices/:id/lines and written the same way
 * (save-entries.ts): the engine's cap (never above what is held) applies, all or nothing.
 */
export async function releaseRetainage({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; ifMatch: number; body: TReleaseRetainage } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  requireEditable(state, editability(state));
  if (state.invoice.version !== input.ifMatch) throw versionConflict(state.invoice.version, input.ifMatch);

  const stored = new Map<string, LineEntry>([...state.rows].map(([sovLineId, row]) => [sovLineId, entryFromRow(row)]));
  const entries = new Map<string, LineEntry>();
  const errors: ErrorDetail[] = [];
  if ('all' in input.body) {
    // What each line holds before any release on this invoice: I with this invoice's release at 0.
    const unreleased = new Map([...stored].map(([id, e]) => [id, { ...e, retainageReleasedCents: 0 }]));
    const held = computeState(state, unreleased);
    for (const line of held.lines) entries.set(line.lineId, { ...unreleased.get(line.lineId)!, retainageReleasedCents: Math.max(0, line.retainageCents) });
    if (held.lines.every((l) => l.retainageCents <= 0)) {
      throw new AppError('VALIDATION_FAILED', 'No retainage is held on this contract: there is nothing to release', [
        { field: 'all', code: 'NOTHING_HELD', message: `Invoice #${state.invoice.number}: no line holds retainage to date` },
      ]);
    }
  } else {
    const itemNo = new Map(state.sov.map((l) => [l.id, l.itemNo]));
    input.body.lines.forEach((l, index) => {
      const entry = entries.get(l.sovLineId) ?? stored.get(l.sovLineId);
      if (!entry) {
        errors.push({
          lineId: l.sovLineId,
          field: `lines[${index}].sovLineId`,
          code: 'LINE_NOT_FOUND',
          message: `Release ${index + 1}: no line ${l.sovLineId} on this invoice`,
        });
        return;
      }
      if (entries.has(l.sovLineId)) {
        errors.push({
          lineId: l.sovLineId,
          itemNo: itemNo.get(l.sovLineId),
          field: `lines[${index}].sovLineId`,
          code: 'DUPLICATE_LINE',
          message: `Release ${index + 1}: line ${itemNo.get(l.sovLineId)} is listed more than once`,
        });
        return;
      }
      entries.set(l.sovLineId, { ...entry, retainageReleasedCents: l.amountCents });
    });
  }
  return saveLineEntries(ctx, state, { entries, errors, revisionKind: 'release_retainage' });
}

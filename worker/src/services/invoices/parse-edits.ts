import type { ErrorDetail } from '@shared/errors';
import type { TLineEdit } from '@shared/api/invoices';
import { applyLineEdit, lineNotFound } from '@shared/api/line-edits';
import { releaseEditRefusals } from '@shared/api/release-edits';
import { billsByQuantity } from '@shared/engine';
import type { LineEntry } from '@shared/engine/types';
import type { InvoiceState, SovLineRow } from './invoice-state';
import { entryFromRow } from './invoice-state';

export type ParsedEdits = {
  entries: Map<string, LineEntry>;
  sovOverrides: Map<string, SovLineRow>;
  touched: Set<string>;
  errors: ErrorDetail[];
};

/**
 * Turns a bulk edit into new entries per line, collecting every bad cell (line, field, why)
 * instead of stopping at the first: the whole request is then accepted or refused as one.
 */
export function parseEdits(state: InvoiceState, edits: TLineEdit[]): ParsedEdits {
  const byId = new Map(state.sov.map((l) => [l.id, l]));
  const byItemNo = new Map(state.sov.map((l) => [l.itemNo, l]));
  const entries = new Map<string, LineEntry>();
  const sovOverrides = new Map<string, SovLineRow>();
  const touched = new Set<string>();
  const errors: ErrorDetail[] = [];

  edits.forEach((edit, index) => {
    const sov = edit.lineId ? byId.get(edit.lineId) : byItemNo.get(edit.itemNo ?? '');
    if (!sov || !state.rows.has(sov.id)) {
      errors.push(lineNotFound(edit, index));
      return;
    }
    const line = {
      lineId: sov.id,
      itemNo: sov.itemNo,
      contractSumCents: sov.originalScheduledValueCents + (state.coCentsByLine.get(sov.id) ?? 0),
      workCompletedPreviousCents: state.priors.get(sov.id)?.workCompletedToDateCents ?? 0,
      quantity: billsByQuantity(sov, state.access.contract)
        ? { scheduledQty: sov.scheduledQty ?? 0, workQtyPrevious: state.priors.get(sov.id)?.workQtyToDate ?? 0 }
        : null,
    };
    const before = entries.get(sov.id) ?? entryFromRow(state.rows.get(sov.id)!);
    const applied = applyLineEdit(edit, line, before);
    errors.push(...applied.errors);
    const entry = applied.entry;
    // A retainage release invoice takes the release column only (shared/api/release-edits.ts).
    if (state.invoice.kind === 'retainage_release') errors.push(...releaseEditRefusals(edit, { ...sov, lineId: sov.id }, before, entry));
    if (edit.workRetainageBpsOverride !== undefined || edit.storedRetainageBpsOverride !== undefined) {
      const base = sovOverrides.get(sov.id) ?? sov;
      sovOverrides.set(sov.id, {
        ...base,
        workRetainageBps: edit.workRetainageBpsOverride !== undefined ? edit.workRetainageBpsOverride : base.workRetainageBps,
        storedRetainageBps: edit.storedRetainageBpsOverride !== undefined ? edit.storedRetainageBpsOverride : base.storedRetainageBps,
      });
    }
    entries.set(sov.id, entry);
    touched.add(sov.id);
  });
  return { entries, sovOverrides, touched, errors };
}

import type { ComputedLine, LineEntry } from '@shared/engine/types';
import type { InvoiceLineRow } from './invoice-state';

/** The columns of an invoice line row that the engine computes (what the next invoice reads). */
export function snapshotOf(line: ComputedLine, entry: LineEntry) {
  return {
    workCompletedThisPeriodCents: entry.workCompletedThisPeriodCents,
    materialsPresentlyStoredCents: entry.materialsPresentlyStoredCents,
    workQtyThisPeriod: entry.workQtyThisPeriod,
    storedQty: entry.storedQty,
    retainageReleasedCents: entry.retainageReleasedCents,
    scheduledValueCents: line.scheduledValueCents,
    workCompletedToDateCents: line.workCompletedPreviousCents + line.workCompletedThisPeriodCents,
    workQtyToDate: line.workQtyToDate ?? 0,
    storedMaterialsCents: line.materialsPresentlyStoredCents,
    workRetainageCents: line.workRetainageCents,
    storedRetainageCents: line.storedRetainageCents,
    retainageReleasedToDateCents: line.retainageReleasedToDateCents,
  };
}

export type Snapshot = ReturnType<typeof snapshotOf>;

export const snapshotFields = Object.keys(
  snapshotOf({ workCompletedPreviousCents: 0, workCompletedThisPeriodCents: 0 } as ComputedLine, {
    workCompletedThisPeriodCents: 0,
    materialsPresentlyStoredCents: 0,
    workQtyThisPeriod: 0,
    storedQty: 0,
    retainageReleasedCents: 0,
  }),
) as Array<keyof Snapshot>;

export function changedFields(row: InvoiceLineRow, next: Snapshot): Array<keyof Snapshot> {
  return snapshotFields.filter((f) => row[f] !== next[f]);
}

/** Fields a user enters: their changes are written to the line history. */
export const entryFields = new Set<keyof Snapshot>([
  'workCompletedThisPeriodCents',
  'materialsPresentlyStoredCents',
  'workQtyThisPeriod',
  'storedQty',
  'retainageReleasedCents',
]);

// Sheet-side state of a session that must outlive a failed Excel batch or a task-pane reload:
// the addresses of changes not yet read back (the dirty set), the cells a co-author changed
// (never sent as this user's edits), and the G702 "provisional" notice.

import type { InvoiceView } from '../api/types';
import type { ColumnOverrides, ColumnView } from '../excel/columns';
import type { CellValue } from '../excel/units';
import { sameCell } from '../excel/units';
import type { StorageLike } from './queue';
import type { Locale } from '@shared/i18n/locales';
import { formatCents } from '@shared/money';
import { sheetLabels } from '../excel/sheet-labels';

export const dirtyKey = (invoiceId: string) => `progressBilling.dirty.${invoiceId}`;

/**
 * Addresses of local changes whose read-back has not succeeded yet (Excel refused the batch, e.g.
 * cell-edit mode on a host that ignores delayForCellEdit). Persisted at once, so an edit is never
 * forgotten between the change event and the edit queue; the rows are mapped by the ids read with
 * them, so an address that moved since is still read safely.
 */
export class DirtySet {
  private readonly set = new Set<string>();
  constructor(
    private readonly storage: StorageLike,
    private readonly invoiceId: string,
  ) {
    try {
      const raw = storage.getItem(dirtyKey(invoiceId));
      for (const a of raw ? (JSON.parse(raw) as string[]) : []) this.set.add(a);
    } catch {
      // An unreadable entry is dropped; open() reads every editable cell anyway.
    }
  }
  add(address: string): void {
    this.set.add(address);
    this.persist();
  }
  delete(address: string): void {
    if (this.set.delete(address)) this.persist();
  }
  values(): string[] {
    return [...this.set];
  }
  get size(): number {
    return this.set.size;
  }
  private persist(): void {
    if (this.set.size) this.storage.setItem(dirtyKey(this.invoiceId), JSON.stringify([...this.set]));
    else this.storage.removeItem(dirtyKey(this.invoiceId));
  }
}

/**
 * Values co-authors put in cells (onChanged source 'Remote'). Such a value is theirs to save with
 * their own add-in and token; this session never sends it, also not later when a Refresh or a
 * reopen reads the sheet. A different value typed here afterwards is this user's edit again.
 */
export class RemoteValues {
  private readonly map = new Map<string, CellValue>();
  note(key: string, value: CellValue): void {
    this.map.set(key, value);
  }
  isRemote(key: string, value: CellValue): boolean {
    return this.map.has(key) && sameCell(this.map.get(key), value);
  }
}

/** The G702 cell that holds the notice (row 2 is left blank by excel/g702-plan.ts). */
export const G702_NOTICE_CELL = 'A2';

/**
 * While cells are refused or unsaved the sheet's G702 computes with what is typed (a refused cell
 * as typed, usually 0), so its figures are not the certified ones: say so, and which server figure
 * stands, in the sheets' language. '' when the sheet agrees with the server.
 */
export function noticeText(counts: { refused: number; unsaved: number }, view: Pick<InvoiceView, 'g702'> | null, locale: Locale): string {
  if (!view || (!counts.refused && !counts.unsaved)) return '';
  return sheetLabels(locale).g702.provisional({ ...counts, due: formatCents(view.g702.line8CurrentPaymentDueCents, locale) });
}

/**
 * Layout preferences (column view, grouping) belong to the user, not to the shared workbook: they
 * are kept in the task pane's storage, so a co-author's choice is not written into this user's
 * settings. (Applying them still hides columns or groups rows on the shared sheet; README.)
 */
export type Layout = { columnView: ColumnView; grouped: boolean; columnOverrides: ColumnOverrides };
export const layoutKey = (invoiceId: string) => `progressBilling.layout.${invoiceId}`;

export function readLayout(storage: StorageLike, invoiceId: string): Layout | null {
  try {
    const raw = storage.getItem(layoutKey(invoiceId));
    const layout = raw ? (JSON.parse(raw) as Partial<Layout>) : null;
    return layout ? { columnView: layout.columnView ?? 'standard', grouped: layout.grouped ?? false, columnOverrides: layout.columnOverrides ?? {} } : null;
  } catch {
    return null;
  }
}

export function writeLayout(storage: StorageLike, invoiceId: string, layout: Layout): void {
  storage.setItem(layoutKey(invoiceId), JSON.stringify({ columnView: layout.columnView, grouped: layout.grouped, columnOverrides: layout.columnOverrides }));
}

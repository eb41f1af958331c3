// The last synced value of every editable cell of the G703: the server's view the session adopted,
// plus the cells saved or written back since. A diff of the sheet starts from it.

import type { InvoiceLine, InvoiceView } from '../api/types';
import type { EditField } from '../excel/columns';
import { serverCellValue } from '../excel/layout';
import type { CellValue } from '../excel/units';
import { cellKey } from './edits';

/**
 * Values of the adopted view are derived when asked instead of copied: a copy was 30,000 map
 * entries (5,000 lines × 6 fields) built on every open, refresh and 409 rebase, ≈ 30 ms of the
 * open (sync/session.ts `adopt`), while only the cells the user edits are ever looked up. The
 * view's lines are never mutated (a save or refresh replaces the view), so deriving later gives
 * what a copy would have held.
 */
export class SyncedCopy {
  private view: InvoiceView | null = null;
  private byLine: Map<string, InvoiceLine> | null = null;
  private readonly since = new Map<string, CellValue>();

  /** Take `view` as the synced state of every cell; cells set before are forgotten. */
  reset(view: InvoiceView): void {
    this.view = view;
    this.byLine = null;
    this.since.clear();
  }

  /** undefined for a line the adopted view does not have and no save gave a value */
  get(lineId: string, field: EditField): CellValue | undefined {
    const k = cellKey(lineId, field);
    if (this.since.has(k)) return this.since.get(k);
    if (!this.view) return undefined;
    this.byLine ??= new Map(this.view.lines.map((l) => [l.lineId, l]));
    const line = this.byLine.get(lineId);
    return line ? serverCellValue(line, field) : undefined;
  }

  set(lineId: string, field: EditField, value: CellValue): void {
    this.since.set(cellKey(lineId, field), value);
  }
}

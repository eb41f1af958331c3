// The queue of unsynced edits, kept in a Storage (localStorage in the task pane) on every change,
// so a task pane reload or a crash loses nothing. Each entry remembers the server value the user
// overwrote (`base`): on a version conflict, a cell whose server value moved since collides.

import type { EditField } from '../excel/columns';
import type { CellValue } from '../excel/units';
import { cellKey } from './edits';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type QueuedEdit = { lineId: string; itemNo: string; field: EditField; value: CellValue; base: CellValue };

type Stored = { v: 1; invoiceId: string; version: number | null; edits: QueuedEdit[] };

export const storageKey = (invoiceId: string) => `progressBilling.queue.${invoiceId}`;

export class EditQueue {
  private readonly map = new Map<string, QueuedEdit>();
  /** the invoice version the edits were made against */
  version: number | null = null;

  constructor(
    private readonly storage: StorageLike,
    private readonly invoiceId: string,
  ) {}

  load(): void {
    this.map.clear();
    const raw = this.storage.getItem(storageKey(this.invoiceId));
    if (!raw) return;
    try {
      const s = JSON.parse(raw) as Stored;
      if (s.v !== 1 || s.invoiceId !== this.invoiceId) return;
      this.version = s.version;
      for (const e of s.edits) this.map.set(cellKey(e.lineId, e.field), e);
    } catch {
      // Unreadable queue (another version of the add-in): start empty rather than crash.
    }
  }

  persist(): void {
    if (!this.map.size) {
      this.storage.removeItem(storageKey(this.invoiceId));
      return;
    }
    const s: Stored = { v: 1, invoiceId: this.invoiceId, version: this.version, edits: [...this.map.values()] };
    this.storage.setItem(storageKey(this.invoiceId), JSON.stringify(s));
  }

  get size(): number {
    return this.map.size;
  }
  get(key: string): QueuedEdit | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(e: QueuedEdit): void {
    this.map.set(cellKey(e.lineId, e.field), e);
  }
  delete(key: string): boolean {
    return this.map.delete(key);
  }
  values(): QueuedEdit[] {
    return [...this.map.values()];
  }
}

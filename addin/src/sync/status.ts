// The status line, as structured data plus English text. The UI localizes from `key` + `params`
// (or passes its own translate function to statusMessage); `message` is the English fallback.

import type { G702Mismatch } from '../excel/read';
import type { EditField } from '../excel/columns';
import type { CellValue } from '../excel/units';

export type SyncStatusKind = 'saved' | 'saving' | 'pending' | 'offline' | 'error' | 'conflict';

export type StatusKey =
  | 'sync.opening'
  | 'sync.saved'
  | 'sync.saving'
  | 'sync.pending'
  | 'sync.offline'
  | 'sync.retrying'
  | 'sync.error'
  | 'sync.rejected'
  | 'sync.conflict'
  | 'sync.mismatch'
  | 'sync.readOnly';

export type StatusParams = { count?: number; seconds?: number; message?: string; line?: string };

/** A cell the server refused: marked on the sheet, the user's value kept until corrected. */
export type RejectedCell = { lineId: string; itemNo: string; field: EditField; value: CellValue; code: string; message: string };

/** An unsynced edit that collided with someone else's change to the same line and field. */
export type ConflictCell = { lineId: string; itemNo: string; field: EditField; mine: CellValue; theirs: CellValue };

export type SyncStatus = {
  kind: SyncStatusKind;
  key: StatusKey;
  params: StatusParams;
  /** English text, e.g. "Saved", "Saving 5,000 cells…", "3 edits not yet saved" */
  message: string;
  /** edits typed but not yet confirmed by the server (queued + in flight) */
  pendingCount: number;
  /** cells in the request now in flight */
  savingCount: number;
  rejected: RejectedCell[];
  conflicts: ConflictCell[];
  /** G702 lines where the sheet's formulas disagree with the server after the last sync */
  mismatch: G702Mismatch[];
  /** the invoice version the sheet is synced to */
  version: number | null;
  lastSavedAt: string | null;
  /** when the next automatic retry happens (offline / server trouble) */
  retryInMs: number | null;
  error: { code: string; message: string; requestId?: string } | null;
};

export type Translate = (key: StatusKey, params: StatusParams) => string;

const fmt = (n: number | undefined) => new Intl.NumberFormat('en-US').format(n ?? 0);
const plural = (n: number | undefined, one: string, many: string) => (n === 1 ? one : many);

export const englishStatus: Translate = (key, p) => {
  switch (key) {
    case 'sync.opening':
      return 'Opening the invoice…';
    case 'sync.saved':
      return 'Saved';
    case 'sync.saving':
      return `Saving ${fmt(p.count)} ${plural(p.count, 'cell', 'cells')}…`;
    case 'sync.pending':
      return `${fmt(p.count)} ${plural(p.count, 'edit', 'edits')} not yet saved`;
    case 'sync.offline':
      return `Offline: ${fmt(p.count)} ${plural(p.count, 'edit', 'edits')} not yet saved; retrying in ${p.seconds ?? 0}s`;
    case 'sync.retrying':
      return `${p.message ?? 'The server did not answer'}: ${fmt(p.count)} ${plural(p.count, 'edit', 'edits')} not yet saved; retrying in ${p.seconds ?? 0}s`;
    case 'sync.error':
      return p.message ?? 'Something went wrong';
    case 'sync.rejected':
      return `${fmt(p.count)} ${plural(p.count, 'cell', 'cells')} could not be saved: ${p.message ?? ''}`.trim();
    case 'sync.conflict':
      return `${fmt(p.count)} of your ${plural(p.count, 'edit', 'edits')} collided with changes made by someone else`;
    case 'sync.mismatch':
      return `The G702 on the sheet differs from the server on ${p.line ?? 'a line'}; the server's figures are the truth`;
    case 'sync.readOnly':
      return p.message ?? 'This invoice is read-only';
  }
};

export function statusMessage(status: Pick<SyncStatus, 'key' | 'params'>, t: Translate = englishStatus): string {
  return t(status.key, status.params);
}

// The status line, as structured data plus English text. The UI localizes from `key` + `params`
// (or passes its own translate function to statusMessage); `message` is the English fallback. The
// session's own sentences (params.message of error/read-only) are already in the pane's language
// (SessionOptions.locale, excel/message-labels.ts).
import { messageLabels } from '../excel/message-labels';
import { translate, translatePlural } from '../i18n';
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

/** The status line's text in English from the pane's catalogue (addin/src/i18n/en.ts); the pane shows it translated (status-line.tsx). */
export const englishStatus: Translate = (key, p) => {
  const count = p.count ?? 0;
  const seconds = p.seconds ?? 0;
  switch (key) {
    case 'sync.opening':
    case 'sync.saved':
      return translate('en', key);
    case 'sync.saving':
      return p.count ? translatePlural('en', 'sync.savingCells', count) : translate('en', key);
    case 'sync.pending':
    case 'sync.conflict':
      return translatePlural('en', key, count);
    case 'sync.offline':
      return translatePlural('en', key, count, { seconds });
    case 'sync.retrying':
      return translatePlural('en', key, count, { seconds, message: p.message ?? messageLabels('en').noAnswer });
    case 'sync.rejected':
      return translatePlural('en', key, count, { message: p.message ?? '' });
    case 'sync.mismatch':
      return translate('en', key, { line: p.line ?? 'a line' });
    // the session's own sentence (the UI puts "Error:" / "Read-only:" before it)
    case 'sync.error':
      return p.message ?? messageLabels('en').somethingWrong;
    case 'sync.readOnly':
      return p.message ?? messageLabels('en').readOnly;
  }
};

export function statusMessage(status: Pick<SyncStatus, 'key' | 'params'>, t: Translate = englishStatus): string {
  return t(status.key, status.params);
}

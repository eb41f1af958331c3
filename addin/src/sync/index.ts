/**
 * Sync layer: one session per open invoice.
 *
 * Edits are detected with onChanged on the G703 sheet. The add-in's own writes are skipped
 * (triggerSource 'ThisLocalAddin' on ExcelApi 1.14+, else an own-write log), and anything that
 * slips through diffs to nothing against the last synced copy. A co-author's edits (source
 * 'Remote') are left to the co-author's own add-in; refresh() picks them up from the server.
 *
 *   const session = createInvoiceSession({ api, invoiceId, storage: localStorage, onStatus, onView,
 *                                          header, terms, columnView, grouped });
 *   await session.open();      // render G703 + G702, reconnect edits made while closed, watch the sheet
 *   session.status();          // SyncStatus (also pushed through onStatus on every change)
 *   await session.refresh();   // pull server changes; unsynced edits stay, colliding ones → conflicts
 *   await session.setColumnView('compact' | 'standard' | 'all'); await session.setGrouped(true);
 *   await session.search('concrete'); await session.flush(); await session.dismissConflicts();
 *   await session.close();
 *
 * SyncStatus (see ./status.ts) — what the status line shows:
 *   kind      'saved' | 'saving' | 'pending' | 'offline' | 'error' | 'conflict'
 *   key       translation key: sync.saved | sync.saving | sync.pending | sync.offline | sync.retrying |
 *             sync.error | sync.rejected | sync.conflict | sync.mismatch | sync.readOnly | sync.opening
 *   params    { count?, seconds?, message?, line? } to fill the translated text
 *   message   English text ("Saved", "Saving 5,000 cells…", "3 edits not yet saved", the error)
 *   rejected  cells the server refused (marked on the sheet, user's value kept), with messages
 *   conflicts edits that collided with someone else's change: { itemNo, field, mine, theirs }
 *   mismatch  G702 lines where the sheet's formulas differ from the server after a sync
 *   pendingCount, savingCount, version, lastSavedAt, retryInMs, error
 * Localize with statusMessage(status, t) (./status.ts) where t(key, params) returns the text; englishStatus is
 * the default. Server messages (params.message, rejected[].message) come from the server as is.
 */

export { createInvoiceSession } from './session';
export type { InvoiceSession } from './session';
export type { SyncStatus } from './status';
export type { StorageLike } from './queue';

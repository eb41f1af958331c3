// How the user likes the sheet shown (column view, row height, grouped): a preference of this
// user on this computer, so it lives in the pane's storage and applies to every invoice.
import type { ColumnOverrides, ColumnView, RowHeight } from './workbook-controls';

export type ViewPrefs = { columnView: ColumnView; columnOverrides: ColumnOverrides; rowHeight: RowHeight; isGrouped: boolean };

const KEY = 'progress-billing.viewPrefs';
const DEFAULTS: ViewPrefs = { columnView: 'standard', columnOverrides: {}, rowHeight: 'normal', isGrouped: false };

export function loadViewPrefs(): ViewPrefs {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const p = raw ? (JSON.parse(raw) as Partial<ViewPrefs>) : {};
    return {
      columnView: p.columnView === 'compact' || p.columnView === 'all' ? p.columnView : DEFAULTS.columnView,
      columnOverrides: p.columnOverrides && typeof p.columnOverrides === 'object' ? p.columnOverrides : {},
      rowHeight: p.rowHeight === 'compact' || p.rowHeight === 'tall' ? p.rowHeight : DEFAULTS.rowHeight,
      isGrouped: p.isGrouped === true,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveViewPrefs(p: ViewPrefs): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p));
  } catch {
    /* storage full or disabled: the preference lasts for this session */
  }
}

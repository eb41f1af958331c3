// The G703 table's columns per accounting method: number format, which edit field a column
// feeds, and the column views it shows in. Pure data; no Excel calls. The header texts, in the
// sheets' languages, are sheet-labels.ts (g703.columns).

import type { AccountingMethod } from '@shared/engine/types';
import { columnLetter } from './a1';

/** The PATCH fields a user edits in the sheet (keys of the edit body, see api/types LineEdit). */
export type EditField = 'workCompletedThisPeriod' | 'materialsPresentlyStored' | 'workQtyThisPeriod' | 'storedQty' | 'retainageReleased' | 'percentComplete';
export const EDIT_FIELDS: readonly EditField[] = [
  'workCompletedThisPeriod',
  'materialsPresentlyStored',
  'workQtyThisPeriod',
  'storedQty',
  'retainageReleased',
  'percentComplete',
];

export type ColumnView = 'standard' | 'compact' | 'all';

/**
 * The user's own choice per column on top of a preset view: true shown, false hidden; a column not
 * named follows the preset. Choosing a preset starts from no overrides.
 */
export type ColumnOverrides = Partial<Record<ColumnKey, boolean>>;

export type ColumnKey =
  | 'itemNo'
  | 'description'
  | 'unit'
  | 'scheduledQty'
  | 'unitPrice'
  | 'scheduled'
  | 'qtyPrevious'
  | 'qtyThisPeriod'
  | 'qtyToDate'
  | 'storedQty'
  | 'previous'
  | 'thisPeriod'
  | 'stored'
  | 'total'
  | 'percent'
  | 'balance'
  | 'retainage'
  | 'releaseThisPeriod'
  | 'workRetainage'
  | 'storedRetainage'
  | 'releasedPrevious'
  | 'workRetainageNet'
  | 'storedRetainageNet'
  | 'group'
  | 'kind'
  | 'lineId';

export type Format = 'text' | 'money' | 'qty' | 'price' | 'percent';

/** Excel number formats: money negative in parentheses (accounting habit), quantities up to 4 decimals. */
export const NUMBER_FORMAT: Record<Format, string> = {
  text: '@',
  money: '#,##0.00;(#,##0.00)',
  qty: '#,##0.00##;(#,##0.00##)',
  price: '#,##0.00##',
  percent: '0.00%',
};

export type ColumnDef = {
  key: ColumnKey;
  format: Format;
  /** the edit field this column feeds, on the rows where it is editable */
  editField?: EditField;
  views: readonly ColumnView[];
  /** width in points */
  width: number;
  /** summed on subtotal rows (money columns) */
  isSummed?: boolean;
};

const STD: readonly ColumnView[] = ['standard', 'compact', 'all'];
const STD_ALL: readonly ColumnView[] = ['standard', 'all'];
const ALL: readonly ColumnView[] = ['all'];
const NEVER: readonly ColumnView[] = [];

const money = (key: ColumnKey, views: readonly ColumnView[], editField?: EditField): ColumnDef => ({
  key,
  format: 'money',
  views,
  width: 96,
  isSummed: true,
  ...(editField ? { editField } : {}),
});

const head: ColumnDef[] = [
  { key: 'itemNo', format: 'text', views: STD, width: 60 },
  { key: 'description', format: 'text', views: STD, width: 240 },
];
const unitCols: ColumnDef[] = [
  { key: 'unit', format: 'text', views: STD_ALL, width: 44 },
  { key: 'scheduledQty', format: 'qty', views: STD_ALL, width: 80 },
  { key: 'unitPrice', format: 'price', views: STD_ALL, width: 80 },
];
const qtyCols: ColumnDef[] = [
  { key: 'qtyPrevious', format: 'qty', views: STD_ALL, width: 80 },
  { key: 'qtyThisPeriod', format: 'qty', views: STD, width: 80, editField: 'workQtyThisPeriod' },
  { key: 'qtyToDate', format: 'qty', views: STD_ALL, width: 80 },
  { key: 'storedQty', format: 'qty', views: STD, width: 80, editField: 'storedQty' },
];
// G is =SUM(D,E,F) of the row (layout.ts lineRow).
const amountCols: ColumnDef[] = [
  money('previous', STD_ALL),
  money('thisPeriod', STD, 'workCompletedThisPeriod'),
  money('stored', STD, 'materialsPresentlyStored'),
  money('total', STD),
  // An input on line rows: it shows the server's G ÷ C; a typed percentage is sent as percentComplete
  // (cumulative work, or quantity on unit lines = round(scheduled × pct): docs/billing-rules.md).
  { key: 'percent', format: 'percent', views: STD, width: 60, editField: 'percentComplete' },
  money('balance', STD),
  money('retainage', STD),
  money('releaseThisPeriod', STD_ALL, 'retainageReleased'),
  money('workRetainage', ALL),
  money('storedRetainage', ALL),
  money('releasedPrevious', ALL),
  money('workRetainageNet', ALL),
  money('storedRetainageNet', ALL),
];
const tail: ColumnDef[] = [
  { key: 'group', format: 'text', views: ALL, width: 120 },
  // Row kind ("line" | "subtotal") lets the G702 sum lines only (SUMIFS), whatever the layout.
  { key: 'kind', format: 'text', views: NEVER, width: 50 },
  // The server's line id: edits are read back by id, never by row position.
  { key: 'lineId', format: 'text', views: NEVER, width: 120 },
];

export type ColumnSet = {
  list: Array<ColumnDef & { index: number; letter: string }>;
  byKey: Map<ColumnKey, ColumnDef & { index: number; letter: string }>;
  /** column letter of a key (throws for a column this method lacks) */
  at: (key: ColumnKey) => string;
  has: (key: ColumnKey) => boolean;
};

export function columnsFor(method: AccountingMethod): ColumnSet {
  const defs =
    method === 'unit'
      ? [...head, ...unitCols, money('scheduled', STD), ...qtyCols, ...amountCols, ...tail]
      : [...head, money('scheduled', STD), ...amountCols, ...tail];
  const list = defs.map((d, index) => ({ ...d, index, letter: columnLetter(index) }));
  const byKey = new Map(list.map((c) => [c.key, c]));
  return {
    list,
    byKey,
    at: (key) => {
      const c = byKey.get(key);
      if (!c) throw new Error(`No column ${key} for ${method}-based contracts`);
      return c.letter;
    },
    has: (key) => byKey.has(key),
  };
}

/** Is the column shown under this preset and these overrides? The technical columns never are. */
export function isColumnShown(def: Pick<ColumnDef, 'key' | 'views'>, view: ColumnView, overrides: ColumnOverrides = {}): boolean {
  if (!canToggleColumn(def)) return false;
  return overrides[def.key] ?? def.views.includes(view);
}

/** Every column a user may show or hide: all but the row kind and the line id (views: NEVER). */
export function canToggleColumn(def: Pick<ColumnDef, 'views'>): boolean {
  return def.views.length > 0;
}

// What the rest of the add-in needs to know about a rendered invoice: plain data, no Excel objects.

import type { AccountingMethod } from '@shared/engine/types';
import type { Locale } from '@shared/i18n/locales';
import type { ColumnKey, ColumnView, EditField } from './columns';
import type { CoSummaryKey, G702LineKey } from './g702-plan';
import type { SheetLayout } from './layout';

export type SheetInfo = {
  invoiceId: string;
  g703Sheet: string;
  g702Sheet: string;
  /** Worksheet.id of each sheet: stable across renames; '' when not known (a probe before render) */
  g703SheetId: string;
  g702SheetId: string;
  tableName: string;
  accountingMethod: AccountingMethod;
  /** the language of the sheets' labels and headers (InvoiceBinding.locale) */
  locale: Locale;
  /** 0-based sheet rows */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: Array<{ key: ColumnKey; letter: string; index: number; editField: EditField | null; isSummed: boolean }>;
  rowByLineId: Record<string, number>;
  /** edit fields editable per line (empty when the invoice is not editable) */
  editableByLine: Record<string, EditField[]>;
  g702Cells: Record<G702LineKey, string>;
  coCells: Record<CoSummaryKey, string>;
  columnView: ColumnView;
  grouped: boolean;
  canEdit: boolean;
  /** custom groups shown as subtotal rows: 0-based rows of each group's lines */
  groups: Array<{ name: string; firstRow: number; lastRow: number; subtotalRow: number }>;
};

export function columnIndexOf(info: SheetInfo, key: ColumnKey): number {
  const c = info.columns.find((x) => x.key === key);
  if (!c) throw new Error(`No column ${key} on ${info.g703Sheet}`);
  return c.index;
}

/** The column a given edit field lives in (quantity fields exist only on unit-based sheets). */
export function columnOfEditField(info: SheetInfo, field: EditField): number | null {
  return info.columns.find((c) => c.editField === field)?.index ?? null;
}

export function groupsOf(layout: SheetLayout): SheetInfo['groups'] {
  const out: SheetInfo['groups'] = [];
  let first: number | null = null;
  for (const r of layout.rows) {
    if (r.kind === 'line') first ??= r.row;
    else {
      const name = String(r.cells[layout.cols.byKey.get('group')!.index] ?? '');
      out.push({ name, firstRow: first ?? r.row, lastRow: r.row - 1, subtotalRow: r.row });
      first = null;
    }
  }
  return out;
}

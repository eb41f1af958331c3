// The G703 sheet as a plan: header block, one row per line (and per group subtotal when grouped),
// every cell as a value or a formula. Pure; render-invoice.ts turns it into Excel calls.
// Row/column numbers here are 0-based; formulas use 1-based A1.

import { billsByQuantity } from '@shared/engine';
import type { InvoiceLine, InvoiceView } from '../api/types';
import { columnsFor, NUMBER_FORMAT, type ColumnKey, type ColumnSet, type EditField } from './columns';
import { sheetLabels } from './sheet-labels';
import { centsToCell, percentToCell, qtyToCell, type CellValue } from './units';

/** The contract's retainage terms (ContractView fields); with them, retainage is a live formula. */
export type RetainageTerms = {
  workRetainageBps: number;
  storedRetainageBps: number;
  retainageReduction: unknown | null;
};

/** Unsynced user values to show instead of the server's (per line, per edit field). */
export type PendingValues = Map<string, Partial<Record<EditField, CellValue>>>;

export type LayoutOptions = {
  grouped: boolean;
  terms?: RetainageTerms | null;
  pending?: PendingValues;
  /** the sheets' language (subtotal and group names); English by default */
  locale?: string;
};

export type RowPlan = {
  row: number;
  kind: 'line' | 'subtotal';
  lineId: string | null;
  /** edit fields editable on this row (amount or quantity, by how the line bills) */
  editable: EditField[];
  cells: CellValue[];
};

export type SheetLayout = {
  cols: ColumnSet;
  headerRow: number;
  firstDataRow: number;
  /** last data row (inclusive); firstDataRow − 1 when there are no rows */
  lastDataRow: number;
  rows: RowPlan[];
  rowByLineId: Map<string, number>;
  formats: string[];
};

export const G703_HEADER_ROW = 6; // row 7 in Excel: rows 1–5 hold the header block

/**
 * What a line row needs of the invoice: the contract's accounting method, and the invoice's kind
 * for which cells are editable (callers that only redraw cells, write-back.ts and restore.ts, read
 * editability from SheetInfo.editableByLine and may leave it out).
 */
type RowView = Pick<InvoiceView, 'contract'> & { invoice?: Pick<InvoiceView['invoice'], 'kind'> };

export function editableFields(view: RowView, line: Pick<InvoiceLine, 'hasSubtotalOverride'>): EditField[] {
  // A retainage release invoice bills nothing but the release (shared/api/release-edits.ts): E, F,
  // their quantities and % stay locked like computed cells (not tinted, typed values put back).
  if (view.invoice?.kind === 'retainage_release') return ['retainageReleased'];
  return billsByQuantity(line, view.contract)
    ? ['workQtyThisPeriod', 'storedQty', 'retainageReleased', 'percentComplete']
    : ['workCompletedThisPeriod', 'materialsPresentlyStored', 'retainageReleased', 'percentComplete'];
}

/** The server's value of an edit field, as the cell shows it. */
export function serverCellValue(line: InvoiceLine, field: EditField): CellValue {
  switch (field) {
    case 'workCompletedThisPeriod':
      return centsToCell(line.workCompletedThisPeriodCents);
    case 'materialsPresentlyStored':
      return centsToCell(line.materialsPresentlyStoredCents);
    case 'workQtyThisPeriod':
      return qtyToCell(line.workQtyThisPeriod ?? 0);
    case 'storedQty':
      return qtyToCell(line.storedQty ?? 0);
    case 'retainageReleased':
      return centsToCell(line.retainageReleasedThisPeriodCents);
    case 'percentComplete':
      // G ÷ C as the server rounds it (hundredths of a percent), as the fraction a 0.00% cell holds.
      return percentToCell(line.percentCompleteDisplay);
  }
}

/** Lines in sheet order: by group (groups ordered by their first line), ungrouped last. */
function groupLines(lines: InvoiceLine[], L: ReturnType<typeof sheetLabels>['g703']): Array<{ name: string; lines: InvoiceLine[] }> {
  const sorted = [...lines].sort((a, b) => a.position - b.position);
  const groups = new Map<string, { name: string; lines: InvoiceLine[] }>();
  const none: InvoiceLine[] = [];
  for (const l of sorted) {
    if (!l.groupId) {
      none.push(l);
      continue;
    }
    const g = groups.get(l.groupId) ?? { name: l.groupName ?? L.group, lines: [] };
    g.lines.push(l);
    groups.set(l.groupId, g);
  }
  const out = [...groups.values()];
  if (none.length) out.push({ name: L.ungrouped, lines: none });
  return out;
}

export function planG703(view: InvoiceView, options: LayoutOptions): SheetLayout {
  const cols = columnsFor(view.contract.accountingMethod);
  const L = sheetLabels(options.locale).g703;
  const firstDataRow = G703_HEADER_ROW + 1;
  const rows: RowPlan[] = [];
  const rowByLineId = new Map<string, number>();
  const hasGroups = view.lines.some((l) => l.groupId);
  const blocks = options.grouped && hasGroups ? groupLines(view.lines, L) : [{ name: '', lines: [...view.lines].sort((a, b) => a.position - b.position) }];
  let row = firstDataRow;
  for (const block of blocks) {
    const first = row;
    for (const line of block.lines) {
      rows.push(lineRow(view, cols, line, row, options));
      rowByLineId.set(line.lineId, row);
      row++;
    }
    if (options.grouped && hasGroups) rows.push(subtotalRow(cols, block.name, L.subtotal(block.name), first, row - 1, row++));
  }
  return { cols, headerRow: G703_HEADER_ROW, firstDataRow, lastDataRow: row - 1, rows, rowByLineId, formats: cols.list.map((c) => NUMBER_FORMAT[c.format]) };
}

/** One line's row as planG703 writes it (also used to write back only what changed). */
export function lineRow(view: RowView, cols: ColumnSet, l: InvoiceLine, row: number, options: LayoutOptions): RowPlan {
  const r = row + 1; // A1 row number
  const ref = (k: ColumnKey) => `${cols.at(k)}${r}`;
  const isQty = billsByQuantity(l, view.contract);
  const pending = options.pending?.get(l.lineId) ?? {};
  const edit = (field: EditField): CellValue => (field in pending ? pending[field]! : serverCellValue(l, field));
  const terms = options.terms && options.terms.retainageReduction == null ? options.terms : null;
  const released = `SUM(${ref('releasedPrevious')},${ref('releaseThisPeriod')})`;
  // Amount of a cumulative quantity, exactly as shared/money amountForQty: integer ten-thousandths
  // × integer price ten-thousandths / 10^6, rounded half away from zero (Excel's ROUND) to cents.
  const amountOfQty = (qtyExpr: string) => `ROUND(ROUND(${qtyExpr}*10000,0)*ROUND(${ref('unitPrice')}*10000,0)/1000000,0)/100`;
  // Retainage per line: round(rate × amount) in integer cents, like applyBps (ROUND is half away from zero).
  const retain = (amountExpr: string, bps: number) => `=ROUND(ROUND(${amountExpr}*100,0)*${bps}/10000,0)/100`;
  const v: Partial<Record<ColumnKey, CellValue>> = {
    itemNo: l.itemNo,
    description: l.description,
    unit: l.unitOfMeasure ?? '',
    scheduledQty: l.scheduledQty === null ? '' : qtyToCell(l.scheduledQty),
    unitPrice: l.unitPrice === null ? '' : qtyToCell(l.unitPrice),
    scheduled: centsToCell(l.scheduledValueCents),
    qtyPrevious: isQty ? qtyToCell(l.workQtyPrevious ?? 0) : '',
    qtyThisPeriod: isQty ? edit('workQtyThisPeriod') : '',
    qtyToDate: isQty ? `=SUM(${ref('qtyPrevious')},${ref('qtyThisPeriod')})` : '',
    storedQty: isQty ? edit('storedQty') : '',
    previous: centsToCell(l.workCompletedPreviousCents),
    thisPeriod: isQty ? `=${amountOfQty(`SUM(${ref('qtyPrevious')},${ref('qtyThisPeriod')})`)}-${ref('previous')}` : edit('workCompletedThisPeriod'),
    stored: isQty
      ? `=${amountOfQty(`SUM(${ref('qtyPrevious')},${ref('qtyThisPeriod')},${ref('storedQty')})`)}-SUM(${ref('previous')},${ref('thisPeriod')})`
      : edit('materialsPresentlyStored'),
    // SUM ignores text, so a bad cell counts as 0 on the sheet until corrected (Excel and the workbook double agree).
    // Three cell references, not the range D:F: SUM skips text, logicals and empty cells in a
    // reference argument exactly as in a range ("If an argument is an array or reference, only
    // numbers in that array or reference are counted", https://support.microsoft.com/office/
    // sum-function-043e1c7d-7726-4e80-8f32-07b23e057f89), a column the user inserts
    // between them is not summed.
    total: `=SUM(${ref('previous')},${ref('thisPeriod')},${ref('stored')})`,
    percent: edit('percentComplete'),
    balance: `=${ref('scheduled')}-${ref('total')}`,
    retainage: `=${ref('workRetainage')}+${ref('storedRetainage')}-${released}`,
    releaseThisPeriod: edit('retainageReleased'),
    workRetainage: terms
      ? retain(`SUM(${ref('previous')},${ref('thisPeriod')})`, l.workRetainageBpsOverride ?? terms.workRetainageBps)
      : centsToCell(l.workRetainageCents),
    storedRetainage: terms ? retain(`SUM(${ref('stored')})`, l.storedRetainageBpsOverride ?? terms.storedRetainageBps) : centsToCell(l.storedRetainageCents),
    releasedPrevious: centsToCell(l.retainageReleasedToDateCents - l.retainageReleasedThisPeriodCents),
    // Releases come off work retainage first, then stored (shared/engine splitNetRetainage):
    // net work = max(work − released, 0), net stored = stored − max(released − work, 0). These
    // give the same doubles as work − min(released, work) and stored − (released − min(released,
    // work)) whenever work retainage is a number (the subtraction taken is the same one, and a
    // difference of two unequal doubles is never 0), with one function call and one SUM fewer per row.
    workRetainageNet: `=MAX(${ref('workRetainage')}-${released},0)`,
    storedRetainageNet: `=${ref('storedRetainage')}-MAX(${released}-${ref('workRetainage')},0)`,
    group: l.groupName ?? '',
    kind: 'line',
    lineId: l.lineId,
  };
  return { row, kind: 'line', lineId: l.lineId, editable: editableFields(view, l), cells: cols.list.map((c) => v[c.key] ?? '') };
}

function subtotalRow(cols: ColumnSet, name: string, title: string, first: number, last: number, row: number): RowPlan {
  const r = row + 1;
  const cells = cols.list.map((c): CellValue => {
    if (c.key === 'description') return title;
    if (c.key === 'kind') return 'subtotal';
    if (c.key === 'group') return name;
    if (c.key === 'percent') return `=IF(${cols.at('scheduled')}${r}=0,0,${cols.at('total')}${r}/${cols.at('scheduled')}${r})`;
    if (c.isSummed && last >= first) return `=SUM(${c.letter}${first + 1}:${c.letter}${last + 1})`;
    return '';
  });
  return { row, kind: 'subtotal', lineId: null, editable: [], cells };
}

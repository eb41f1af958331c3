// applyServerLines: after a save or a refresh, write what the server computed, and only the
// cells whose content actually changes, as one column run per range. A 5,000-cell paste without
// retainage formulas rewrites two 5,000-row columns (work and stored retainage), not 5,000 rows.
// Rows come from the Line ID column read in the same Excel.run (locate.ts), never from a cached
// position. Nothing here toggles protection: WorksheetProtection.protect/unprotect clear the
// user's Undo stack (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities),
// while Range.formulas/values writes are undoable, so a save leaves Ctrl+Z working.

import type { InvoiceLine, InvoiceView } from '../api/types';
import { rangeA1 } from './a1';
import { bindingsFrom, queueLoadBinding, queueWriteBinding } from './binding';
import { CELLS_PER_SYNC, OPS_PER_SYNC } from './chunks';
import type { EditField } from './columns';
import { lineRow, type LayoutOptions } from './layout';
import { recordOwnWrite } from './own-writes';
import { columnSetNow, g702Key, g703Of, linesFrom, locateColumns, queueLineIds } from './locate';
import { runBatch } from './run';
import type { SheetInfo } from './sheet-info';
import { centsToCell, sameCell, type CellValue } from './units';

export type LineChange = { before: InvoiceLine | null; after: InvoiceLine };

export type ApplyOptions = Pick<LayoutOptions, 'terms' | 'pending'> & {
  /** may this editable cell take the server's value? (false while the user's edit is unsynced) */
  canOverwrite?: (lineId: string, field: EditField) => boolean;
  /** G702 constants (line 7, change order amounts) to refresh */
  summary?: Pick<InvoiceView, 'g702' | 'changeOrderSummary'>;
  /** record this version as synced in the workbook binding */
  version?: number;
};

type Cell = { row: number; col: number; value: CellValue };

/**
 * The cells to write, grouped into runs of consecutive rows per column. Pure. Columns are those of
 * `info.columns` (where their headers are now): a column not found gets nothing, and while any
 * column is unmapped no formula is written (its references would be guesses).
 */
export function planWriteBack(
  info: SheetInfo,
  view: Pick<InvoiceView, 'contract'>,
  changes: LineChange[],
  opts: ApplyOptions,
): Array<{ col: number; row: number; values: CellValue[] }> {
  const { set: cols, complete } = columnSetNow(info);
  const layoutOpts: LayoutOptions = { grouped: info.grouped, terms: opts.terms ?? null, pending: opts.pending };
  const cells: Cell[] = [];
  for (const { before, after } of changes) {
    const row = info.rowByLineId[after.lineId];
    if (row === undefined) continue;
    const next = lineRow(view, cols, after, row, layoutOpts).cells;
    const prev = before ? lineRow(view, cols, before, row, layoutOpts).cells : null;
    const editable = info.editableByLine[after.lineId] ?? [];
    cols.list.forEach((c, i) => {
      if (c.editField && editable.includes(c.editField) && !(opts.canOverwrite?.(after.lineId, c.editField) ?? false)) return;
      if (prev && sameCell(prev[i], next[i])) return;
      if (!complete && typeof next[i] === 'string' && (next[i] as string).startsWith('=')) return;
      cells.push({ row, col: c.index, value: next[i] });
    });
  }
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Array<{ col: number; row: number; values: CellValue[] }> = [];
  for (const c of cells) {
    const last = runs.at(-1);
    if (last && last.col === c.col && last.row + last.values.length === c.row) last.values.push(c.value);
    else runs.push({ col: c.col, row: c.row, values: [c.value] });
  }
  return runs;
}

export type ApplyResult = {
  cellCount: number /** lines that changed but are not (or twice) on the sheet */;
  unmapped: string[];
  rowByLineId: Record<string, number>;
};

export async function applyServerLines(
  info: SheetInfo,
  view: Pick<InvoiceView, 'contract'>,
  changes: LineChange[],
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  if (!planWriteBack(info, view, changes, opts).length && !opts.summary && opts.version === undefined)
    return { cellCount: 0, unmapped: [], rowByLineId: info.rowByLineId };
  return runBatch(async (context) => {
    const sheet = g703Of(context, info);
    const setting = opts.version !== undefined ? queueLoadBinding(context) : null;
    const now = await locateColumns(context, sheet, info);
    const ids = queueLineIds(sheet, now);
    await context.sync();
    const lines = linesFrom(ids, now);
    const here = { ...now, rowByLineId: lines.rowByLineId };
    const runs = planWriteBack(here, view, changes, opts);
    const cellCount = runs.reduce((n, r) => n + r.values.length, 0);
    const unmapped = changes.map((c) => c.after.lineId).filter((id) => lines.rowByLineId[id] === undefined);
    let inBatch = 0;
    let opsInBatch = 0;
    for (const run of runs) {
      for (let k = 0; k < run.values.length; k += CELLS_PER_SYNC) {
        const part = run.values.slice(k, k + CELLS_PER_SYNC);
        if (inBatch + part.length > CELLS_PER_SYNC || opsInBatch >= OPS_PER_SYNC) {
          await context.sync();
          inBatch = 0;
          opsInBatch = 0;
        }
        opsInBatch++;
        const address = rangeA1(run.row + k, run.col, run.row + k + part.length - 1, run.col);
        sheet.getRange(address).formulas = part.map((v) => [v]);
        recordOwnWrite(info.g703SheetId, address);
        inBatch += part.length;
      }
    }
    if (opts.summary) {
      const g702 = context.workbook.worksheets.getItem(g702Key(info));
      const co = opts.summary.changeOrderSummary;
      g702.getRange(info.g702Cells.line7PreviousCertificatesCents).values = [[centsToCell(opts.summary.g702.line7PreviousCertificatesCents)]];
      g702.getRange(info.coCells.previousAdditionsCents).values = [[centsToCell(co.previousAdditionsCents)]];
      g702.getRange(info.coCells.previousDeductionsCents).values = [[centsToCell(co.previousDeductionsCents)]];
      g702.getRange(info.coCells.thisPeriodAdditionsCents).values = [[centsToCell(co.thisPeriodAdditionsCents)]];
      g702.getRange(info.coCells.thisPeriodDeductionsCents).values = [[centsToCell(co.thisPeriodDeductionsCents)]];
    }
    await context.sync();
    if (setting && opts.version !== undefined) {
      const current = bindingsFrom(setting);
      const mine = current.invoices.find((b) => b.invoiceId === info.invoiceId);
      if (mine && mine.syncedVersion !== opts.version) {
        queueWriteBinding(context, current, { ...mine, syncedVersion: opts.version, updatedAt: new Date().toISOString() });
        await context.sync();
      }
    }
    return { cellCount, unmapped, rowByLineId: lines.rowByLineId };
  });
}

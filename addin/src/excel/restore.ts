// The sheet is not protected (protection clears Undo and blocks filters and the outline inside
// tables; see render-invoice.ts), so a user CAN type over a computed cell or into a read-only
// invoice. Instead of Excel refusing the keystroke, the add-in puts the live formula (or the
// server's figure) back and says why. Rows are located by the ids read in the same batch.

import { parseAreas, rangeA1 } from './a1';
import { OPS_PER_SYNC } from './chunks';
import { lineRow, type LayoutOptions } from './layout';
import { columnSetNow, g703Of, locateColumns } from './locate';
import { runBatch } from './run';
import type { SheetInfo } from './sheet-info';
import { sheetLabels } from './sheet-labels';
import { touchedRows } from './read';
import { sameCell, type CellValue } from './units';
import type { InvoiceView } from '../api/types';
import type { EditField } from './columns';

/**
 * Does the address touch a column of ours that is never typed into (computed or descriptive), by
 * the cached positions? Checked on every edit, so it costs no Excel call. After a user inserted or
 * moved columns it can be wrong either way: a needless restore finds nothing to put back (it
 * locates the columns by their headers), a missed one leaves a typed-over cell until Refresh; no
 * value goes to a wrong line or column either way.
 */
export function touchesGuardedCells(info: SheetInfo, address: string): boolean {
  const inUse = editableAnywhere(info);
  const guarded = info.columns.filter((c) => !c.editField || !info.canEdit || !inUse.has(c.editField)).map((c) => c.index);
  return parseAreas(address).some((a) => guarded.some((c) => c >= a.start.col && c <= a.end.col));
}

const fieldsInUse = new WeakMap<SheetInfo['editableByLine'], Set<EditField>>();

/**
 * The edit fields at least one line of the sheet takes. A column whose field no line takes (E, F
 * and % on a retainage release invoice, layout.ts editableFields) is guarded like a computed one.
 * Cached per SheetInfo.editableByLine, which is replaced, never mutated, when the sheet is redrawn.
 */
function editableAnywhere(info: SheetInfo): Set<EditField> {
  let set = fieldsInUse.get(info.editableByLine);
  if (!set) {
    set = new Set(Object.values(info.editableByLine).flat());
    fieldsInUse.set(info.editableByLine, set);
  }
  return set;
}

/** `inputHeaders`: restored columns that are inputs on other invoices (E, F, % on a release invoice). */
export type Restored = { cells: number; headers: string[]; inputHeaders: string[] };

/** Puts back every non-editable cell of ours in `address` that no longer holds what we wrote. */
export async function restoreGuardedCells(
  info: SheetInfo,
  view: Pick<InvoiceView, 'contract' | 'lines'>,
  address: string,
  opts: Pick<LayoutOptions, 'terms' | 'pending'>,
): Promise<Restored> {
  const headerOf = sheetLabels(info.locale).g703.columns;
  const byId = new Map(view.lines.map((l) => [l.lineId, l]));
  const layoutOpts: LayoutOptions = { grouped: info.grouped, terms: opts.terms ?? null, pending: opts.pending };
  return runBatch(async (context) => {
    const sheet = g703Of(context, info);
    // Columns where their headers are now; a column not found is not restored (nor guessed).
    const now = await locateColumns(context, sheet, info);
    const { set: cols, complete } = columnSetNow(now);
    const idCol = now.columns.find((c) => c.key === 'lineId')?.index;
    if (idCol === undefined) return { cells: 0, headers: [], inputHeaders: [] };
    const lastCol = Math.max(...now.columns.map((c) => c.index));
    const reads = touchedRows(info, address).map(([r0, r1]) => ({
      r0,
      ids: sheet.getRange(rangeA1(r0, idCol, r1, idCol)).load('values'),
      cells: sheet.getRange(rangeA1(r0, 0, r1, lastCol)).load('formulas'),
    }));
    const areas = parseAreas(address);
    await context.sync();
    const headers = new Set<string>();
    const inputHeaders = new Set<string>();
    let cells = 0;
    let ops = 0;
    for (const { r0, ids, cells: got } of reads) {
      for (let k = 0; k < ids.values.length; k++) {
        const line = byId.get(String(ids.values[k][0]));
        if (!line) continue;
        const row = r0 + k;
        const rowCells = lineRow(view, cols, line, row, layoutOpts).cells;
        const want = new Map(cols.list.map((c, i) => [c.key, rowCells[i]]));
        const editable = info.canEdit ? (info.editableByLine[line.lineId] ?? []) : [];
        for (const c of now.columns) {
          const inArea = areas.some((a) => row >= a.start.row && row <= a.end.row && c.index >= a.start.col && c.index <= a.end.col);
          if (!inArea || (c.editField && editable.includes(c.editField))) continue;
          const have = got.formulas[k][c.index] as CellValue;
          const w = want.get(c.key) as CellValue;
          if (!complete && typeof w === 'string' && w.startsWith('=')) continue; // its references would be guesses
          if (sameCell(have, w)) continue;
          sheet.getRange(rangeA1(row, c.index, row, c.index)).formulas = [[w]];
          headers.add(headerOf[c.key]);
          if (c.editField) inputHeaders.add(headerOf[c.key]);
          cells++;
          if (++ops >= OPS_PER_SYNC) {
            await context.sync();
            ops = 0;
          }
        }
      }
    }
    if (ops) await context.sync();
    return { cells, headers: [...headers], inputHeaders: [...inputHeaders] };
  });
}

// Cell-level diff of two grids of the same shape (e.g. a block read back vs. the last synced copy).

import { sameCell, type CellValue } from './units';

export type GridChange = { row: number; col: number; before: CellValue | null; after: CellValue | null };

export function diffGrid(before: CellValue[][], after: CellValue[][], origin = { row: 0, col: 0 }): GridChange[] {
  const out: GridChange[] = [];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const b = before[r] ?? [];
    const a = after[r] ?? [];
    const cols = Math.max(b.length, a.length);
    for (let c = 0; c < cols; c++) {
      if (!sameCell(b[c], a[c])) out.push({ row: origin.row + r, col: origin.col + c, before: b[c] ?? null, after: a[c] ?? null });
    }
  }
  return out;
}

import { formatQty } from '@shared/money';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { wrapText, type TextStyle } from './draw';
import type { DocFonts } from './fonts';
import { LANDSCAPE } from './page-parts';
import type { PdfLine } from './types';

// The G703 continuation sheet's geometry and its pagination: which rows go on which page.
// Page and group subtotals are sums of the line figures on that page / in that group (integer
// cents, exact); the grand total row prints the invoice's own totals.

export const G703_MARGIN = 30;
const CONTENT = LANDSCAPE.width - 2 * G703_MARGIN;
const MONEY = 66;
const FIXED = { a: 40, c: MONEY, d: MONEY, e: MONEY, f: MONEY, g: MONEY, percent: 38, h: MONEY, i: 62 };
const B_WIDTH = CONTENT - Object.values(FIXED).reduce((s, w) => s + w, 0);

export type ColumnKey = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'percent' | 'h' | 'i';
export type Column = { key: ColumnKey; letter: string; x: number; width: number };

export const G703_COLUMNS: Column[] = (() => {
  const order: Array<[ColumnKey, string, number]> = [
    ['a', 'A', FIXED.a],
    ['b', 'B', B_WIDTH],
    ['c', 'C', FIXED.c],
    ['d', 'D', FIXED.d],
    ['e', 'E', FIXED.e],
    ['f', 'F', FIXED.f],
    ['g', 'G', FIXED.g],
    ['percent', '%', FIXED.percent],
    ['h', 'H', FIXED.h],
    ['i', 'I', FIXED.i],
  ];
  let x = G703_MARGIN;
  return order.map(([key, letter, width]) => {
    const col = { key, letter, x, width };
    x += width;
    return col;
  });
})();

/** Vertical budget of a landscape page, from the top: header, column heads, body, totals, footer. */
export const G703_GEOMETRY = { headTop: 76, bodyTop: 124, bodyBottom: LANDSCAPE.height - 40 - 13 - 15, totalRowHeight: 13 };

export const bodyStyle: TextStyle = { size: 7.5 };
const LINE_H = 12; // one description line
const EXTRA_DESC_H = 8.5; // each further description line
const UNIT_H = 7.5; // the unit/quantity sub-line

export type Sums = { c: number; d: number; e: number; f: number; g: number; h: number; i: number };
export const zeroSums = (): Sums => ({ c: 0, d: 0, e: 0, f: 0, g: 0, h: 0, i: 0 });

export function addLine(s: Sums, l: PdfLine): void {
  s.c += l.scheduledValueCents;
  s.d += l.workCompletedPreviousCents;
  s.e += l.workCompletedThisPeriodCents;
  s.f += l.materialsPresentlyStoredCents;
  s.g += l.totalCompletedAndStoredCents;
  s.h += l.balanceToFinishCents;
  s.i += l.retainageCents;
}

export type G703Row =
  | { kind: 'line'; line: PdfLine; description: string[]; unitText: string | null; height: number }
  | { kind: 'group'; name: string; isContinued: boolean; height: number }
  | { kind: 'groupTotal'; name: string; sums: Sums; height: number };

export type G703Page = { rows: G703Row[]; sums: Sums };

/** Unit lines print their quantities under the description: "120 CY @ 85.5; to date 300 CY". */
function unitTextOf(l: PdfLine, L: PdfLabels): string | null {
  if (l.scheduledQty === null || l.unitPrice === null) return null;
  const unit = l.unitOfMeasure ?? '';
  return L.g703.unitLine(formatQty(l.workQtyThisPeriod ?? 0), unit, formatQty(l.unitPrice), formatQty(l.workQtyToDate ?? 0));
}

const groupTotal = (g: { name: string; sums: Sums }): G703Row => ({ kind: 'groupTotal', name: g.name, sums: g.sums, height: 13 });

function buildRows(lines: PdfLine[], fonts: DocFonts, L: PdfLabels): G703Row[] {
  const isGrouped = lines.some((l) => l.groupName);
  const rows: G703Row[] = [];
  const descWidth = G703_COLUMNS[1]!.width - 6;
  let group = null as { name: string; sums: Sums } | null;
  for (const line of lines) {
    // Groups are runs of consecutive lines with the same group (the SOV's order is kept).
    const name = isGrouped ? (line.groupName ?? L.g703.ungrouped) : null;
    if (name !== null && name !== group?.name) {
      if (group) rows.push(groupTotal(group));
      group = { name, sums: zeroSums() };
      rows.push({ kind: 'group', name, isContinued: false, height: 12 });
    }
    if (group) addLine(group.sums, line);
    const description = wrapText(fonts, line.description, bodyStyle, descWidth, 3);
    const unitText = unitTextOf(line, L);
    const height = LINE_H + (Math.max(1, description.length) - 1) * EXTRA_DESC_H + (unitText ? UNIT_H : 0);
    rows.push({ kind: 'line', line, description, unitText, height });
  }
  if (group) rows.push(groupTotal(group));
  return rows;
}

/** Rows → pages: a group header never ends a page, and a group that spans pages is re-announced "(continued)". */
export function paginateG703(lines: PdfLine[], fonts: DocFonts, L: PdfLabels): G703Page[] {
  const rows = buildRows(lines, fonts, L);
  const capacity = G703_GEOMETRY.bodyBottom - G703_GEOMETRY.bodyTop;
  const pages: G703Page[] = [];
  let current: G703Page = { rows: [], sums: zeroSums() };
  let used = 0;
  let openGroup: string | null = null;
  rows.forEach((row, i) => {
    // keep a group header with its first line, and a group's last line with its subtotal
    const next = rows[i + 1];
    const need = row.height + (next && (row.kind === 'group' || next.kind === 'groupTotal') ? next.height : 0);
    if (used + need > capacity && current.rows.some((r) => r.kind === 'line')) {
      pages.push(current);
      current = { rows: [], sums: zeroSums() };
      used = 0;
      if (openGroup !== null && row.kind !== 'group') {
        current.rows.push({ kind: 'group', name: openGroup, isContinued: true, height: 12 });
        used += 12;
      }
    }
    if (row.kind === 'group') openGroup = row.name;
    if (row.kind === 'groupTotal') openGroup = null;
    if (row.kind === 'line') addLine(current.sums, row.line);
    current.rows.push(row);
    used += row.height;
  });
  pages.push(current);
  return pages;
}

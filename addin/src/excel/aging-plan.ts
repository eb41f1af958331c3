// What the "Aging" sheet holds, as plain blocks of rows (no Excel here; aging-sheet.ts writes them).
// The figures are the server's (GET /projects/{id}/aging, shared/payments/clock.ts buckets); the
// sheet adds only SUM formulas over them, so a user who edits a figure sees the totals follow and
// the totals equal the server's as written (aging-sheet.test.ts checks both).
import { agingBuckets, type AgingBucket } from '@shared/payments/clock';
import type { Locale } from '@shared/i18n/locales';
import { columnLetter } from './a1';
import { agingSheetLabels } from './aging-labels';
import { centsToCell, type CellValue } from './units';

export type AgingKind = 'prime' | 'commitment';

/** The part of the API's aging report the sheet shows (structurally the ZAging answer). */
export type AgingReport = {
  asOf: string;
  kind: AgingKind;
  rows: Array<{
    contractNumber: number;
    contractTitle: string;
    /** the owner (prime) or subcontractor (commitment); '' when none is named */
    counterpartyName: string;
    buckets: Record<AgingBucket, number>;
    totalOpenCents: number;
    retainageHeldCents: number;
    invoices: Array<{ number: number; dueOn: string | null; daysPastDue: number; bucket: AgingBucket; openCents: number }>;
  }>;
};

/** Sheet names are the add-in's, the same in every language, so a rewrite finds the sheet again. */
export const AGING_SHEET_NAME: Record<AgingKind, string> = { prime: 'Aging', commitment: 'Aging (commitments)' };

export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
const TEXT = '@';
const GENERAL = 'General';

/** One rectangle written in one go: rows of equal width from column A, one number format per column. */
export type AgingBlock = { row: number; cells: CellValue[][]; formats: string[]; style: 'title' | 'plain' | 'header' | 'data' | 'total' };

export type AgingPlan = {
  sheetName: string;
  blocks: AgingBlock[];
  /** 0-based rows: the column headers, the first/last contract row, the totals row */
  headerRow: number;
  firstContractRow: number;
  lastContractRow: number;
  totalsRow: number;
  /** 0-based columns of the main table */
  col: { contract: number; counterparty: number; buckets: Record<AgingBucket, number>; totalOpen: number; retainage: number };
  width: number;
  /** column widths in points, from column A */
  columnWidths: number[];
};

/** Excel's date number for YYYY-MM-DD (days since 1899-12-30, the 1900 date system). */
export function excelDate(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function planAgingSheet(report: AgingReport, projectName: string, locale: Locale): AgingPlan {
  const L = agingSheetLabels(locale);
  const kind = report.kind;
  // A contract | B owner/sub | C–G buckets | H total open | I (gap: retainage is set apart) | J retainage held
  const col = {
    contract: 0,
    counterparty: 1,
    buckets: Object.fromEntries(agingBuckets.map((b, i) => [b, 2 + i])) as Record<AgingBucket, number>,
    totalOpen: 2 + agingBuckets.length,
    retainage: 4 + agingBuckets.length,
  };
  const width = col.retainage + 1;
  const pad = (cells: CellValue[]) => [...cells, ...Array<CellValue>(width - cells.length).fill('')];
  const blocks: AgingBlock[] = [];

  blocks.push({ row: 0, cells: [pad([L.title[kind]]), pad([L.project(projectName)])], formats: Array(width).fill(TEXT), style: 'title' });
  blocks.push({ row: 2, cells: [pad([L.asOf, excelDate(report.asOf)])], formats: [TEXT, DATE_FORMAT, ...Array(width - 2).fill(TEXT)], style: 'plain' });
  blocks.push({ row: 3, cells: [pad([L.explain])], formats: Array(width).fill(TEXT), style: 'plain' });

  const headerRow = 5;
  const header = Array<CellValue>(width).fill('');
  header[col.contract] = L.contract;
  header[col.counterparty] = L.counterparty[kind];
  for (const b of agingBuckets) header[col.buckets[b]] = L.bucket[b];
  header[col.totalOpen] = L.totalOpen;
  header[col.retainage] = L.retainageHeld;
  blocks.push({ row: headerRow, cells: [header], formats: Array(width).fill(TEXT), style: 'header' });

  const firstContractRow = headerRow + 1;
  const moneyCols = new Set<number>([...agingBuckets.map((b) => col.buckets[b]), col.totalOpen, col.retainage]);
  // text columns are '@' so a name such as "=Harbor" stays text, never a formula; the gap column stays General
  const dataFormats = Array.from({ length: width }, (_, c) => (moneyCols.has(c) ? MONEY_FORMAT : c <= col.counterparty ? TEXT : GENERAL));
  const firstBucket = columnLetter(col.buckets[agingBuckets[0]]);
  const lastBucket = columnLetter(col.buckets[agingBuckets[agingBuckets.length - 1]]);
  const rows: CellValue[][] = report.rows.length
    ? report.rows.map((r, i) => {
        const cells = Array<CellValue>(width).fill('');
        cells[col.contract] = L.contractNo(r.contractNumber, r.contractTitle);
        cells[col.counterparty] = r.counterpartyName;
        for (const b of agingBuckets) cells[col.buckets[b]] = centsToCell(r.buckets[b]);
        const row1 = firstContractRow + i + 1;
        cells[col.totalOpen] = `=SUM(${firstBucket}${row1}:${lastBucket}${row1})`;
        cells[col.retainage] = centsToCell(r.retainageHeldCents);
        return cells;
      })
    : [pad([L.none])];
  blocks.push({ row: firstContractRow, cells: rows, formats: dataFormats, style: 'data' });
  const lastContractRow = firstContractRow + rows.length - 1;

  const totalsRow = lastContractRow + 1;
  const totals = Array<CellValue>(width).fill('');
  totals[col.contract] = L.total;
  for (const c of moneyCols) {
    const letter = columnLetter(c);
    totals[c] = `=SUM(${letter}${firstContractRow + 1}:${letter}${lastContractRow + 1})`;
  }
  blocks.push({ row: totalsRow, cells: [totals], formats: dataFormats, style: 'total' });

  // The invoices behind each contract's figures, below the table (not inside it, so the totals
  // row stays one SUM over one contiguous column).
  const invoices = report.rows.flatMap((r) =>
    r.invoices.filter((v) => v.openCents > 0).map((v) => ({ contract: L.contractNo(r.contractNumber, r.contractTitle), ...v })),
  );
  if (invoices.length) {
    const top = totalsRow + 2;
    blocks.push({ row: top, cells: [pad([L.invoicesTitle])], formats: Array(width).fill(TEXT), style: 'plain' });
    const invHeader = pad([L.contract, L.invoice, L.dueOn, L.daysPastDue, L.bucketColumn, L.openBalance]);
    blocks.push({ row: top + 1, cells: [invHeader], formats: Array(width).fill(TEXT), style: 'header' });
    blocks.push({
      row: top + 2,
      cells: invoices.map((v) =>
        pad([v.contract, L.invoiceNo(v.number), v.dueOn ? excelDate(v.dueOn) : '', v.daysPastDue, L.bucket[v.bucket], centsToCell(v.openCents)]),
      ),
      formats: [TEXT, TEXT, DATE_FORMAT, '0', TEXT, MONEY_FORMAT, ...Array(width - 6).fill(GENERAL)],
      style: 'data',
    });
  }

  const columnWidths = Array.from({ length: width }, (_, c) =>
    c === col.contract ? 180 : c === col.counterparty ? 120 : c === col.retainage - 1 ? 12 : c === col.retainage ? 120 : 78,
  );
  return { sheetName: AGING_SHEET_NAME[kind], blocks, headerRow, firstContractRow, lastContractRow, totalsRow, col, width, columnWidths };
}

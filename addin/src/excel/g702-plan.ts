// The G702 sheet as a plan: header fields, lines 1–9 (with 5a/5b) and the change order summary.
// Every line is a live formula over the G703 sheet (plain A1 ranges, which both Excel and the
// workbook double's formula engine evaluate), except line 7 (the previous certificate, frozen on the server) and the
// change order amounts (server facts). Pure.

import { generalInfoLabels } from '@shared/i18n/general-info-labels';
import type { InvoiceView } from '../api/types';
import { quoteSheet } from './a1';
import type { ColumnKey } from './columns';
import type { SheetLayout } from './layout';
import { sheetLabels } from './sheet-labels';
import { centsToCell, type CellValue } from './units';
import { g702TitleFor } from '@shared/i18n/release-labels';

/**
 * What the G703 header block shows (render-invoice.ts). The G702's
 * general-information fields come from the invoice view (view.generalInfo), which the server
 * resolves from the invoice, the contract and the project.
 */
export type G702Header = {
  project?: string;
  contractFor?: string;
};

export type G702LineKey =
  | 'line1OriginalContractSumCents'
  | 'line2NetChangeByChangeOrdersCents'
  | 'line3ContractSumToDateCents'
  | 'line4TotalCompletedAndStoredCents'
  | 'line5aWorkRetainageCents'
  | 'line5bStoredRetainageCents'
  | 'line5TotalRetainageCents'
  | 'line6TotalEarnedLessRetainageCents'
  | 'line7PreviousCertificatesCents'
  | 'line8CurrentPaymentDueCents'
  | 'line9BalanceToFinishInclRetainageCents';

export type CoSummaryKey =
  | 'previousAdditionsCents'
  | 'previousDeductionsCents'
  | 'thisPeriodAdditionsCents'
  | 'thisPeriodDeductionsCents'
  | 'totalAdditionsCents'
  | 'totalDeductionsCents'
  | 'netChangesCents';

export type G702Plan = {
  /** 2-D grid from A1: column A labels, column B values/formulas, column C the CO deductions */
  grid: CellValue[][];
  formats: string[][];
  /** A1 address of each line's value cell */
  lineCells: Record<G702LineKey, string>;
  coCells: Record<CoSummaryKey, string>;
};

export const G702_LINE_ROWS: Record<G702LineKey, number> = {
  line1OriginalContractSumCents: 14,
  line2NetChangeByChangeOrdersCents: 15,
  line3ContractSumToDateCents: 16,
  line4TotalCompletedAndStoredCents: 17,
  line5aWorkRetainageCents: 18,
  line5bStoredRetainageCents: 19,
  line5TotalRetainageCents: 20,
  line6TotalEarnedLessRetainageCents: 21,
  line7PreviousCertificatesCents: 22,
  line8CurrentPaymentDueCents: 23,
  line9BalanceToFinishInclRetainageCents: 24,
};
const CO_HEADER_ROW = 26;
/** The general-information block: rows 3–12 in Excel, labels in A, values in B. */
export const G702_INFO_FIRST_ROW = 2;

/**
 * The G702 general information as label/value pairs in sheet order (the AIA form's header). Used
 * by the render and, when only the general information changed, to rewrite the block in place.
 */
export function g702InfoRows(view: Pick<InvoiceView, 'invoice' | 'generalInfo'>, locale?: string): Array<[string, CellValue, string]> {
  const L = generalInfoLabels(locale);
  const g = view.generalInfo;
  const p = view.invoice.billingPeriod;
  return [
    [L.toName, g.toName, '@'],
    [L.project, [g.projectName, g.projectAddress].filter(Boolean).join(', '), '@'],
    [L.applicationNo, view.invoice.number, '0'],
    [L.applicationDate, g.applicationDate, '@'],
    [L.period, `${p.start} – ${p.end}`, '@'],
    [L.projectNumber, g.projectNumber, '@'],
    [L.fromName, g.fromName, '@'],
    [L.architect, g.architect, '@'],
    [L.contractDate, g.contractDate ?? '', '@'],
    [L.contractFor, g.contractFor, '@'],
  ];
}

const MONEY = '#,##0.00;(#,##0.00)';
const RATE = '0.00%';

/** `locale`: the sheets' language (SheetInfo.locale). */
export function planG702(view: InvoiceView, layout: SheetLayout, g703Sheet: string, locale = 'en'): G702Plan {
  const s = quoteSheet(g703Sheet);
  const first = layout.firstDataRow + 1;
  // At least one row so an empty schedule still yields valid ranges.
  const last = Math.max(layout.lastDataRow + 1, first);
  const col = (k: ColumnKey) => `${s}!${layout.cols.at(k)}${first}:${layout.cols.at(k)}${last}`;
  const kindRange = col('kind');
  // Sum line rows only: subtotal rows (grouped view) hold SUMs of their lines.
  const sumLines = (k: ColumnKey) => `=SUMIFS(${col(k)},${kindRange},"line")`;
  const b = (key: G702LineKey) => `B${G702_LINE_ROWS[key] + 1}`;
  const coRow = (i: number) => CO_HEADER_ROW + 1 + i; // 0-based rows of the CO block
  const co = view.changeOrderSummary;

  const rows: Array<[CellValue, CellValue, CellValue, string, string?]> = [];
  const put = (r: number, a: CellValue, bv: CellValue, c: CellValue = '', fmt = MONEY, cFmt?: string) => {
    rows[r] = [a, bv, c, fmt, cFmt];
  };
  const L = sheetLabels(locale).g702;
  put(0, g702TitleFor(view.invoice.kind, locale, 'sheet', L.title), '', '', '@');
  g702InfoRows(view, locale).forEach(([label, value, fmt], i) => put(G702_INFO_FIRST_ROW + i, label, value, '', fmt));
  put(G702_LINE_ROWS.line1OriginalContractSumCents - 1, L.applicationTitle, L.amount, generalInfoLabels(locale).rateHeader, '@');
  // 5a/5b rates: the effective rate over the base, live (shared/engine/g702-rates.ts and
  // docs/billing-rules.md "G702 retainage percentages"); blank while the base is zero.
  const rate = (key: G702LineKey, base: string) => `=IF(${base}=0,"",ROUND(${b(key)}/(${base}),4))`;
  const baseOf = (...keys: ColumnKey[]) => keys.map((k) => sumLines(k).slice(1)).join('+');
  put(G702_LINE_ROWS.line1OriginalContractSumCents, L.line1, `=${b('line3ContractSumToDateCents')}-${b('line2NetChangeByChangeOrdersCents')}`);
  put(G702_LINE_ROWS.line2NetChangeByChangeOrdersCents, L.line2, `=B${coRow(3) + 1}`);
  put(G702_LINE_ROWS.line3ContractSumToDateCents, L.line3, sumLines('scheduled'));
  put(G702_LINE_ROWS.line4TotalCompletedAndStoredCents, L.line4, sumLines('total'));
  put(
    G702_LINE_ROWS.line5aWorkRetainageCents,
    L.line5a,
    sumLines('workRetainageNet'),
    rate('line5aWorkRetainageCents', baseOf('previous', 'thisPeriod')),
    MONEY,
    RATE,
  );
  put(G702_LINE_ROWS.line5bStoredRetainageCents, L.line5b, sumLines('storedRetainageNet'), rate('line5bStoredRetainageCents', baseOf('stored')), MONEY, RATE);
  put(G702_LINE_ROWS.line5TotalRetainageCents, L.line5, `=${b('line5aWorkRetainageCents')}+${b('line5bStoredRetainageCents')}`);
  put(G702_LINE_ROWS.line6TotalEarnedLessRetainageCents, L.line6, `=${b('line4TotalCompletedAndStoredCents')}-${b('line5TotalRetainageCents')}`);
  put(G702_LINE_ROWS.line7PreviousCertificatesCents, L.line7, centsToCell(view.g702.line7PreviousCertificatesCents));
  put(G702_LINE_ROWS.line8CurrentPaymentDueCents, L.line8, `=${b('line6TotalEarnedLessRetainageCents')}-${b('line7PreviousCertificatesCents')}`);
  put(G702_LINE_ROWS.line9BalanceToFinishInclRetainageCents, L.line9, `=${b('line3ContractSumToDateCents')}-${b('line6TotalEarnedLessRetainageCents')}`);
  put(CO_HEADER_ROW, L.coTitle, L.additions, L.deductions, '@');
  put(coRow(0), L.coPrevious, centsToCell(co.previousAdditionsCents), centsToCell(co.previousDeductionsCents));
  put(coRow(1), L.coThisMonth, centsToCell(co.thisPeriodAdditionsCents), centsToCell(co.thisPeriodDeductionsCents));
  put(coRow(2), L.coTotals, `=B${coRow(0) + 1}+B${coRow(1) + 1}`, `=C${coRow(0) + 1}+C${coRow(1) + 1}`);
  put(coRow(3), L.coNet, `=B${coRow(2) + 1}-C${coRow(2) + 1}`);

  const grid: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r <= coRow(3); r++) {
    const [a, bv, c, fmt, cFmt] = rows[r] ?? ['', '', '', 'General'];
    grid.push([a, bv, c]);
    formats.push(['@', fmt, cFmt ?? (fmt === '@' ? '@' : fmt)]);
  }
  const lineCells = Object.fromEntries(Object.entries(G702_LINE_ROWS).map(([k, r]) => [k, `B${r + 1}`])) as Record<G702LineKey, string>;
  const coCells: Record<CoSummaryKey, string> = {
    previousAdditionsCents: `B${coRow(0) + 1}`,
    previousDeductionsCents: `C${coRow(0) + 1}`,
    thisPeriodAdditionsCents: `B${coRow(1) + 1}`,
    thisPeriodDeductionsCents: `C${coRow(1) + 1}`,
    totalAdditionsCents: `B${coRow(2) + 1}`,
    totalDeductionsCents: `C${coRow(2) + 1}`,
    netChangesCents: `B${coRow(3) + 1}`,
  };
  return { grid, formats, lineCells, coCells };
}

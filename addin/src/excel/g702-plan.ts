// The G702 sheet as a plan: header fields, lines 1–9 (with 5a/5b) and the change order summary.
// Every line is a live formula over the G703 sheet (plain A1 ranges, which both Excel and
// HyperFormula evaluate), except line 7 (the previous certificate, frozen on the server) and the
// change order amounts (server facts). Pure.

import type { InvoiceView } from '../api/types';
import { quoteSheet } from './a1';
import type { ColumnKey } from './columns';
import type { SheetLayout } from './layout';
import { centsToCell, type CellValue } from './units';

/** Header fields the invoice view does not carry (from the project and contract records). */
export type G702Header = {
  owner?: string;
  project?: string;
  contractor?: string;
  architect?: string;
  contractDate?: string | null;
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
  line1OriginalContractSumCents: 12,
  line2NetChangeByChangeOrdersCents: 13,
  line3ContractSumToDateCents: 14,
  line4TotalCompletedAndStoredCents: 15,
  line5aWorkRetainageCents: 16,
  line5bStoredRetainageCents: 17,
  line5TotalRetainageCents: 18,
  line6TotalEarnedLessRetainageCents: 19,
  line7PreviousCertificatesCents: 20,
  line8CurrentPaymentDueCents: 21,
  line9BalanceToFinishInclRetainageCents: 22,
};
const CO_HEADER_ROW = 24;

const MONEY = '#,##0.00;(#,##0.00)';

export function planG702(view: InvoiceView, layout: SheetLayout, g703Sheet: string, header: G702Header = {}): G702Plan {
  const inv = view.invoice;
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

  const rows: Array<[CellValue, CellValue, CellValue, string]> = [];
  const put = (r: number, a: CellValue, bv: CellValue, c: CellValue = '', fmt = MONEY) => {
    rows[r] = [a, bv, c, fmt];
  };
  put(0, 'APPLICATION AND CERTIFICATE FOR PAYMENT (AIA G702)', '', '', '@');
  put(2, 'To owner/client', header.owner ?? '', '', '@');
  put(3, 'Project', header.project ?? '', '', '@');
  put(4, 'Contract', header.contractFor ?? `#${view.contract.number} ${view.contract.title}`, '', '@');
  put(5, 'Application no.', inv.number, '', '0');
  put(6, 'Period', `${inv.billingPeriod.start} – ${inv.billingPeriod.end}`, '', '@');
  put(7, 'Contractor', header.contractor ?? '', '', '@');
  put(8, 'Architect/engineer', header.architect ?? '', '', '@');
  put(9, 'Contract date', header.contractDate ?? '', '', '@');
  put(11, "CONTRACTOR'S APPLICATION FOR PAYMENT", 'Amount', '', '@');
  put(
    G702_LINE_ROWS.line1OriginalContractSumCents,
    '1. Original contract sum',
    `=${b('line3ContractSumToDateCents')}-${b('line2NetChangeByChangeOrdersCents')}`,
  );
  put(G702_LINE_ROWS.line2NetChangeByChangeOrdersCents, '2. Net change by change orders', `=B${coRow(3) + 1}`);
  put(G702_LINE_ROWS.line3ContractSumToDateCents, '3. Contract sum to date (line 1 ± 2)', sumLines('scheduled'));
  put(G702_LINE_ROWS.line4TotalCompletedAndStoredCents, '4. Total completed & stored to date (column G on G703)', sumLines('total'));
  put(G702_LINE_ROWS.line5aWorkRetainageCents, '5a. Retainage on completed work', sumLines('workRetainageNet'));
  put(G702_LINE_ROWS.line5bStoredRetainageCents, '5b. Retainage on stored material', sumLines('storedRetainageNet'));
  put(
    G702_LINE_ROWS.line5TotalRetainageCents,
    '5. Total retainage (lines 5a + 5b, column I on G703)',
    `=${b('line5aWorkRetainageCents')}+${b('line5bStoredRetainageCents')}`,
  );
  put(
    G702_LINE_ROWS.line6TotalEarnedLessRetainageCents,
    '6. Total earned less retainage (line 4 − line 5)',
    `=${b('line4TotalCompletedAndStoredCents')}-${b('line5TotalRetainageCents')}`,
  );
  put(
    G702_LINE_ROWS.line7PreviousCertificatesCents,
    '7. Less previous certificates for payment (line 6 from prior certificate)',
    centsToCell(view.g702.line7PreviousCertificatesCents),
  );
  put(
    G702_LINE_ROWS.line8CurrentPaymentDueCents,
    '8. Current payment due',
    `=${b('line6TotalEarnedLessRetainageCents')}-${b('line7PreviousCertificatesCents')}`,
  );
  put(
    G702_LINE_ROWS.line9BalanceToFinishInclRetainageCents,
    '9. Balance to finish, including retainage (line 3 − line 6)',
    `=${b('line3ContractSumToDateCents')}-${b('line6TotalEarnedLessRetainageCents')}`,
  );
  put(CO_HEADER_ROW, 'CHANGE ORDER SUMMARY', 'Additions', 'Deductions', '@');
  put(coRow(0), 'Total changes approved in previous months', centsToCell(co.previousAdditionsCents), centsToCell(co.previousDeductionsCents));
  put(coRow(1), 'Total approved this month', centsToCell(co.thisPeriodAdditionsCents), centsToCell(co.thisPeriodDeductionsCents));
  put(coRow(2), 'Totals', `=B${coRow(0) + 1}+B${coRow(1) + 1}`, `=C${coRow(0) + 1}+C${coRow(1) + 1}`);
  put(coRow(3), 'Net changes by change order', `=B${coRow(2) + 1}-C${coRow(2) + 1}`);

  const grid: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r <= coRow(3); r++) {
    const [a, bv, c, fmt] = rows[r] ?? ['', '', '', 'General'];
    grid.push([a, bv, c]);
    formats.push(['@', fmt, fmt === '@' ? '@' : fmt]);
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

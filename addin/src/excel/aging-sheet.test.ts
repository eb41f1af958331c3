// The "Aging" sheet in the workbook double: the server's figures in their bucket columns, SUM
// formulas that add up to the server's totals, retainage apart, labels in the pane's language,
// a rewrite that replaces the previous content on the same sheet, and a user's own sheet of the
// same name left alone.
import { afterEach, describe, expect, it } from 'vitest';
import { installWorkbookDouble, type WorkbookDouble } from '../workbook-double';
import { agingSheetLabels } from './aging-labels';
import { AGING_SHEET_NAME, DATE_FORMAT, MONEY_FORMAT, type AgingReport } from './aging-plan';
import { AgingSheetTakenError, writeAgingSheet } from './aging-sheet';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

const zero = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };

/** Two contracts: #1 is owed $8,775.00 at 20 days late (+$6,475.00 retainage); #2 (owner "=Harbor Health") is owed $1,000.00 current, $2,500.50 at 75 days, $0.01 at 120. */
const report: AgingReport = {
  asOf: '2027-03-31',
  kind: 'prime',
  rows: [
    {
      contractNumber: 1,
      contractTitle: 'Harbor Point – Prime',
      counterpartyName: 'Harbor Health LLC',
      buckets: { ...zero, d1_30: 877_500 },
      totalOpenCents: 877_500,
      retainageHeldCents: 647_500,
      invoices: [{ number: 2, dueOn: '2027-03-11', daysPastDue: 20, bucket: 'd1_30', openCents: 877_500 }],
    },
    {
      contractNumber: 2,
      contractTitle: 'Phase 2',
      counterpartyName: '=Harbor Health',
      buckets: { ...zero, current: 100_000, d61_90: 250_050, d90_plus: 1 },
      totalOpenCents: 350_051,
      retainageHeldCents: 0,
      invoices: [
        { number: 1, dueOn: '2026-12-01', daysPastDue: 120, bucket: 'd90_plus', openCents: 1 },
        { number: 3, dueOn: '2027-01-15', daysPastDue: 75, bucket: 'd61_90', openCents: 250_050 },
        { number: 4, dueOn: '2027-04-10', daysPastDue: 0, bucket: 'current', openCents: 100_000 },
        { number: 5, dueOn: '2027-02-01', daysPastDue: 58, bucket: 'd31_60', openCents: 0 },
      ],
    },
  ],
};

const cents = (v: unknown) => Math.round((v as number) * 100);

describe('writeAgingSheet', () => {
  it('writes the buckets per contract, totals by SUM equal to the sums of the figures, retainage set apart', async () => {
    wb = installWorkbookDouble();
    const L = agingSheetLabels('en');
    const result = await writeAgingSheet(report, 'Harbor Point', 'en');
    expect(result).toEqual({ sheetName: 'Aging', contracts: 2, totalsRow: 8 });
    const snap = wb.getSheetSnapshot('Aging');
    expect(snap.values[0][0]).toBe(L.title.prime);
    expect(snap.values[1][0]).toBe('Project: Harbor Point');
    // as-of date: a real date (2027-03-31 is day 46,477 after 1899-12-30)
    expect(snap.values[2].slice(0, 2)).toEqual([L.asOf, 46_477]);
    expect(snap.numberFormats[2][1]).toBe(DATE_FORMAT);
    expect(snap.values[5]).toEqual([
      'Contract',
      'Owner',
      'Current',
      '1–30 days',
      '31–60 days',
      '61–90 days',
      'Over 90 days',
      'Total open',
      '',
      L.retainageHeld,
    ]);
    expect(snap.frozenRows).toBe(6);
    // row 7: contract #1; row 8: #2, whose owner's name "=Harbor Health" stays text
    expect(snap.values[6].slice(0, 2)).toEqual(['#1 Harbor Point – Prime', 'Harbor Health LLC']);
    expect(snap.formulas[7][1]).toBeNull();
    expect(snap.values[7].slice(0, 2)).toEqual(['#2 Phase 2', '=Harbor Health']);
    expect(snap.values[6].slice(2, 7).map(cents)).toEqual([0, 877_500, 0, 0, 0]);
    expect(snap.values[7].slice(2, 7).map(cents)).toEqual([100_000, 0, 0, 250_050, 1]);
    // each row's total is a SUM of its buckets and equals the server's totalOpenCents
    expect(snap.formulas[6][7]).toBe('=SUM(C7:G7)');
    expect([cents(snap.values[6][7]), cents(snap.values[7][7])]).toEqual([877_500, 350_051]);
    // retainage: column J, after an empty column; never in a bucket or in the total
    expect(snap.values[6][8]).toBe('');
    expect([cents(snap.values[6][9]), cents(snap.values[7][9])]).toEqual([647_500, 0]);
    // totals row: SUM over the contract rows, = 877,500 + 350,051 = 1,227,551 cents
    expect(snap.values[8][0]).toBe('Total');
    expect(snap.formulas[8][2]).toBe('=SUM(C7:C8)');
    expect(snap.values[8].slice(2, 8).map(cents)).toEqual([100_000, 877_500, 0, 250_050, 1, 1_227_551]);
    expect(cents(snap.values[8][9])).toBe(647_500);
    expect(snap.bold[8][0]).toBe(true);
    for (const c of [2, 3, 4, 5, 6, 7, 9]) expect([snap.numberFormats[6][c], snap.numberFormats[8][c]]).toEqual([MONEY_FORMAT, MONEY_FORMAT]);
    // open invoices below (the paid-off #5 is left out), each in its bucket's words
    expect(snap.values[10][0]).toBe(L.invoicesTitle);
    expect(snap.values.slice(12, 16).map((r) => [r[1], r[3], r[4], cents(r[5])])).toEqual([
      ['#2', 20, '1–30 days', 877_500],
      ['#1', 120, 'Over 90 days', 1],
      ['#3', 75, '61–90 days', 250_050],
      ['#4', 0, 'Current', 100_000],
    ]);
    expect(snap.rowCount).toBe(16);
  });

  it('rewriting replaces the content on the same sheet: nothing of the longer report is left', async () => {
    wb = installWorkbookDouble();
    await writeAgingSheet(report, 'Harbor Point', 'en');
    const before = wb.sheetNames();
    const shorter: AgingReport = { ...report, asOf: '2027-04-30', rows: [{ ...report.rows[0], invoices: [] }] };
    await writeAgingSheet(shorter, 'Harbor Point', 'en');
    expect(wb.sheetNames()).toEqual(before);
    const snap = wb.getSheetSnapshot('Aging');
    // title block, header, one contract row, totals: rows 1–8, no value or formula below
    expect(snap.rowCount).toBe(8);
    expect(snap.values[7].slice(0, 1)).toEqual(['Total']);
    expect(cents(snap.values[7][7])).toBe(877_500);
    expect(snap.formulas[7][7]).toBe('=SUM(H7:H7)');
  });

  it("writes the sheet's words in the pane's language; a rewrite in another language keeps the sheet", async () => {
    wb = installWorkbookDouble();
    await writeAgingSheet(report, 'Harbor Point', 'en');
    await writeAgingSheet(report, 'Harbor Point', 'es');
    const L = agingSheetLabels('es');
    const snap = wb.getSheetSnapshot('Aging');
    expect(wb.sheetNames()).toEqual(['Aging']);
    expect(snap.values[0][0]).toBe(L.title.prime);
    expect(snap.values[5].slice(0, 3)).toEqual(['Contrato', 'Propietario', 'Al corriente']);
    expect(snap.values[8][0]).toBe('Total');
  });

  it('an empty report says so and totals to zero; commitments go to their own sheet', async () => {
    wb = installWorkbookDouble();
    await writeAgingSheet(report, 'Harbor Point', 'en');
    const result = await writeAgingSheet({ asOf: '2027-03-31', kind: 'commitment', rows: [] }, 'Harbor Point', 'fr');
    expect(result.sheetName).toBe(AGING_SHEET_NAME.commitment);
    expect(wb.sheetNames()).toEqual(['Aging', 'Aging (commitments)']);
    const snap = wb.getSheetSnapshot(AGING_SHEET_NAME.commitment);
    expect(snap.values[5][1]).toBe('Sous-traitant');
    expect(snap.values[6][0]).toBe('Aucun solde ouvert.');
    expect(snap.values[7].slice(2, 8)).toEqual([0, 0, 0, 0, 0, 0]);
    // the prime sheet is untouched
    expect(cents(wb.getSheetSnapshot('Aging').values[8][7])).toBe(1_227_551);
  });

  it("refuses to overwrite a user's own sheet named Aging", async () => {
    wb = installWorkbookDouble();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('Aging').getRange('A1:B1').values = [['My notes', 42]];
      await ctx.sync();
    });
    await expect(writeAgingSheet(report, 'Harbor Point', 'en')).rejects.toBeInstanceOf(AgingSheetTakenError);
    expect(wb.getSheetSnapshot('Aging').values).toEqual([['My notes', 42]]);
  });
});

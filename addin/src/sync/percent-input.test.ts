// "% complete" typed into the G703's % (G ÷ C) column, on amount and unit lines, through the sync
// session against the strict workbook double (Excel's typed-input conversion, automatic percent
// entry) and the fake server (the worker's edit rules, shared/api/line-edits.ts). Expected figures
// are worked out by hand in the comments, not by the code under test.

import { afterEach, describe, expect, it } from 'vitest';
import { ZERO_PRIOR } from '@shared/engine';
import { entry, sov } from '@shared/engine/test-builders';
import { FakeServer } from '../api/fake-server';
import { installWorkbookDouble } from '../workbook-double';
import { setup, specOf, type Setup } from './test-harness';

let t: Setup | null = null;
afterEach(async () => {
  await t?.session.close();
  t?.wb.uninstall();
  t = null;
});

const cell = (s: Setup, lineId: string, key: string) => {
  const snap = s.wb.getSheetSnapshot(s.info.g703Sheet);
  return snap.values[s.info.rowByLineId[lineId]][s.info.columns.find((c) => c.key === key)!.index];
};
const sentEdits = (s: Setup) => s.server.patches().flatMap((p) => (p.body as { edits: object[] }).edits);

/** A unit-priced schedule: 100 TON at $1,850.00 (C = $185,000.00), 10 TON billed before. */
function unitServer(): FakeServer {
  return new FakeServer({
    invoiceId: 'inv-7',
    number: 2,
    version: 1,
    terms: { accountingMethod: 'unit', workRetainageBps: 1000, storedRetainageBps: 500, reduction: null, allowOverbilling: false },
    period: { start: '2026-11-01', end: '2026-11-30' },
    lines: [
      {
        sov: sov('1', {
          lineId: 'U1',
          description: 'Structural steel',
          scheduledQty: 100_0000, // 100 TON in ten-thousandths
          unitPrice: 1_850_0000, // $1,850.00 in ten-thousandths of a dollar
          unitOfMeasure: 'TON',
          originalScheduledValueCents: 18_500_000, // 100 × 1,850.00
        }),
        prior: { ...ZERO_PRIOR, workQtyToDate: 10_0000, workCompletedToDateCents: 1_850_000, workRetainageCents: 185_000 },
        entry: entry(),
      },
    ],
  });
}

describe('"% complete" typed in the sheet', () => {
  it('amount line: "50%" sends percentComplete; E = round(C × 50%) − D, and the cell shows G ÷ C after the save', async () => {
    t = await setup({ lines: 3 });
    // specOf: C = 100,000.00, D = 1,000.00 on every line
    expect(cell(t, 'L1', 'percent')).toBe(0.01); // G ÷ C = 1,000 / 100,000 before
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1', 'percent'), [['50%']]);
    await t.settle();
    expect(sentEdits(t)).toEqual([{ lineId: 'L1', percentComplete: '50%' }]);
    // cumulative = 100,000.00 × 50% = 50,000.00; E = 50,000.00 − 1,000.00 = 49,000.00
    expect(t.server.view().lines[0].workCompletedThisPeriodCents).toBe(4_900_000);
    expect(cell(t, 'L1', 'thisPeriod')).toBe(49_000);
    expect(cell(t, 'L1', 'percent')).toBe(0.5);
    expect(cell(t, 'L1', 'total')).toBe(50_000);
    // the percent cell keeps its 0.00% format (Excel keeps a cell's percentage format)
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    expect(snap.numberFormats[t.info.rowByLineId.L1][t.info.columns.find((c) => c.key === 'percent')!.index]).toBe('0.00%');
    // nothing else moved, and a later E edit is not undone by the stale % (the next diff starts from the server's)
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[30_000]]);
    await t.settle();
    expect(sentEdits(t).at(-1)).toEqual({ lineId: 'L1', workCompletedThisPeriod: 30_000 });
    expect(cell(t, 'L1', 'percent')).toBe(0.31); // (1,000 + 30,000) / 100,000
  });

  it('"25" typed into the % cell is 25 % (automatic percent entry); "25,5 %" in es-ES is 25.5 %', async () => {
    const wb = installWorkbookDouble({ displayLanguage: 'es-ES' });
    t = await setup({ lines: 3, wb });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1', 'percent'), [['25'], ['25,5 %']]);
    await t.settle();
    expect(sentEdits(t)).toEqual([
      { lineId: 'L1', percentComplete: '25%' },
      { lineId: 'L2', percentComplete: '25.5%' },
    ]);
    // L1: 100,000.00 × 25% = 25,000.00 − 1,000.00 = 24,000.00; L2: × 25.5% = 25,500.00 − 1,000.00 = 24,500.00
    expect(
      t.server
        .view()
        .lines.slice(0, 2)
        .map((l) => l.workCompletedThisPeriodCents),
    ).toEqual([2_400_000, 2_450_000]);
    expect([cell(t, 'L1', 'percent'), cell(t, 'L2', 'percent')]).toEqual([0.25, 0.255]);
  });

  it('a bad percentage is refused on its cell with the server message; nothing saved', async () => {
    t = await setup({ lines: 3, server: new FakeServer(specOf(3)) });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2', 'percent'), [['half']]);
    await t.settle('error');
    expect(t.session.status().rejected.map((r) => [r.lineId, r.field])).toEqual([['L2', 'percentComplete']]);
    expect(t.last().message).toMatch(/half/);
    expect(t.server.view().lines[1].workCompletedThisPeriodCents).toBe(0);
  });

  it('unit line: "25%" sets the quantity: round(100 TON × 25%) − 10 TON = 15 TON; E from the quantity', async () => {
    t = await setup({ server: unitServer() });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('U1', 'percent'), [['25%']]);
    await t.settle();
    expect(sentEdits(t)).toEqual([{ lineId: 'U1', percentComplete: '25%' }]);
    const line = t.server.view().lines[0];
    // cumulative 25 TON; this period 25 − 10 = 15 TON; E = 25 × 1,850.00 − 10 × 1,850.00 = 27,750.00
    expect([line.workQtyThisPeriod, line.workQtyToDate, line.workCompletedThisPeriodCents]).toEqual([15_0000, 25_0000, 2_775_000]);
    expect(cell(t, 'U1', 'qtyThisPeriod')).toBe(15);
    expect(cell(t, 'U1', 'thisPeriod')).toBe(27_750); // the sheet's live formula from the quantity
    expect(cell(t, 'U1', 'percent')).toBe(0.25); // G ÷ C = 46,250.00 / 185,000.00
  });
});

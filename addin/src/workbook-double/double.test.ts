// The double itself: office-js queueing semantics, the 5 MB request limit, protection, events.

import { afterEach, expect, it } from 'vitest';
import { installWorkbookDouble, type WorkbookDouble } from '.';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

it('refuses a request above 5 MB, like Excel on the web', async () => {
  wb = installWorkbookDouble();
  await expect(
    Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add('Big');
      s.getRange('A1:A3000').values = Array.from({ length: 3000 }, () => ['y'.repeat(2000)]);
      await ctx.sync();
    }),
  ).rejects.toThrow(/5 MB/);
});

it('loaded values are readable only after sync; writes run in queue order', async () => {
  wb = installWorkbookDouble();
  await Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.add('S');
    s.getRange('A1:B1').values = [[2, 3]];
    s.getRange('C1').formulas = [['=A1*B1']];
    const before = s.getRange('C1').load('values');
    expect(() => before.values).toThrow(/not available/);
    await ctx.sync();
    expect(before.values).toEqual([[6]]);
    s.getRange('A1').values = [[10]];
    const after = s.getRange('C1').load('values');
    await ctx.sync();
    expect(after.values).toEqual([[30]]);
  });
  expect(wb.stats.syncCount).toBe(2);
});

it("user edits raise onChanged with triggerSource Unknown, the add-in's own with ThisLocalAddin", async () => {
  wb = installWorkbookDouble();
  const seen: Array<{ address: string; triggerSource?: string; details?: unknown }> = [];
  await Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.add('S');
    s.onChanged.add(async (e) => {
      seen.push({ address: e.address, triggerSource: e.triggerSource, details: (e as { details?: unknown }).details });
    });
    await ctx.sync();
    s.getRange('A1:A2').values = [[1], [2]];
    await ctx.sync();
  });
  await wb.idle();
  await wb.setValuesAsUser('S', 'B2', [
    ['1,234.50', '12,34x'],
    ['-', ''],
  ]);
  expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
    ['A1:A2', 'ThisLocalAddin'],
    ['B2:C3', 'Unknown'],
  ]);
  expect(seen[1].details).toBeUndefined(); // a multi-cell paste carries no details
  // typed text is taken the way Excel takes it
  expect(wb.getSheetSnapshot('S').values[1].slice(1)).toEqual([1234.5, '12,34x']);
  expect(wb.getSheetSnapshot('S').values[2][1]).toBe('-');
});

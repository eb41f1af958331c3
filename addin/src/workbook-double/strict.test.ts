// The double is at least as strict as Excel where Excel surprises add-ins. One test per behaviour;
// the comment in the double's source cites the Microsoft page or office-js issue for each.

import { afterEach, describe, expect, it } from 'vitest';
import { installWorkbookDouble, OP_OVERHEAD_BYTES, type WorkbookDouble } from '.';
import { dateSerial, typedInput } from './typed-input';
import { shiftFormulaRows } from './user-actions';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

const deadline = <T>(p: Promise<T>, ms = 2_000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

async function sheetWith(name: string, values: unknown[][], address = 'A1') {
  await Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.add(name);
    s.getRange(address).getResizedRange(values.length - 1, values[0].length - 1).values = values as never;
    await ctx.sync();
  });
}

describe('cell-edit mode', () => {
  it('a batch fails with InvalidOperationInCellEditMode unless delayForCellEdit; with it, it waits for Enter', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [[1]]);
    wb.beginCellEdit();
    const read = (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      return ctx.sync().then(() => r.values);
    };
    await expect(Excel.run(read)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const delayed = Excel.run({ delayForCellEdit: true }, read).then((v) => {
      done = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    wb.endCellEdit();
    expect(await deadline(delayed)).toEqual([[1]]);
  });
});

describe('requirement sets', () => {
  it("APIs above the host's ExcelApi version fail with ApiNotFound", async () => {
    wb = installWorkbookDouble({ apiVersion: '1.8' });
    await sheetWith('S', [[1]]);
    const attempt = (fn: (ctx: Excel.RequestContext) => void) =>
      Excel.run(async (ctx) => {
        fn(ctx);
        await ctx.sync();
      });
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItem('S').showOutlineLevels(1, 0))).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItem('S').getRange('1:2').group('ByRows'))).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItem('S').notes.add('A1', 'x'))).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(attempt((ctx) => ctx.workbook.comments.add('S!A1', 'x'))).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      attempt((ctx) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    wb.setApiVersion('1.10');
    await attempt((ctx) => ctx.workbook.worksheets.getItem('S').showOutlineLevels(1, 0));
  });
});

describe('requirement sets of the sheet calls the Aging sheet relies on', () => {
  it('getItemOrNullObject needs ExcelApi 1.4, freezePanes.freezeRows 1.7', async () => {
    wb = installWorkbookDouble({ apiVersion: '1.3' });
    await sheetWith('S', [[1]]);
    const attempt = (fn: (ctx: Excel.RequestContext) => void) =>
      Excel.run(async (ctx) => {
        fn(ctx);
        await ctx.sync();
      });
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItemOrNullObject('S'))).rejects.toMatchObject({ code: 'ApiNotFound' });
    wb.setApiVersion('1.6');
    await attempt((ctx) => ctx.workbook.worksheets.getItemOrNullObject('S'));
    await expect(attempt((ctx) => ctx.workbook.worksheets.getItem('S').freezePanes.freezeRows(1))).rejects.toMatchObject({ code: 'ApiNotFound' });
    wb.setApiVersion('1.7');
    await attempt((ctx) => ctx.workbook.worksheets.getItem('S').freezePanes.freezeRows(1));
    expect(wb.getSheetSnapshot('S').frozenRows).toBe(1);
  });
});

describe('events', () => {
  it('a sheet-level handler dies with its sheet; a workbook-level one hears the new sheet, with its id and source', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [[1]]);
    const onSheet: string[] = [];
    const onBook: Array<{ worksheetId: string; source: string }> = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').onChanged.add(async (a) => {
        onSheet.push(a.address);
      });
      ctx.workbook.worksheets.onChanged.add(async (a) => {
        onBook.push({ worksheetId: a.worksheetId, source: a.source });
      });
      await ctx.sync();
    });
    await wb.deleteSheetAsUser('S');
    await sheetWith('S', [[2]]);
    const id = wb.book.sheet('S')!.id;
    await wb.setValuesAsUser('S', 'A1', [[3]]);
    await wb.setValuesAsRemote('S', 'A2', [[4]]);
    expect(onSheet).toEqual([]);
    expect(onBook.slice(-2)).toEqual([
      { worksheetId: id, source: 'Local' },
      { worksheetId: id, source: 'Remote' },
    ]);
  });
});

describe('protection', () => {
  it('inside a table a protected sheet blocks filtering and sorting whatever the options say; passwords are checked', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [['h'], ['a'], ['b']]);
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.tables.add('A1:A3', true);
      s.protection.protect({ allowAutoFilter: true, allowSort: true }, 'pw');
      await ctx.sync();
    });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.tables.getItemOrNullObject('Table1').columns.getItemAt(0).filter.applyValuesFilter(['a']);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(wb.sortAsUser('S', 'A2:A3', 0, true)).rejects.toThrow(/protected sheet/);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').protection.unprotect();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').protection.unprotect('pw');
      await ctx.sync();
    });
    await wb.sortAsUser('S', 'A2:A3', 0, true);
    expect(wb.getSheetSnapshot('S').values.map((r) => r[0])).toEqual(['h', 'b', 'a']);
  });
});

describe('tables', () => {
  it('a formula written into one cell of an empty table column fills the whole column (calculated column)', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [
      ['x', 'y'],
      [1, ''],
      [2, ''],
      [3, ''],
    ]);
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.tables.add('A1:B4', true);
      s.getRange('B3').formulas = [['=A3*10']];
      await ctx.sync();
    });
    const snap = wb.getSheetSnapshot('S');
    expect(snap.formulas.slice(1).map((r) => r[1])).toEqual(['=A2*10', '=A3*10', '=A4*10']);
    expect(snap.values.slice(1).map((r) => r[1])).toEqual([10, 20, 30]);
    expect(shiftFormulaRows("=SUM('G703 #3'!E8:E9)+$A$1+B2", 2)).toBe("=SUM('G703 #3'!E10:E11)+$A$1+B4");
  });
});

describe('typed input by locale', () => {
  it('converts like Excel: percent, dates, currency, parentheses, decimal commas; leaves text as text', () => {
    const year = 2026;
    expect(typedInput('5%', 'en-US', year)).toEqual({ value: 0.05, numberFormat: '0%' });
    expect(typedInput('1/2', 'en-US', year)).toEqual({ value: dateSerial(2026, 1, 2), numberFormat: 'd-mmm' });
    expect(dateSerial(2026, 1, 2)).toBe(46_024);
    expect(typedInput('1/2', 'es-ES', year).value).toBe(dateSerial(2026, 2, 1));
    expect(typedInput('$5', 'en-US').value).toBe(5);
    expect(typedInput('(5)', 'en-US').value).toBe(-5);
    expect(typedInput('1,234.50', 'en-US').value).toBe(1234.5);
    expect(typedInput('1.234,50', 'es-ES').value).toBe(1234.5);
    expect(typedInput('12,34', 'es-ES').value).toBe(12.34);
    expect(typedInput('1\u202f234,50', 'fr-FR').value).toBe(1234.5);
    expect(typedInput('1.234,50', 'en-US').value).toBe('1.234,50');
    expect(typedInput('12,34x', 'en-US').value).toBe('12,34x');
    expect(typedInput('-', 'en-US').value).toBe('-');
  });

  it('into a cell formatted as a percentage: automatic percent entry (KB 215203), the format kept', () => {
    const pct = (text: string, locale = 'en-US') => typedInput(text, locale, 2026, '0.00%');
    expect(pct('25%')).toEqual({ value: 0.25 }); // format stays 0.00%
    expect(pct('25')).toEqual({ value: 0.25 }); // ≥ 1: a percent
    expect(pct('.25')).toEqual({ value: 0.25 }); // < 1 without a leading zero: the fraction
    expect(pct('0.25')).toEqual({ value: 0.0025 }); // a leading zero: 0.25 %
    expect(pct('25,5 %', 'es-ES').value).toBeCloseTo(0.255, 12);
    expect(pct('25,5 %', 'fr-FR').value).toBeCloseTo(0.255, 12);
    expect(pct('25,5', 'fr-FR').value).toBeCloseTo(0.255, 12);
    expect(pct('abc')).toEqual({ value: 'abc' });
    // a General cell: the number as typed
    expect(typedInput('25', 'en-US', 2026)).toEqual({ value: 25 });
  });

  it('a user typing "5%" into a cell leaves 0.05 formatted as a percentage; Range.text shows "5%"', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [[0]]);
    await wb.setValuesAsUser('S', 'A1', [['5%']]);
    const r = await Excel.run(async (ctx) => {
      const x = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values,numberFormat,text');
      await ctx.sync();
      return x;
    });
    expect([r.values, r.numberFormat, r.text]).toEqual([[[0.05]], [['0%']], [['5%']]]);
  });
});

describe('request size', () => {
  it('every operation costs at least the wire overhead of its object path, so many small ranges are counted', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [[1]]);
    wb.resetStats();
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      for (let i = 0; i < 2_000; i++) s.getRange(`B${i + 1}`).format.fill.color = '#FFFFFF';
      await ctx.sync();
    });
    expect(OP_OVERHEAD_BYTES).toBeGreaterThanOrEqual(400);
    expect(wb.stats.maxRequestBytes).toBeGreaterThan(2_000 * OP_OVERHEAD_BYTES);
  });
});

describe('Undo', () => {
  it("protect, unprotect and Worksheet.delete clear the user's Undo everywhere; a rename only on Windows and Mac", async () => {
    for (const platform of ['web', 'windows'] as const) {
      wb = installWorkbookDouble({ platform });
      await sheetWith('S', [[1]]);
      await wb.setValuesAsUser('S', 'A1', [[2]]);
      await Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.getRange('B1').values = [[1]];
        s.name = 'T';
        await ctx.sync();
      });
      expect(wb.canUndo()).toBe(platform === 'web');
      await wb.setValuesAsUser('T', 'A1', [[3]]);
      await Excel.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem('T').protection;
        p.protect();
        p.unprotect();
        await ctx.sync();
      });
      expect(wb.canUndo()).toBe(false);
      expect(wb.book.undoClears.slice(-2)).toEqual(['WorksheetProtection.protect', 'WorksheetProtection.unprotect']);
      wb.uninstall();
    }
  });
});

describe('array shapes', () => {
  it('a 1×1 number format covers a bounded range; values, formulas and other shapes must match the range', async () => {
    wb = installWorkbookDouble();
    await sheetWith('S', [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B3').numberFormat = [['0.00%']];
      await ctx.sync();
    });
    expect(wb.getSheetSnapshot('S').numberFormats).toEqual([
      ['0.00%', '0.00%'],
      ['0.00%', '0.00%'],
      ['0.00%', '0.00%'],
    ]);
    const set = (apply: (r: Excel.Range) => void) =>
      Excel.run(async (ctx) => {
        apply(ctx.workbook.worksheets.getItem('S').getRange('A1:B3'));
        await ctx.sync();
      });
    await expect(set((r) => (r.numberFormat = [['@'], ['@']]))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(set((r) => (r.values = [[7]]))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(set((r) => (r.formulas = [['=1']]))).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(wb.getSheetSnapshot('S').values).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});

describe('worksheet names', () => {
  it('refuses what Excel refuses: blank, over 31 characters, / \\ ? * : [ ], a leading or trailing apostrophe, "History", a duplicate', async () => {
    wb = installWorkbookDouble();
    const add = (name: string) =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      });
    await add('Aging (commitments)');
    await add("Owner's copy");
    await add('x'.repeat(31));
    for (const bad of ['', 'x'.repeat(32), 'A/B', 'A\\B', 'Why?', 'A*', 'Q1:Q2', '[Aging]', "'Aging", "Aging'", 'history'])
      await expect(add(bad), JSON.stringify(bad)).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add('AGING (COMMITMENTS)')).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Owner's copy").name = 'Q1/Q2';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(wb.sheetNames()).toEqual(['Aging (commitments)', "Owner's copy", 'x'.repeat(31)]);
  });
});

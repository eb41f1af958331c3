// The sync session against the strict workbook double: what Excel does to an add-in that the
// lenient double never did (cell-edit mode, Undo, sorted/inserted rows, deleted and renamed
// sheets, co-authors, locale input). Lines carry distinct figures, so a value written to the wrong
// row shows; every assertion is per line id.

import { afterEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../api/fake-server';
import { MARK_PREFIX } from '../excel/marks';
import type { SheetInfo } from '../excel/sheet-info';
import type { WorkbookDouble } from '../workbook-double';
import { G702_NOTICE_CELL } from './session-sheet';
import { setup, specOf, waitFor, type Setup } from './test-harness';

let t: Setup | null = null;
afterEach(async () => {
  await t?.session.close();
  t?.wb.uninstall();
  t = null;
});

/** 20 lines whose previous work and this period differ per line (L1 … L20). */
function distinctServer(n = 20): FakeServer {
  const spec = specOf(n);
  spec.lines.forEach((l, i) => {
    l.prior = { ...l.prior, workCompletedToDateCents: (i + 1) * 10_000, workRetainageCents: (i + 1) * 1_000 };
    l.entry = { ...l.entry, workCompletedThisPeriodCents: (i + 1) * 100 };
  });
  return new FakeServer(spec);
}

const colOf = (info: SheetInfo, key: string) => info.columns.find((c) => c.key === key)!.index;

/** lineId → its row on the sheet NOW (read from the Line ID column). */
function rowsNow(wb: WorkbookDouble, info: SheetInfo, sheet = info.g703Sheet): Record<string, number> {
  const snap = wb.getSheetSnapshot(sheet);
  const id = colOf(info, 'lineId');
  const out: Record<string, number> = {};
  snap.values.forEach((r, i) => {
    if (typeof r[id] === 'string' && /^L\d+$/.test(r[id] as string)) out[r[id] as string] = i;
  });
  return out;
}

/** Every line's row shows that line's server figures (D previous, E this period). */
function expectEveryRowOnItsLine(s: Setup, sheet = s.info.g703Sheet) {
  const snap = s.wb.getSheetSnapshot(sheet);
  const rows = rowsNow(s.wb, s.info, sheet);
  const view = s.server.view();
  for (const l of view.lines) {
    const r = rows[l.lineId];
    expect(r, `row of ${l.lineId}`).toBeDefined();
    expect([l.lineId, snap.values[r][colOf(s.info, 'previous')]]).toEqual([l.lineId, l.workCompletedPreviousCents / 100]);
    expect([l.lineId, snap.values[r][colOf(s.info, 'thisPeriod')]]).toEqual([l.lineId, l.workCompletedThisPeriodCents / 100]);
  }
}

const cellOfNow = (s: Setup, lineId: string, key = 'thisPeriod', sheet = s.info.g703Sheet) =>
  `${s.info.columns[colOf(s.info, key)].letter}${rowsNow(s.wb, s.info, sheet)[lineId] + 1}`;

describe('cell-edit mode (Excel.RunOptions.delayForCellEdit)', () => {
  it('an edit followed at once by typing in the next cell is saved once the user presses Enter', async () => {
    t = await setup({ server: distinctServer() });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2'), [[42]], { thenEditing: true });
    await new Promise((r) => setTimeout(r, 80));
    expect(t.server.patches()).toHaveLength(0); // the read is waiting, not failed
    t.wb.endCellEdit();
    await t.settle();
    expect(t.server.view().lines[1].workCompletedThisPeriodCents).toBe(4200);
    expect(t.session.seen().dirty).toBe(0);
  });
});

describe('Undo', () => {
  it("a save clears nothing from the user's Undo stack (no protect/unprotect, no sheet rebuild)", async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[10], [20]]);
    await t.settle();
    expect(t.server.patches()).toHaveLength(1);
    expect(t.wb.book.undoClears).toEqual([]);
    expect(t.wb.canUndo()).toBe(true);
    await t.session.refresh();
    expect(t.wb.book.undoClears).toEqual([]);
  });
});

describe('rows identified by line id, never by position', () => {
  it("after a sort, a save and a refresh write each line's figures on its own row; Refresh sends nothing", async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    const last = t.info.columns.at(-1)!.letter;
    t.wb.unprotectAsUser(t.info.g703Sheet); // what a user of a protecting add-in does first (no-op here)
    await t.wb.sortAsUser(t.info.g703Sheet, `A${t.info.firstDataRow + 1}:${last}${t.info.lastDataRow + 1}`, colOf(t.info, 'description'), true);
    expect(rowsNow(t.wb, t.info).L20).toBe(t.info.firstDataRow); // really reversed
    await t.wb.setValuesAsUser(t.info.g703Sheet, cellOfNow(t, 'L3'), [[333]]);
    await t.settle();
    t.server.editAsOtherUser('L5', { workCompletedThisPeriodCents: 55_500 });
    await t.session.refresh();
    await t.settle();
    expect(t.server.patches()).toHaveLength(1);
    expect(t.server.view().lines[2].workCompletedThisPeriodCents).toBe(33_300);
    expectEveryRowOnItsLine(t);
  });

  it('after rows are inserted inside the table, edits below them land on their own lines', async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    t.wb.unprotectAsUser(t.info.g703Sheet);
    await t.wb.insertRowsAsUser(t.info.g703Sheet, t.info.rowByLineId.L2, 2);
    await t.wb.setValuesAsUser(t.info.g703Sheet, cellOfNow(t, 'L20'), [[2020]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, cellOfNow(t, 'L5'), [[505]]);
    await t.settle();
    t.server.editAsOtherUser('L7', { workCompletedThisPeriodCents: 77_700 });
    await t.session.refresh();
    await t.settle();
    const lines = t.server.view().lines;
    expect([lines[19].workCompletedThisPeriodCents, lines[4].workCompletedThisPeriodCents]).toEqual([202_000, 50_500]);
    const sent = t.server.patches().flatMap((p) => (p.body as { edits: Array<{ lineId: string }> }).edits.map((e) => e.lineId));
    expect(sent.sort()).toEqual(['L20', 'L5']);
    expectEveryRowOnItsLine(t);
  });

  it('after a column is inserted inside the table before E, an edit of the moved "this period" column is sent for its line and field only', async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    t.wb.unprotectAsUser(t.info.g703Sheet);
    const e = colOf(t.info, 'thisPeriod');
    // E is now the user's column, "this period" is F. (G's =SUM(D8,E8,F8) follows its three cells
    // to D, F, G: the inserted column is not summed.)
    await t.wb.insertColumnsAsUser(t.info.g703Sheet, e, 1);
    const row = t.info.rowByLineId.L3 + 1; // rows did not move; the Line ID column did (one right)
    expect(t.wb.getSheetSnapshot(t.info.g703Sheet).values[t.info.headerRow][e + 1]).toBe('E · Work Completed This Period');
    await t.wb.setValuesAsUser(t.info.g703Sheet, `E${row}:F${row}`, [['checked', 333]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, `E${row + 1}`, [['ok']]); // the inserted column only
    await t.settle();
    expect(t.server.patches().map((p) => p.body)).toEqual([{ edits: [{ lineId: 'L3', workCompletedThisPeriod: 333 }] }]);
    expect(t.server.view().lines[2].workCompletedThisPeriodCents).toBe(33_300);
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    // The write-back went to the columns where their headers are now; the user's column is untouched.
    expect([snap.values[row - 1][e], snap.values[row][e]]).toEqual(['checked', 'ok']);
    const lines = t.server.view().lines;
    const id = colOf(t.info, 'lineId') + 1;
    for (const l of lines) {
      const r = snap.values.findIndex((v) => v[id] === l.lineId);
      expect([l.lineId, snap.values[r][e + 1]]).toEqual([l.lineId, l.workCompletedThisPeriodCents / 100]);
    }
  });

  it('a required column whose header was overwritten is reported, and nothing is read from or sent for it', async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    t.wb.unprotectAsUser(t.info.g703Sheet);
    const e = t.info.columns[colOf(t.info, 'thisPeriod')].letter;
    const f = t.info.columns[colOf(t.info, 'stored')].letter;
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${e}${t.info.headerRow + 1}`, [['My notes']]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L3'), [[333]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${f}${t.info.rowByLineId.L4 + 1}`, [[55]]);
    await t.wb.idle();
    await t.session.settled();
    await waitFor(() => t!.server.patches().length === 1, 'one PATCH');
    expect(t.server.patches().map((p) => p.body)).toEqual([{ edits: [{ lineId: 'L4', materialsPresentlyStored: 55 }] }]);
    expect(t.server.view().lines[2].workCompletedThisPeriodCents).toBe(300);
    expect(t.statuses.some((s) => /Column headers not found: "E · Work Completed This Period"/.test(s.message ?? ''))).toBe(true);
  });

  it('a line whose row was deleted is reported, and its figures are written nowhere', async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    t.wb.unprotectAsUser(t.info.g703Sheet);
    await t.wb.insertRowsAsUser(t.info.g703Sheet, t.info.rowByLineId.L4, -1);
    t.server.editAsOtherUser('L4', { workCompletedThisPeriodCents: 44_400 });
    t.server.editAsOtherUser('L6', { workCompletedThisPeriodCents: 66_600 });
    await t.session.refresh();
    await t.wb.idle();
    expect(t.last().message).toMatch(/Line 4 is not on the sheet/);
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    expect(snap.values.flat()).not.toContain(444);
    expect(snap.values[rowsNow(t.wb, t.info).L6][colOf(t.info, 'thisPeriod')]).toBe(666);
    expect(t.server.patches()).toHaveLength(0);
  });

  it('delete the G703 sheet and Refresh: it is drawn again and later edits are saved', async () => {
    t = await setup({ server: distinctServer() });
    await t.wb.deleteSheetAsUser(t.info.g703Sheet);
    await t.session.refresh();
    await t.settle();
    expect(t.wb.sheetNames()).toContain(t.info.g703Sheet);
    await t.wb.setValuesAsUser(t.info.g703Sheet, cellOfNow(t, 'L4'), [[404]]);
    await t.settle();
    expect(t.server.patches()).toHaveLength(1);
    expect(t.server.view().lines[3].workCompletedThisPeriodCents).toBe(40_400);
  });

  it("rename the G703 sheet: edits are still saved, Refresh keeps the user's name and creates no sheet", async () => {
    t = await setup({ server: distinctServer(), session: { terms: null } });
    await t.wb.renameSheetAsUser(t.info.g703Sheet, 'My continuation');
    await t.wb.setValuesAsUser('My continuation', cellOfNow(t, 'L4', 'thisPeriod', 'My continuation'), [[404]]);
    await t.settle();
    expect(t.server.view().lines[3].workCompletedThisPeriodCents).toBe(40_400);
    t.server.editAsOtherUser('L8', { workCompletedThisPeriodCents: 88_800 });
    await t.session.refresh();
    await t.settle();
    expect(t.wb.sheetNames().filter((n) => n.startsWith('G703') || n === 'My continuation')).toEqual(['My continuation']);
    expectEveryRowOnItsLine(t, 'My continuation');
    expect(t.server.patches()).toHaveLength(1);
  });
});

describe('co-authoring', () => {
  it('a Remote change is never PATCHed, neither when it arrives nor on a later Refresh or edit', async () => {
    t = await setup({ server: distinctServer() });
    await t.wb.setValuesAsRemote(t.info.g703Sheet, t.cellOf('L6'), [[6666]]);
    await t.session.settled();
    await t.session.refresh();
    await t.session.settled();
    expect(t.server.patches()).toHaveLength(0);
    expect(t.session.seen().remoteChanges).toBe(1);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L7'), [[77]]);
    await t.session.settled();
    // (the status then reports a G702 mismatch: the sheet holds the co-author's unsaved 6,666)
    expect(t.server.patches().map((p) => p.body)).toEqual([{ edits: [{ lineId: 'L7', workCompletedThisPeriod: 77 }] }]);
  });
});

describe('typed input Excel converted', () => {
  it('"5%" typed in column E is refused with what Excel saw, not saved as $0.05; the G702 says it is provisional', async () => {
    t = await setup({ server: distinctServer() });
    const line8 = t.server.view().g702.line8CurrentPaymentDueCents;
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2'), [['5%']]);
    await t.settle('error');
    expect(t.server.patches()).toHaveLength(0);
    expect(t.last().rejected).toMatchObject([{ lineId: 'L2', code: 'EXCEL_CONVERTED' }]);
    expect(t.last().message).toContain('percentage 5%');
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    const e = colOf(t.info, 'thisPeriod');
    expect(snap.numberFormats[t.info.rowByLineId.L2][e]).toBe('#,##0.00;(#,##0.00)');
    expect(snap.notes[t.cellOf('L2')]).toMatch(new RegExp(`^${MARK_PREFIX}Excel read`));
    const g702 = t.wb.getSheetSnapshot(t.info.g702Sheet).values[1][0];
    expect(g702).toContain('PROVISIONAL: 1 refused cell');
    expect(g702).toContain((line8 / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    // corrected: saved, the notice goes
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2'), [['5000']]);
    await t.settle();
    expect(t.server.view().lines[1].workCompletedThisPeriodCents).toBe(500_000);
    expect(t.wb.getSheetSnapshot(t.info.g702Sheet).values[1][0]).toBe('');
    expect(G702_NOTICE_CELL).toBe('A2');
  });

  it('"1/2" is refused as a date', async () => {
    t = await setup({ server: distinctServer() });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L3'), [['1/2']]);
    await t.settle('error');
    expect(t.last().message).toMatch(/date/);
    expect(t.server.patches()).toHaveLength(0);
  });

  for (const [locale, typed] of [
    ['es-ES', '1.234,50'],
    ['fr-FR', '1\u00a0234,50'],
  ] as const) {
    it(`${locale}: "${typed}" is saved as 1,234.50 and "12,5" as 12.50`, async () => {
      const { installWorkbookDouble } = await import('../workbook-double');
      const wb = installWorkbookDouble({ displayLanguage: locale });
      t = await setup({ server: distinctServer(), wb });
      await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[typed], ['12,5']]);
      await t.settle();
      expect(
        t.server
          .view()
          .lines.slice(0, 2)
          .map((l) => l.workCompletedThisPeriodCents),
      ).toEqual([123_450, 1250]);
    });
  }
});

describe('guarded cells without protection', () => {
  it('a computed cell typed over gets its formula back, with a message; nothing is sent', async () => {
    t = await setup({ server: distinctServer() });
    const total = t.cellOf('L2', 'total');
    const before = t.wb.getSheetSnapshot(t.info.g703Sheet).formulas[t.info.rowByLineId.L2][colOf(t.info, 'total')];
    await t.wb.setValuesAsUser(t.info.g703Sheet, total, [[1]]);
    await waitFor(() => t!.last().message.includes('computed'), 'restore message');
    expect(t.wb.getSheetSnapshot(t.info.g703Sheet).formulas[t.info.rowByLineId.L2][colOf(t.info, 'total')]).toBe(before);
    expect(t.server.patches()).toHaveLength(0);
  });
});

describe('own writes are not user edits', () => {
  it('rendering, grouping, column views and refresh are echoes the session ignores (it sees 0 user changes)', async () => {
    t = await setup({ server: distinctServer() });
    await t.session.setGrouped(true);
    await t.session.setColumnView('all');
    t.server.editAsOtherUser('L2', { workCompletedThisPeriodCents: 12_300 });
    await t.session.refresh();
    await t.settle();
    expect(t.session.seen()).toMatchObject({ userChanges: 0, remoteChanges: 0 });
    expect(t.session.seen().ownWrites).toBeGreaterThan(0);
    expect(t.server.patches()).toHaveLength(0);
  });
});

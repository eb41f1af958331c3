// The sync session end to end against the workbook double and a fake server with the worker's
// rules and envelopes: one PATCH per paste, 422 marks only the bad cells and saves the rest,
// 409 reapplies what does not collide, offline edits survive a reload, own writes are ignored.

import { afterEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../api/fake-server';
import { readG702Values } from '../excel/read';
import type { WorkbookDouble } from '../workbook-double';
import { storageKey } from './queue';
import { MemoryStorage, setup, specOf, waitFor, type Setup } from './test-harness';

let t: Setup | null = null;
let extra: WorkbookDouble | null = null;
afterEach(async () => {
  await t?.session.close();
  t?.wb.uninstall();
  extra?.uninstall();
  t = null;
  extra = null;
});

const column = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [f(i)]);

describe('saving edits', () => {
  it('a 500-value paste into column E is one PATCH; "Saving 500 cells…" then "Saved"; the sheet G702 equals the server', async () => {
    t = await setup({ lines: 600 });
    await t.wb.setValuesAsUser(
      t.info.g703Sheet,
      t.cellOf('L1'),
      column(500, (i) => 1000 + i + 0.25),
    );
    await t.settle();
    expect(t.server.patches()).toHaveLength(1);
    expect(t.server.patches()[0].ifMatch).toBe('1');
    expect((t.server.patches()[0].body as { edits: unknown[] }).edits).toHaveLength(500);
    const messages = t.statuses.map((s) => s.message);
    expect(messages).toContain('Saving 500 cells…');
    expect(t.last().message).toBe('Saved');
    expect(t.last().mismatch).toEqual([]);
    const sheet = await readG702Values(t.info);
    expect(sheet.g702.line8CurrentPaymentDueCents).toBe(t.server.view().g702.line8CurrentPaymentDueCents);
    expect(t.server.view().lines[499].workCompletedThisPeriodCents).toBe(149_925); // 1,499.25
    expect(t.session.view()!.invoice.version).toBe(2);
  }, 30_000);

  it('edits typed in quick succession coalesce into one PATCH', async () => {
    t = await setup();
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[10]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2'), [[20]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L3', 'stored'), [[30]]);
    expect(t.last().message).toBe('3 edits not yet saved');
    await t.settle();
    expect(t.server.patches()).toHaveLength(1);
  });

  it('a 5,000-cell paste goes as one PATCH (the chunk limit) and a bigger one as sequential PATCHes', async () => {
    t = await setup({ lines: 5000, session: { maxCellsPerPatch: 5000 } });
    await t.wb.setValuesAsUser(
      t.info.g703Sheet,
      t.cellOf('L1'),
      column(5000, () => 5),
    );
    await t.settle();
    expect(t.server.patches()).toHaveLength(1);
    expect(t.statuses.map((s) => s.message)).toContain('Saving 5,000 cells…');
    await t.wb.setValuesAsUser(
      t.info.g703Sheet,
      t.cellOf('L1'),
      Array.from({ length: 3000 }, () => [7, 8]),
    );
    await t.settle();
    expect(t.server.patches()).toHaveLength(3); // 6,000 cells → 5,000 + 1,000
    expect(t.server.patches().map((p) => p.ifMatch)).toEqual(['1', '2', '3']);
  }, 60_000);
});

describe('refused cells (422)', () => {
  it('a block with "12,34x" and "-": those two marked with the server message, value kept; every valid cell saved', async () => {
    t = await setup({ lines: 40 });
    const block = column(30, (i) => (i === 3 ? '12,34x' : i === 17 ? '-' : 100 + i));
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), block);
    await t.settle('error');
    const status = t.last();
    expect(status.key).toBe('sync.rejected');
    expect(status.rejected.map((r) => [r.itemNo, r.value])).toEqual([
      ['4', '12,34x'],
      ['18', '-'],
    ]);
    expect(status.rejected[0].message).toBe("Line 4, E (work completed this period): '12,34x' is not an amount");
    // the valid 28 are on the server
    const server = t.server.view();
    expect(server.lines.filter((l) => l.workCompletedThisPeriodCents !== 0)).toHaveLength(28);
    expect(server.lines[4].workCompletedThisPeriodCents).toBe(10_400);
    // the sheet keeps the user's text, with fill and note
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    const e = t.info.columns.find((c) => c.key === 'thisPeriod')!.index;
    const row4 = t.info.rowByLineId.L4;
    expect(snap.values[row4][e]).toBe('12,34x');
    expect(snap.notes[t.cellOf('L4')]).toContain("'12,34x' is not an amount");
    expect(snap.notes[t.cellOf('L18')]).toContain("'-' is not an amount");
    expect(snap.fills[row4][e]).toBe('#F8CBAD');
    expect(snap.isProtected).toBe(false);
    // 3 PATCHes at most: the refused one, then the valid cells
    expect(t.server.patches()).toHaveLength(2);

    // correcting a cell sends it and clears its mark
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L4'), [['12.34']]);
    await waitFor(() => t!.session.status().rejected.length === 1 && t!.session.status().pendingCount === 0, 'correction saved');
    expect(t.server.view().lines[3].workCompletedThisPeriodCents).toBe(1234);
    expect(t.wb.getSheetSnapshot(t.info.g703Sheet).notes[t.cellOf('L4')]).toBeUndefined();
  });

  it('an engine refusal (work to date below zero) marks that cell; the other edits of the paste are saved', async () => {
    t = await setup();
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[-5000], [25]]); // D is 1,000.00
    await t.settle('error');
    expect(t.last().rejected).toHaveLength(1);
    expect(t.last().rejected[0].code).toBe('NEGATIVE_TO_DATE');
    expect(t.server.view().lines[1].workCompletedThisPeriodCents).toBe(2500);
  });
});

describe('conflicts (409)', () => {
  it("reapplies edits that do not collide, lists the ones that do, shows the other user's values", async () => {
    t = await setup();
    // someone else saves L1 and L2 meanwhile
    t.server.editAsOtherUser('L1', { workCompletedThisPeriodCents: 11_100 });
    t.server.editAsOtherUser('L2', { workCompletedThisPeriodCents: 22_200 });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[999], [undefined]].slice(0, 1));
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L3'), [[333]]);
    await t.settle('conflict');
    const s = t.last();
    expect(s.conflicts).toEqual([{ lineId: 'L1', itemNo: '1', field: 'workCompletedThisPeriod', mine: 999, theirs: 111 }]);
    expect(t.server.view().lines[2].workCompletedThisPeriodCents).toBe(33_300); // reapplied
    expect(t.server.view().lines[0].workCompletedThisPeriodCents).toBe(11_100); // theirs kept
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    const e = t.info.columns.find((c) => c.key === 'thisPeriod')!.index;
    expect(snap.values[t.info.rowByLineId.L2][e]).toBe(222); // the other user's change is shown
    expect(snap.values[t.info.rowByLineId.L1][e]).toBe(111);
    expect(snap.notes[t.cellOf('L1')]).toMatch(/Changed by someone else/);
    expect(t.server.patches().map((p) => p.ifMatch)).toEqual(['1', '3']);
    await t.session.dismissConflicts();
    expect(t.last().kind).toBe('saved');
  });

  it("refresh pulls another user's change without clobbering an unsynced edit", async () => {
    t = await setup({ session: { coalesceMs: 10_000, maxWaitMs: 10_000 } });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L5'), [[55]]);
    t.server.editAsOtherUser('L6', { materialsPresentlyStoredCents: 66_600 });
    await t.session.refresh();
    const snap = t.wb.getSheetSnapshot(t.info.g703Sheet);
    const e = t.info.columns.find((c) => c.key === 'thisPeriod')!.index;
    const f = t.info.columns.find((c) => c.key === 'stored')!.index;
    expect(snap.values[t.info.rowByLineId.L5][e]).toBe(55);
    expect(snap.values[t.info.rowByLineId.L6][f]).toBe(666);
    await t.settle();
    expect(t.server.view().lines[4].workCompletedThisPeriodCents).toBe(5500);
  });
});

describe('offline', () => {
  it('keeps edits queued in storage, survives a new session (task pane reload), retries and saves', async () => {
    const storage = new MemoryStorage();
    const server = new FakeServer(specOf(20));
    t = await setup({ storage, server });
    server.isOffline = true;
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2'), [[12], [13]]);
    await waitFor(() => t!.last().kind === 'offline', 'offline status');
    expect(t.last().message).toMatch(/^Offline: 2 edits not yet saved; retrying in \d+s$/);
    expect(JSON.parse(storage.getItem(storageKey('inv-7'))!).edits).toHaveLength(2);
    // the task pane reloads: the old session is gone, the workbook stays
    await t.session.close();
    const wb = t.wb;
    t = null;
    server.isOffline = false;
    t = await setup({ storage, server, wb });
    await t.settle();
    expect(server.view().lines[1].workCompletedThisPeriodCents).toBe(1200);
    expect(server.view().lines[2].workCompletedThisPeriodCents).toBe(1300);
    expect(storage.getItem(storageKey('inv-7'))).toBeNull();
  });

  it('retries with backoff while offline and saves when the network is back', async () => {
    t = await setup();
    t.server.isOffline = true;
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[1]]);
    await waitFor(() => t!.server.patches().length >= 2, 'a retry');
    t.server.isOffline = false;
    await t.settle();
    expect(t.server.view().lines[0].workCompletedThisPeriodCents).toBe(100);
  });
});

describe('own writes and reopening', () => {
  for (const apiVersion of ['1.18', '1.14']) {
    it(`the add-in's own writes never trigger a PATCH (ExcelApi ${apiVersion})`, async () => {
      t = await setup({ apiVersion });
      await t.session.setGrouped(true);
      await t.session.setColumnView('all');
      await t.session.refresh();
      await t.wb.idle();
      await new Promise((r) => setTimeout(r, 60));
      expect(t.server.patches()).toHaveLength(0);
      // and a real edit still goes out, with write-back echoes ignored
      await t.wb.setValuesAsUser(
        t.info.g703Sheet,
        t.session.sheet()!.columns.find((c) => c.key === 'thisPeriod')!.letter + (t.session.sheet()!.rowByLineId.L1 + 1),
        [[5]],
      );
      await t.settle();
      await new Promise((r) => setTimeout(r, 60));
      expect(t.server.patches()).toHaveLength(1);
    });
  }

  it('open renders the view the caller already read (no second GET); a refresh reads the server again', async () => {
    const server = new FakeServer(specOf(20));
    const gets = () => server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/invoices/inv-7')).length;
    t = await setup({ server, session: { initialView: server.view() } });
    expect(gets()).toBe(0);
    expect(t.last().kind).toBe('saved');
    expect(t.wb.getSheetSnapshot(t.info.g703Sheet).values[t.info.rowByLineId.L20][t.info.columns.find((c) => c.key === 'lineId')!.index]).toBe('L20');
    await t.session.refresh();
    expect(gets()).toBe(1);
  });

  it('edits made while the task pane was closed are found on reopen and saved', async () => {
    const server = new FakeServer(specOf(10));
    t = await setup({ server });
    await t.session.close();
    const wb = t.wb;
    const cell = t.cellOf('L7');
    t = null;
    await wb.setValuesAsUser('G703 #3', cell, [[77]]); // nobody is listening
    t = await setup({ server, wb });
    await t.settle();
    expect(server.view().lines[6].workCompletedThisPeriodCents).toBe(7700);
  });

  it('a reopened sheet that is merely stale (someone else saved since) is not mistaken for edits', async () => {
    const server = new FakeServer(specOf(10));
    t = await setup({ server });
    await t.session.close();
    const wb = t.wb;
    t = null;
    server.editAsOtherUser('L3', { workCompletedThisPeriodCents: 30_000 });
    t = await setup({ server, wb });
    await t.wb.idle();
    expect(server.patches()).toHaveLength(0);
    expect(t.last().kind).toBe('saved');
    const e = t.info.columns.find((c) => c.key === 'thisPeriod')!.index;
    expect(t.wb.getSheetSnapshot(t.info.g703Sheet).values[t.info.rowByLineId.L3][e]).toBe(300);
  });

  it('a locked invoice: edits are refused with the reason and stay queued', async () => {
    t = await setup();
    t.server.editableReason = 'Invoice #3 is under review and locked';
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[1]]);
    await waitFor(() => t!.last().kind === 'error', 'error');
    expect(t.last().message).toContain('Invoice #3 is under review and locked');
  });
});

it('selectedLineIds: the lines of the rows selected on the G703 sheet', async () => {
  t = await setup();
  t.wb.select(t.info.g703Sheet, `B${t.info.rowByLineId.L3 + 1}:E${t.info.rowByLineId.L5 + 1}`);
  expect(await t.session.selectedLineIds()).toEqual(['L3', 'L4', 'L5']);
  t.wb.select(t.info.g702Sheet, 'A1');
  expect(await t.session.selectedLineIds()).toEqual([]);
});

describe('unit-based contracts and retainage releases', () => {
  it('quantities, a subtotal-override line and a release: the sheet G702 equals the server after the save', async () => {
    const spec = specOf(6);
    spec.terms = { ...spec.terms, accountingMethod: 'unit' };
    spec.lines.forEach((l, i) => {
      // 1.2345 units at $1,234.5678: amounts round per cumulative quantity
      l.sov = {
        ...l.sov,
        scheduledQty: 1_000_000,
        unitPrice: 12_345_678,
        unitOfMeasure: 'EA',
        originalScheduledValueCents: 123_456_780,
        hasSubtotalOverride: i === 5,
      };
      l.prior = {
        ...l.prior,
        workQtyToDate: i === 5 ? 0 : 12_345,
        workCompletedToDateCents: i === 5 ? 100_000 : 1_524_074,
        workRetainageCents: i === 5 ? 10_000 : 152_407,
      };
    });
    const server = new FakeServer(spec);
    t = await setup({ server });
    const r = (id: string) => t!.info.rowByLineId[id] + 1;
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${t.col('qtyThisPeriod')}${r('L1')}`, [[2.5], [0.3333]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${t.col('storedQty')}${r('L3')}`, [[1.5]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${t.col('thisPeriod')}${r('L6')}`, [[2500.55]]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${t.col('releaseThisPeriod')}${r('L4')}`, [[100]]);
    await t.settle();
    const patch = t.server.patches().flatMap((p) => (p.body as { edits: Array<Record<string, unknown>> }).edits);
    expect(patch).toEqual(
      expect.arrayContaining([
        { lineId: 'L1', workQtyThisPeriod: 2.5 },
        { lineId: 'L3', storedQty: 1.5 },
        { lineId: 'L6', workCompletedThisPeriod: 2500.55 },
        { lineId: 'L4', retainageReleased: 100 },
      ]),
    );
    expect(t.last().mismatch).toEqual([]);
    const sheet = await readG702Values(t.info);
    expect(sheet.g702).toEqual(t.server.view().g702);
    expect(t.server.view().g702.line5aWorkRetainageCents).toBeLessThan(t.server.view().lines.reduce((n, l) => n + l.workRetainageCents, 0));
  });
});

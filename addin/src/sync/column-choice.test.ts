// The user's own shown/hidden G703 columns on top of a preset, through the session against the
// workbook double: applied at once, kept across a re-render and a reopen, dropped by a preset.

import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage, setup, type Setup } from './test-harness';

let t: Setup | null = null;
afterEach(async () => {
  await t?.session.close();
  t?.wb.uninstall();
  t = null;
});

const hidden = (s: Setup) => {
  const snap = s.wb.getSheetSnapshot(s.session.sheet()!.g703Sheet);
  return Object.fromEntries(s.session.sheet()!.columns.map((c) => [c.key, snap.hiddenColumns[c.index] ?? false]));
};

describe('show or hide any column', () => {
  it('overrides apply on top of the preset, survive a re-render and a reopen; a preset clears them', async () => {
    const storage = new MemoryStorage();
    t = await setup({ lines: 4, storage });
    // standard: "previous" (D) shown, "workRetainage" (all-only) hidden
    expect(hidden(t)).toMatchObject({ previous: false, workRetainage: true, lineId: true, kind: true });
    await t.session.setColumnView('standard', { previous: false, workRetainage: true });
    expect(hidden(t)).toMatchObject({ previous: true, workRetainage: false, description: false, lineId: true });
    await t.session.setGrouped(true); // a full re-render
    expect(hidden(t)).toMatchObject({ previous: true, workRetainage: false });
    await t.session.close();
    // the task pane reopened on the same workbook, with this user's storage
    t = await setup({ lines: 4, storage, wb: t.wb, server: t.server });
    expect(hidden(t)).toMatchObject({ previous: true, workRetainage: false });
    await t.session.setColumnView('compact', {});
    expect(hidden(t)).toMatchObject({ previous: true, workRetainage: true, thisPeriod: false, percent: false });
    await t.session.setColumnView('all', {});
    expect(hidden(t)).toMatchObject({ previous: false, workRetainage: false, lineId: true });
  });
});

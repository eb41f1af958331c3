import { describe, expect, it } from 'vitest';
import { ZERO_PRIOR } from '@shared/engine';
import { entry, sov } from '@shared/engine/test-builders';
import { buildView } from '../workbook-double/demo-views';
import { EDIT_FIELDS } from '../excel/columns';
import { serverCellValue } from '../excel/layout';
import { SyncedCopy } from './synced-copy';
import { specOf } from './test-harness';

describe('the synced copy of the editable cells', () => {
  const view = buildView(specOf(3));
  const moved = buildView({
    ...specOf(3),
    version: 2,
    lines: specOf(3).lines.map((_, i) => ({
      sov: sov(String(i + 1), { lineId: `L${i + 1}`, description: `Item ${i + 1}`, originalScheduledValueCents: 10_000_000 }),
      prior: ZERO_PRIOR,
      entry: entry({ workCompletedThisPeriodCents: 123_456 * (i + 1), materialsPresentlyStoredCents: 7_00 }),
    })),
  });

  it('holds the adopted view’s value of every line and field, nothing for other lines', () => {
    const s = new SyncedCopy();
    expect(s.get('L1', 'workCompletedThisPeriod')).toBeUndefined();
    s.reset(moved);
    for (const l of moved.lines) for (const f of EDIT_FIELDS) expect(s.get(l.lineId, f)).toEqual(serverCellValue(l, f));
    expect(s.get('L2', 'workCompletedThisPeriod')).toBe(2_469.12);
    expect(s.get('L9', 'workCompletedThisPeriod')).toBeUndefined();
  });

  it('a saved cell wins over the view until the next reset, which forgets it', () => {
    const s = new SyncedCopy();
    s.reset(view);
    s.set('L1', 'materialsPresentlyStored', 42);
    s.set('L9', 'storedQty', 3); // a line the view does not have yet (saved before a refresh)
    expect(s.get('L1', 'materialsPresentlyStored')).toBe(42);
    expect(s.get('L1', 'workCompletedThisPeriod')).toEqual(serverCellValue(view.lines[0], 'workCompletedThisPeriod'));
    expect(s.get('L9', 'storedQty')).toBe(3);
    s.reset(moved);
    expect(s.get('L1', 'materialsPresentlyStored')).toBe(7);
    expect(s.get('L9', 'storedQty')).toBeUndefined();
  });
});

// Pure pieces of the sync pipeline: PATCH bodies, chunking, attributing a 422, rebasing on a
// newer version, reconciling a reopened sheet, the status line and its messages.

import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../api/errors';
import { attributeDetails, cellKey, chunkEdits, editFieldOf, toLineEdits, type CellEdit } from './edits';
import { rebaseEdits, reconcileSheet } from './rebase';
import { buildStatus } from './session-status';
import { englishStatus, statusMessage } from './status';
import { EditQueue } from './queue';
import { MemoryStorage } from './test-harness';
import { buildView } from '../workbook-double/demo-views';
import { specOf } from './test-harness';

const e = (lineId: string, field: CellEdit['field'], value: CellEdit['value']): CellEdit => ({ lineId, field, value });

describe('PATCH bodies', () => {
  it('one entry per line, raw values kept, empty cells as null', () => {
    expect(toLineEdits([e('L1', 'workCompletedThisPeriod', 12.5), e('L1', 'materialsPresentlyStored', '12,34x'), e('L2', 'retainageReleased', '')])).toEqual([
      { lineId: 'L1', workCompletedThisPeriod: 12.5, materialsPresentlyStored: '12,34x' },
      { lineId: 'L2', retainageReleased: null },
    ]);
  });
  it('chunks by cell count without splitting a line', () => {
    const cells = Array.from({ length: 10 }, (_, i) => [e(`L${i}`, 'workCompletedThisPeriod', 1), e(`L${i}`, 'materialsPresentlyStored', 1)]).flat();
    const chunks = chunkEdits(cells, 5);
    expect(chunks.map((c) => c.length)).toEqual([4, 4, 4, 4, 4]);
    expect(chunks.every((c) => new Set(c.map((x) => x.lineId)).size * 2 === c.length)).toBe(true);
  });
});

describe('attributing a 422', () => {
  const sent = [
    e('L1', 'workCompletedThisPeriod', '12,34x'),
    e('L1', 'materialsPresentlyStored', 5),
    e('L2', 'materialsPresentlyStored', 7),
    e('L3', 'workCompletedThisPeriod', 1),
  ];
  it('maps both spellings of a field to the cell; a same-line other-field error holds the whole line', () => {
    const details: ErrorDetail[] = [
      {
        lineId: 'L1',
        itemNo: '1',
        field: 'workCompletedThisPeriod',
        code: 'NOT_A_NUMBER',
        message: "Line 1, workCompletedThisPeriod: '12,34x' is not an amount",
      },
      { lineId: 'L2', itemNo: '2', field: 'workCompletedThisPeriodCents', code: 'OVERBILLED', message: 'Line 2: total … exceeds the scheduled value' },
      { lineId: 'L9', itemNo: '9', field: 'workCompletedThisPeriodCents', code: 'NEGATIVE_TO_DATE', message: 'not ours' },
    ];
    const a = attributeDetails(details, sent);
    expect([...a.bad.keys()]).toEqual([cellKey('L1', 'workCompletedThisPeriod'), cellKey('L2', 'materialsPresentlyStored')]);
    expect(a.unattributed.map((d) => d.lineId)).toEqual(['L9']);
  });
  it('editFieldOf', () => {
    expect(editFieldOf('retainageReleasedCents')).toBe('retainageReleased');
    expect(editFieldOf('storedQty')).toBe('storedQty');
    expect(editFieldOf('lineId')).toBeNull();
  });
});

describe('rebasing unsynced edits on a newer version', () => {
  const view = buildView(specOf(3)); // every E is 0
  it('keeps edits whose server value did not move, drops those already equal, reports collisions', () => {
    const moved = {
      ...view,
      lines: view.lines.map((l, i) => (i === 1 ? { ...l, workCompletedThisPeriodCents: 500 } : i === 2 ? { ...l, workCompletedThisPeriodCents: 700 } : l)),
    };
    const r = rebaseEdits(
      [
        { lineId: 'L1', itemNo: '1', field: 'workCompletedThisPeriod', value: 3, base: 0 },
        { lineId: 'L2', itemNo: '2', field: 'workCompletedThisPeriod', value: 9, base: 0 },
        { lineId: 'L3', itemNo: '3', field: 'workCompletedThisPeriod', value: 7, base: 0 },
        { lineId: 'Lx', itemNo: 'x', field: 'workCompletedThisPeriod', value: 1, base: 0 },
      ],
      moved,
    );
    expect(r.keep.map((x) => x.lineId)).toEqual(['L1']);
    expect(r.conflicts).toEqual([{ lineId: 'L2', itemNo: '2', field: 'workCompletedThisPeriod', mine: 9, theirs: 5 }]);
    expect(r.same.map((x) => x.lineId)).toEqual(['L3']);
    expect(r.gone.map((x) => x.lineId)).toEqual(['Lx']);
  });
  it('reconciles a reopened sheet: same version → edits; moved version → history decides', () => {
    const rows = [
      { row: 7, lineId: 'L1', values: { workCompletedThisPeriod: 4 } },
      { row: 8, lineId: 'L2', values: { workCompletedThisPeriod: 0 } },
      { row: 9, lineId: 'L3', values: { workCompletedThisPeriod: 8 } },
    ];
    const now = {
      ...view,
      invoice: { ...view.invoice, version: 5 },
      lines: view.lines.map((l, i) => (i > 0 ? { ...l, workCompletedThisPeriodCents: 200 } : l)),
    };
    const same = reconcileSheet(rows, { ...now, invoice: { ...now.invoice, version: 4 } }, 4, null, () => false);
    expect(same.edits.map((x) => x.lineId)).toEqual(['L1', 'L2', 'L3']);
    const history = [
      {
        id: 1,
        version: 5,
        lineId: 'il2',
        itemNo: '2',
        field: 'workCompletedThisPeriodCents',
        oldValue: 0,
        newValue: 200,
        userId: 'u',
        userName: 'B',
        createdAt: '',
      },
      {
        id: 2,
        version: 5,
        lineId: 'il3',
        itemNo: '3',
        field: 'workCompletedThisPeriodCents',
        oldValue: 0,
        newValue: 200,
        userId: 'u',
        userName: 'B',
        createdAt: '',
      },
    ];
    const moved = reconcileSheet(rows, now, 4, history, () => false);
    expect(moved.edits.map((x) => x.lineId)).toEqual(['L1']); // only the sheet changed L1
    expect(moved.conflicts.map((x) => x.lineId)).toEqual(['L3']); // both changed L3; L2 is merely stale
    const blind = reconcileSheet(rows, now, 4, null, () => false);
    expect([blind.edits.length, blind.conflicts.length]).toEqual([0, 3]); // no history: never overwrite
  });
});

describe('status line', () => {
  const counts = { queued: 0, inFlight: 0, rejected: [], conflicts: [], version: 3, readOnlyReason: null };
  const facts = { phase: 'idle' as const, error: null, retryAt: null, lastSavedAt: null, mismatch: [], savingCount: 0 };
  it('messages', () => {
    expect(buildStatus(facts, counts).message).toBe('Saved');
    expect(buildStatus({ ...facts, phase: 'saving', savingCount: 5000 }, counts).message).toBe('Saving 5,000 cells…');
    expect(buildStatus(facts, { ...counts, queued: 3 }).message).toBe('3 edits not yet saved');
    expect(buildStatus(facts, { ...counts, queued: 1 }).message).toBe('1 edit not yet saved');
    const offline = buildStatus({ ...facts, error: { code: 'NETWORK', message: 'x' }, offline: true, retryAt: 10_000 }, { ...counts, queued: 2 }, 5_000);
    expect([offline.kind, offline.message]).toEqual(['offline', 'Offline: 2 edits not yet saved; retrying in 5s']);
    const mismatch = buildStatus({ ...facts, mismatch: [{ line: 'line8CurrentPaymentDueCents', sheetCents: 1, serverCents: 2 }] }, counts);
    expect(mismatch.kind).toBe('error');
  });
  it('translatable through key + params', () => {
    const s = buildStatus({ ...facts, phase: 'saving', savingCount: 12 }, counts);
    expect(statusMessage(s, (key, p) => `${key}:${p.count}`)).toBe('sync.saving:12');
    expect(englishStatus('sync.conflict', { count: 2 })).toBe('2 of your edits collided with changes made by someone else');
  });
});

describe('the persisted queue', () => {
  it('round-trips through storage and removes itself when empty', () => {
    const storage = new MemoryStorage();
    const q = new EditQueue(storage, 'inv-1');
    q.set({ lineId: 'L1', itemNo: '1', field: 'storedQty', value: 2.5, base: 0 });
    q.version = 4;
    q.persist();
    const again = new EditQueue(storage, 'inv-1');
    again.load();
    expect(again.values()).toEqual(q.values());
    expect(again.version).toBe(4);
    again.delete(cellKey('L1', 'storedQty'));
    again.persist();
    expect(storage.map.size).toBe(0);
    storage.setItem('progressBilling.queue.inv-1', '{broken');
    again.load();
    expect(again.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { matchLineSpec } from './line-match';

const lines = ['Footings', 'Slab on grade', 'Elevated slabs', 'CMU walls', 'Brick veneer'].map((description, i) => ({
  lineId: `l${i + 1}`,
  itemNo: String(i + 1).padStart(3, '0'),
  description,
  position: i,
  costCode: `03-${String(i + 1).padStart(3, '0')}`,
}));
const ids = (spec: string) => matchLineSpec(lines, spec).map((l) => l.itemNo);

describe('matchLineSpec', () => {
  it('takes item numbers, ranges in either direction and description words', () => {
    expect(ids('002')).toEqual(['002']);
    expect(ids('002-004')).toEqual(['002', '003', '004']);
    expect(ids('004 – 002')).toEqual(['002', '003', '004']);
    expect(ids('slab')).toEqual(['002', '003']);
    expect(ids('001, brick')).toEqual(['001', '005']);
  });
  it('takes cost codes, whole or their start', () => {
    expect(ids('03-004')).toEqual(['004']);
    expect(ids('03-00')).toEqual(['001', '002', '003', '004', '005']);
  });
  it('ignores blanks and unknown items, without duplicates', () => {
    expect(ids(' , 999')).toEqual([]);
    expect(ids('001, 001-002')).toEqual(['001', '002']);
  });
});

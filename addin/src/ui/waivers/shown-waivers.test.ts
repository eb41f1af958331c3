import { describe, expect, it } from 'vitest';
import { isListStale, shownWaivers, withChange } from './shown-waivers';
import type { WaiverList, WaiverView } from './waiver-api';

const waiver = (status: WaiverView['status']): WaiverView => ({ id: 'lw_1', invoiceId: 'inv_2', status, voided: null }) as unknown as WaiverView;
const listOf = (...waivers: WaiverView[]): WaiverList => ({ waivers, available: [], warning: null, form: 'generic' }) as unknown as WaiverList;

describe('waivers shown in the tab', () => {
  it('a waiver this user signed shows at once, over the list it was signed against, and the list is stale', () => {
    const before = listOf(waiver('draft'));
    const changes = withChange(null, before, waiver('signed'));
    expect(shownWaivers(before, changes).map((w) => w.status)).toEqual(['signed']);
    expect(isListStale(changes, before)).toBe(true);
  });

  it("once the list is read again, the server's newer copy wins (another user's void shows without a remount)", () => {
    const before = listOf(waiver('draft'));
    const changes = withChange(null, before, waiver('signed'));
    const reloaded = listOf(waiver('void'));
    expect(shownWaivers(reloaded, changes).map((w) => w.status)).toEqual(['void']);
    expect(isListStale(changes, reloaded)).toBe(false);
  });

  it('a created waiver not yet in the list is shown until the list is read again', () => {
    const before = listOf();
    const created = { ...waiver('draft'), id: 'lw_9' };
    expect(shownWaivers(before, withChange(null, before, created)).map((w) => w.id)).toEqual(['lw_9']);
    expect(shownWaivers(listOf(), withChange(null, before, created))).toEqual([]);
  });
});

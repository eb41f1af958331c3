import type { WaiverList, WaiverView } from './waiver-api';

/**
 * Waivers this user's own calls returned, and the list they were made against. They show at once,
 * over that list, until the list is read again: the newer list then wins, with whatever others
 * did since (another user's sign or void) — the changes are not kept past it.
 */
export type LocalChanges = { against: WaiverList; byId: Record<string, WaiverView> };

/** The changes with one more waiver a call returned, made against `list` (earlier ones against another list are dropped). */
export function withChange(changes: LocalChanges | null, list: WaiverList, w: WaiverView): LocalChanges {
  const byId = changes?.against === list ? changes.byId : {};
  return { against: list, byId: { ...byId, [w.id]: w } };
}

/** True while `changes` were made against this very list, i.e. the list has not been read again since. */
export function isListStale(changes: LocalChanges | null, list: WaiverList): boolean {
  return changes?.against === list;
}

/** The waivers to show: the list's, each replaced by the copy a call returned while the list is not yet read again. */
export function shownWaivers(list: WaiverList, changes: LocalChanges | null): WaiverView[] {
  if (!isListStale(changes, list)) return list.waivers;
  const byId = changes!.byId;
  const waivers = list.waivers.map((w) => byId[w.id] ?? w);
  for (const w of Object.values(byId)) if (!waivers.some((x) => x.id === w.id)) waivers.push(w);
  return waivers;
}

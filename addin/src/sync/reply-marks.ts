// Which G703 rows carry a reply's sentence as a note (the add-in's own note, see
// addin/src/excel/reply-marks.ts): every line an owner's reply names, until that line is edited
// after the reply. Pure: the Emails tab computes the wanted marks, the workbook applies the diff.
import type { TEmailThreadView } from '@shared/api/emails';

export type ReplyMark = { lineId: string; note: string /** server time the reply came in */; receivedAt: string };

/** The marks the open invoice's replies ask for; the latest reply naming a line wins. */
export function replyMarksFrom(threads: readonly TEmailThreadView[], noteOf: (from: string, sentence: string) => string): ReplyMark[] {
  const byLine = new Map<string, ReplyMark>();
  for (const t of threads) {
    for (const m of t.messages) {
      const c = m.classification;
      if (m.direction !== 'inbound' || !c || c.kind === 'auto_reply') continue;
      for (const l of c.lines) {
        if (!l.isOpen) continue;
        const prior = byLine.get(l.lineId);
        if (prior && prior.receivedAt >= m.createdAt) continue;
        byLine.set(l.lineId, { lineId: l.lineId, note: noteOf(m.from.name || m.from.email, l.sentence), receivedAt: m.createdAt });
      }
    }
  }
  return [...byLine.values()].sort((a, b) => a.lineId.localeCompare(b.lineId));
}

/**
 * What to change on the sheet: marks to write (new or with another text) and lines to unmark.
 * A line saved after its reply came is not marked again, even before the server's answer says so.
 */
export function replyMarkDiff(
  applied: ReadonlyMap<string, string>,
  wanted: readonly ReplyMark[],
  savedAt: ReadonlyMap<string, string>,
): { write: Array<{ lineId: string; note: string }>; remove: string[] } {
  const keep = new Map<string, string>();
  for (const w of wanted) {
    const saved = savedAt.get(w.lineId);
    if (saved && saved > w.receivedAt) continue;
    keep.set(w.lineId, w.note);
  }
  const write = [...keep].filter(([lineId, note]) => applied.get(lineId) !== note).map(([lineId, note]) => ({ lineId, note }));
  const remove = [...applied.keys()].filter((lineId) => !keep.has(lineId));
  return { write, remove };
}

/** The session's reply marks: what is on the sheet, what the replies ask for, which lines were saved when. */
export function createReplyMarker() {
  const applied = new Map<string, string>();
  const savedAt = new Map<string, string>();
  let wanted: ReplyMark[] = [];
  return {
    want(marks: ReplyMark[]) {
      wanted = marks;
    },
    /** lines just saved: their marks go, and stay gone for replies older than the save */
    saved(lineIds: string[], at: string) {
      for (const id of lineIds) savedAt.set(id, at);
    },
    /** the sheet was written anew: nothing of ours is on it any more */
    rendered() {
      applied.clear();
    },
    /** brings the sheet to what is wanted through `apply` (one Excel call for the whole diff) */
    async sync(apply: (write: Array<{ lineId: string; note: string }>, remove: string[]) => Promise<unknown>) {
      const { write, remove } = replyMarkDiff(applied, wanted, savedAt);
      if (!write.length && !remove.length) return;
      await apply(write, remove);
      for (const w of write) applied.set(w.lineId, w.note);
      for (const id of remove) applied.delete(id);
    },
  };
}

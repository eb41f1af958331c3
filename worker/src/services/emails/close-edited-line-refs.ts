import { and, eq, max, type SQL } from 'drizzle-orm';
import type { TEmailThreadView } from '@shared/api/emails';
import type { Db } from '../../db/client';
import { invoiceLineHistory, invoiceLines } from '../../db/schema';

/**
 * A reply's line reference stays open (its workbook row marked) until that line is edited on the
 * invoice after the reply came in; then it is closed. One query: the last edit of each SOV line on
 * the invoice (`also`: a condition that skips the work when no shown reply names a line).
 */
export function lineEditsQuery(db: Db, invoiceId: string, also?: SQL) {
  return db
    .select({ sovLineId: invoiceLines.sovLineId, lastEdit: max(invoiceLineHistory.createdAt) })
    .from(invoiceLineHistory)
    .innerJoin(invoiceLines, eq(invoiceLines.id, invoiceLineHistory.invoiceLineId))
    .where(and(eq(invoiceLineHistory.invoiceId, invoiceId), eq(invoiceLines.invoiceId, invoiceId), also))
    .groupBy(invoiceLines.sovLineId);
}

/** Closes the references of lines edited after the reply, given lineEditsQuery's rows. */
export function closeRefs(threads: TEmailThreadView[], edits: Array<{ sovLineId: string; lastEdit: string | null }>): TEmailThreadView[] {
  const lastEdit = new Map(edits.map((e) => [e.sovLineId, e.lastEdit]));
  return threads.map((t) => ({
    ...t,
    messages: t.messages.map((m) => {
      const c = m.classification;
      if (!c?.lines.length) return m;
      // ISO timestamps of the same form compare as text
      return { ...m, classification: { ...c, lines: c.lines.map((l) => ({ ...l, isOpen: !((lastEdit.get(l.lineId) ?? '') > m.createdAt) })) } };
    }),
  }));
}

import { and, eq, max } from 'drizzle-orm';
import type { TEmailThreadView } from '@shared/api/emails';
import type { Db } from '../../db/client';
import { invoiceLineHistory, invoiceLines } from '../../db/schema';

/**
 * A reply's line reference stays open (its workbook row marked) until that line is edited on the
 * invoice after the reply came in; then it is closed. One query: the last edit of each line.
 */
export async function closeEditedLineRefs(db: Db, invoiceId: string, threads: TEmailThreadView[]): Promise<TEmailThreadView[]> {
  const hasRefs = threads.some((t) => t.messages.some((m) => m.classification?.lines.length));
  if (!hasRefs) return threads;
  const edits = await db
    .select({ sovLineId: invoiceLines.sovLineId, lastEdit: max(invoiceLineHistory.createdAt) })
    .from(invoiceLineHistory)
    .innerJoin(invoiceLines, eq(invoiceLines.id, invoiceLineHistory.invoiceLineId))
    .where(and(eq(invoiceLineHistory.invoiceId, invoiceId), eq(invoiceLines.invoiceId, invoiceId)))
    .groupBy(invoiceLines.sovLineId);
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

import { and, asc, eq, gt } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { invoiceInfoHistory, invoiceLineHistory, invoiceLines, invoiceRevisions, sovLines, users } from '../../db/schema';
import type { GeneralInfoField } from '@shared/i18n/general-info-labels';
import { AppError } from '../../lib/app-error';
import { seesOnlySubmitted } from '../access/contract-access';
import { loadInvoiceRow } from './invoice-state';

/** The append-only record: every accepted write (revision) and every changed line field, who and when. */
export async function getInvoiceHistory({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; after?: number; limit?: number } }) {
  const { invoice, access } = await loadInvoiceRow(ctx, input.invoiceId);
  if (seesOnlySubmitted(access)) throw new AppError('FORBIDDEN', "The edit history is the general contractor's internal record");
  const limit = Math.min(input.limit ?? 500, 5000);
  const [revisions, changes, infoRows] = await ctx.db.batch([
    ctx.db
      .select({
        version: invoiceRevisions.version,
        kind: invoiceRevisions.kind,
        createdAt: invoiceRevisions.createdAt,
        userId: invoiceRevisions.userId,
        userName: users.name,
      })
      .from(invoiceRevisions)
      .leftJoin(users, eq(users.id, invoiceRevisions.userId))
      .where(eq(invoiceRevisions.invoiceId, invoice.id))
      .orderBy(asc(invoiceRevisions.version)),
    ctx.db
      .select({ h: invoiceLineHistory, itemNo: sovLines.itemNo, userName: users.name })
      .from(invoiceLineHistory)
      .innerJoin(invoiceLines, eq(invoiceLines.id, invoiceLineHistory.invoiceLineId))
      .innerJoin(sovLines, eq(sovLines.id, invoiceLines.sovLineId))
      .leftJoin(users, eq(users.id, invoiceLineHistory.userId))
      .where(and(eq(invoiceLineHistory.invoiceId, invoice.id), gt(invoiceLineHistory.id, input.after ?? 0)))
      .orderBy(asc(invoiceLineHistory.id))
      .limit(limit + 1),
    ctx.db
      .select({ h: invoiceInfoHistory, userName: users.name })
      .from(invoiceInfoHistory)
      .leftJoin(users, eq(users.id, invoiceInfoHistory.userId))
      .where(eq(invoiceInfoHistory.invoiceId, invoice.id))
      .orderBy(asc(invoiceInfoHistory.id)),
  ]);
  const page = changes.slice(0, limit);
  return {
    revisions,
    changes: page.map(({ h, itemNo, userName }) => ({
      id: h.id,
      version: h.version,
      lineId: h.invoiceLineId,
      itemNo,
      field: h.field,
      oldValue: h.oldValue,
      newValue: h.newValue,
      userId: h.userId,
      userName,
      createdAt: h.createdAt,
    })),
    nextAfter: changes.length > limit ? page.at(-1)!.h.id : null,
    infoChanges: infoRows.map(({ h, userName }) => ({
      version: h.version,
      field: h.field as GeneralInfoField,
      oldValue: h.oldValue,
      newValue: h.newValue,
      userId: h.userId,
      userName,
      createdAt: h.createdAt,
    })),
  };
}

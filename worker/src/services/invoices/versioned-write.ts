import { eq } from 'drizzle-orm';
import { versionConflictMessage } from '@shared/api/line-edits';
import type { ServiceCtx } from '../../context';
import { invoiceRevisions, invoices } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch, type BatchStatement } from '../../lib/batch';
import { nowIso } from '../../lib/ids';

function isRevisionConflict(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const msg = String((e as Error).message ?? e);
    if (msg.includes('invoice_revisions') || (msg.includes('UNIQUE constraint failed') && msg.includes('version'))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function versionConflict(currentVersion: number, sentVersion: number): AppError {
  return new AppError('VERSION_CONFLICT', versionConflictMessage(sentVersion, currentVersion), [], { currentVersion });
}

/**
 * Writes `statements` as one atomic D1 batch behind the version guard: the batch first inserts
 * revision (invoice, expected + 1); if another writer got there first the key fails and D1 rolls
 * the whole batch back, so nothing is half-written.
 */
export async function writeVersioned(
  ctx: ServiceCtx,
  invoiceId: string,
  expectedVersion: number,
  kind: string,
  statements: BatchStatement[],
  invoicePatch: Partial<typeof invoices.$inferInsert> = {},
): Promise<number> {
  const next = expectedVersion + 1;
  try {
    await runBatch(ctx.env.DB, [
      ctx.db.insert(invoiceRevisions).values({ invoiceId, version: next, userId: ctx.user.id, kind }),
      ctx.db
        .update(invoices)
        .set({ ...invoicePatch, version: next, updatedAt: nowIso() })
        .where(eq(invoices.id, invoiceId)),
      ...statements,
    ]);
  } catch (err) {
    if (!isRevisionConflict(err)) throw err;
    const [row] = await ctx.db.select({ version: invoices.version }).from(invoices).where(eq(invoices.id, invoiceId));
    throw versionConflict(row?.version ?? next, expectedVersion);
  }
  return next;
}

import { and, eq, inArray, lt } from 'drizzle-orm';
import { invoicePeriodBackups } from '../../db/schema';
import type { SystemCtx } from '../../email/system-ctx';
import { PERIOD_BACKUP_JOB, type PeriodBackupJob } from './attach-period-backup';

/**
 * A pending row this old lost its job: its send failed when the invoice was created, or the
 * message vanished (a local restart). A live job is done well within it: five retries back off
 * 2 + 4 + 8 + 16 + 32 s (queues/consumer.ts), plus rendering.
 */
export const PERIOD_BACKUP_LOST_AFTER_MS = 10 * 60_000;
const BATCH = 50;

/** Cron (worker/src/index.ts): queues again the period backups still pending long after they were queued. */
export async function requeuePeriodBackups({ ctx, input }: { ctx: SystemCtx; input: { now?: number } }): Promise<string[]> {
  const now = input.now ?? Date.now();
  const lost = new Date(now - PERIOD_BACKUP_LOST_AFTER_MS).toISOString();
  const rows = await ctx.db
    .select({ invoiceId: invoicePeriodBackups.invoiceId, userId: invoicePeriodBackups.userId })
    .from(invoicePeriodBackups)
    .where(and(eq(invoicePeriodBackups.status, 'pending'), lt(invoicePeriodBackups.queuedAt, lost)))
    .limit(BATCH);
  if (!rows.length) return [];
  await ctx.env.JOBS.sendBatch(rows.map((r) => ({ body: { type: PERIOD_BACKUP_JOB, invoiceId: r.invoiceId, userId: r.userId } satisfies PeriodBackupJob })));
  // Stamped only once sent: a failed send leaves the rows for the next run.
  const ids = rows.map((r) => r.invoiceId);
  await ctx.db
    .update(invoicePeriodBackups)
    .set({ queuedAt: new Date(now).toISOString() })
    .where(and(inArray(invoicePeriodBackups.invoiceId, ids), eq(invoicePeriodBackups.status, 'pending')));
  return ids;
}

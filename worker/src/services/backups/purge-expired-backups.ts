import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { invoiceBackupJobs, invoiceBackupParts } from '../../db/schema';
import type { SystemCtx } from '../../email/system-ctx';
import { retentionCutoff } from './retention';

const BATCH = 50;

/**
 * Cron (worker/src/index.ts): deletes from R2 the compiled parts of backups ready more than
 * BACKUP_RETENTION_DAYS ago, and forgets their keys; the job row stays, so the user still sees the
 * backup, that it expired and when (retention.ts). Safe to repeat: deleting a missing key is a no-op.
 */
export async function purgeExpiredBackups({ ctx, input }: { ctx: SystemCtx; input: { now?: number } }): Promise<string[]> {
  const cutoff = retentionCutoff(input.now ?? Date.now());
  const parts = await ctx.db
    .select({ jobId: invoiceBackupParts.jobId, partNo: invoiceBackupParts.partNo, r2Key: invoiceBackupParts.r2Key })
    .from(invoiceBackupParts)
    .innerJoin(invoiceBackupJobs, eq(invoiceBackupJobs.id, invoiceBackupParts.jobId))
    .where(and(isNotNull(invoiceBackupParts.r2Key), isNotNull(invoiceBackupJobs.readyAt), lt(invoiceBackupJobs.readyAt, cutoff)))
    .limit(BATCH);
  if (!parts.length) return [];
  await ctx.env.FILES.delete(parts.map((p) => p.r2Key!));
  const keys = parts.map((p) => p.r2Key!);
  await ctx.db.update(invoiceBackupParts).set({ r2Key: null }).where(inArray(invoiceBackupParts.r2Key, keys));
  return [...new Set(parts.map((p) => p.jobId))];
}

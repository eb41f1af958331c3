import { and, eq, inArray } from 'drizzle-orm';
import { makeDb } from '../../db/client';
import { invoiceBackupJobs, invoiceBackupParts } from '../../db/schema';
import type { Env } from '../../env';
import { nowIso } from '../../lib/ids';

/**
 * A backup part's job died on every queue attempt without marking the backup failed itself (a crash
 * or a timeout: run-backup-part.ts settles the failures it catches): the backup shows failed with
 * the reason instead of "running" forever.
 */
export async function giveUpBackupPart(env: Pick<Env, 'DB'>, job: { jobId: string; partNo: number }, reason: string): Promise<void> {
  const db = makeDb(env.DB);
  await db.batch([
    db
      .update(invoiceBackupParts)
      .set({ status: 'failed' })
      .where(
        and(eq(invoiceBackupParts.jobId, job.jobId), eq(invoiceBackupParts.partNo, job.partNo), inArray(invoiceBackupParts.status, ['pending', 'running'])),
      ),
    db
      .update(invoiceBackupJobs)
      .set({ status: 'failed', error: `Compiling part ${job.partNo} failed: ${reason}`.slice(0, 2000), updatedAt: nowIso() })
      .where(and(eq(invoiceBackupJobs.id, job.jobId), inArray(invoiceBackupJobs.status, ['queued', 'running']))),
  ]);
}

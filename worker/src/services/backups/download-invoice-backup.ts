import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { invoiceBackupParts } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { loadVisibleJob } from './load-job';
import { BACKUP_RETENTION_DAYS, backupExpiresAt, isBackupExpired } from './retention';

/** One compiled part's bytes, streamed from R2, for someone who may see every invoice in the backup. */
export async function downloadInvoiceBackup({ ctx, input }: { ctx: ServiceCtx; input: { jobId: string; partNo: number } }) {
  const job = await loadVisibleJob(ctx, input.jobId);
  const [part] = await ctx.db
    .select()
    .from(invoiceBackupParts)
    .where(and(eq(invoiceBackupParts.jobId, job.id), eq(invoiceBackupParts.partNo, input.partNo)))
    .limit(1);
  if (!part) throw new AppError('NOT_FOUND', `This backup has ${job.partCount} part(s); there is no part ${input.partNo}`);
  if (job.status === 'failed') throw new AppError('INVALID_STATE', `The backup could not be compiled: ${job.error ?? 'unknown error'}`);
  if (isBackupExpired(job.readyAt)) {
    throw new AppError(
      'INVALID_STATE',
      `This backup expired on ${backupExpiresAt(job.readyAt)!.slice(0, 10)}: compiled backups are kept ${BACKUP_RETENTION_DAYS} days. Compile it again`,
    );
  }
  if (part.status !== 'done' || !part.r2Key) {
    throw new AppError('INVALID_STATE', `Part ${part.partNo} of ${job.partCount} is not ready yet (${part.status}); try again when the backup is done`);
  }
  const object = await ctx.env.FILES.get(part.r2Key);
  if (!object) throw new AppError('NOT_FOUND', 'The compiled file is no longer stored; compile the backup again');
  return { body: object.body, sizeBytes: object.size, fileName: part.fileName };
}

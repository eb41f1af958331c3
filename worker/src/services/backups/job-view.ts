import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { type invoiceBackupJobs, invoiceBackupParts } from '../../db/schema';
import type { Excluded, TocEntry } from '../../pdf/backup/types';
import { retentionView } from './retention';

export type BackupJob = typeof invoiceBackupJobs.$inferSelect;
export type BackupPart = typeof invoiceBackupParts.$inferSelect;

export async function loadParts(ctx: ServiceCtx, jobId: string): Promise<BackupPart[]> {
  return ctx.db.select().from(invoiceBackupParts).where(eq(invoiceBackupParts.jobId, jobId)).orderBy(asc(invoiceBackupParts.partNo));
}

/** A job as the API returns it: status, progress, and per part its file, contents and what was left out. */
export function jobView(job: BackupJob, parts: BackupPart[]) {
  const retention = retentionView(job.readyAt);
  const percent = job.status === 'done' ? 100 : Math.min(99, Math.floor((job.segmentsDone * 100) / Math.max(1, job.segmentsTotal)));
  return {
    id: job.id,
    projectId: job.projectId,
    status: job.status,
    invoiceIds: JSON.parse(job.invoiceIds) as string[],
    fileName: job.fileName,
    locale: job.locale,
    createdAt: job.createdAt,
    readyAt: job.readyAt,
    notifyByEmail: job.notifyByEmail,
    error: job.error,
    /** compiled files are deleted from storage after retention.keptForDays (expiresAt); compile again after that */
    retention,
    progress: { partsDone: job.partsDone, partCount: job.partCount, invoicesDone: job.segmentsDone, invoicesTotal: job.segmentsTotal, percent },
    parts: parts.map((p) => ({
      partNo: p.partNo,
      status: p.status,
      fileName: p.fileName,
      sizeBytes: p.sizeBytes,
      pageCount: p.pageCount,
      downloadPath: p.status === 'done' && !retention.isExpired ? `/api/v1/invoice-backups/${job.id}/download?part=${p.partNo}` : null,
      contents: p.toc ? (JSON.parse(p.toc) as TocEntry[]) : [],
      notIncluded: p.excluded ? (JSON.parse(p.excluded) as Excluded[]) : [],
    })),
  };
}

import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { invoiceBackupJobs } from '../../db/schema';
import { notFound } from '../../lib/app-error';
import { requireSeesAll } from './backup-invoices';
import type { BackupJob } from './job-view';

/** A backup job for someone who may see every invoice in it (the requester or anyone else); 404 otherwise. */
export async function loadVisibleJob(ctx: ServiceCtx, jobId: string): Promise<BackupJob> {
  const [job] = await ctx.db.select().from(invoiceBackupJobs).where(eq(invoiceBackupJobs.id, jobId)).limit(1);
  if (!job) throw notFound('Invoice backup');
  await requireSeesAll(ctx, JSON.parse(job.invoiceIds) as string[], 'Invoice backup not found');
  return job;
}

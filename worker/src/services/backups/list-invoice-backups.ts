import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { invoiceBackupJobs } from '../../db/schema';
import { jobView } from './job-view';

/**
 * The user's own backup requests, newest first (the add-in polls this to tell the user a backup
 * is ready: readyAt). Parts are summarised; GET /invoice-backups/:id has the contents.
 */
export async function listInvoiceBackups({ ctx, input }: { ctx: ServiceCtx; input: { projectId?: string } }) {
  const where: SQL[] = [eq(invoiceBackupJobs.requestedBy, ctx.user.id)];
  if (input.projectId) where.push(eq(invoiceBackupJobs.projectId, input.projectId));
  const jobs = await ctx.db
    .select()
    .from(invoiceBackupJobs)
    .where(and(...where))
    .orderBy(desc(invoiceBackupJobs.createdAt))
    .limit(50);
  return {
    backups: jobs.map((j) => {
      const { parts: _parts, ...summary } = jobView(j, []);
      return summary;
    }),
  };
}

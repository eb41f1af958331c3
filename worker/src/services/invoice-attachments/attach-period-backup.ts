import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { contracts, invoices } from '../../db/schema';

export const PERIOD_BACKUP_JOB = 'invoice.attach-period-backup';
export type PeriodBackupJob = { type: typeof PERIOD_BACKUP_JOB; invoiceId: string; userId: string };

/**
 * "Include backup of direct costs and invoices in the selected billing period": called when an
 * owner invoice has been created. Rendering the period's subcontractor invoices takes a while,
 * so it is queued (runPeriodBackup); a retry or a second call attaches nothing twice.
 */
export async function attachPeriodBackup(ctx: ServiceCtx, invoiceId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ includeBackup: invoices.includeBackup, kind: contracts.kind })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  if (!row?.includeBackup || row.kind !== 'prime') return;
  await ctx.env.JOBS.send({ type: PERIOD_BACKUP_JOB, invoiceId, userId: ctx.user.id } satisfies PeriodBackupJob);
}

import { eq } from 'drizzle-orm';
import type { TCreateInvoiceBackup } from '@shared/api/backups';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { invoiceBackupJobs, invoiceBackupParts } from '../../db/schema';
import type { Env } from '../../env';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { backupFileName, isTimeZone, localDateTime } from '../../pdf/backup/file-name';
import { DEFAULT_VOLUME_BUDGET_BYTES, planVolumes } from '../../pdf/backup/plan-volumes';
import { loadProjectAccess } from '../access/project-access';
import { accessByContract, backupInvoicesOf, loadInvoiceRows } from './backup-invoices';
import { jobView, loadParts } from './job-view';
import { loadVisibleJob } from './load-job';
import { BACKUP_PART_JOB } from './run-backup-part';
import { toolName } from '../access/levels';

/** Optional override of the per-volume input budget (bytes), e.g. for a plan with more memory. */
type BackupEnv = Env & { BACKUP_VOLUME_BUDGET_BYTES?: string };

export function volumeBudgetBytes(env: Env): number {
  const configured = Number((env as BackupEnv).BACKUP_VOLUME_BUDGET_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_VOLUME_BUDGET_BYTES;
}

/**
 * Registers a backup compilation: checks visibility (404, naming nothing), admin on the tool of
 * every invoice's contract (403), and that every invoice's billing period still exists (422
 * naming the invoices without one); plans the volumes; queues part 1. Answers at once.
 */
export async function createInvoiceBackup({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: TCreateInvoiceBackup } }) {
  const project = (await loadProjectAccess(ctx, input.projectId)).project;
  const ids = input.body.invoiceIds;
  const rows = await loadInvoiceRows(ctx, ids);
  const access = await accessByContract(
    ctx,
    [...rows.values()].map((r) => r.contract.id),
  );
  const isVisible = (id: string) => {
    const r = rows.get(id);
    return !!r && r.invoice.projectId === project.id && !!access.get(r.contract.id);
  };
  if (!ids.every(isVisible)) throw new AppError('NOT_FOUND', 'One or more of the invoices were not found in this project');

  const toolsWithoutAdmin = new Set([...access.values()].filter((a) => a && !a.isToolAdmin).map((a) => toolName(a!.tool)));
  if (toolsWithoutAdmin.size) {
    throw new AppError('FORBIDDEN', `Compiling invoice backups needs admin on ${[...toolsWithoutAdmin].sort().join(' and ')}`);
  }

  const withoutPeriod = ids.map((id, i) => ({ row: rows.get(id)!, i })).filter(({ row }) => !row.period);
  if (withoutPeriod.length) {
    const names = withoutPeriod.map(({ row }) => `Invoice #${row.invoice.number} of contract #${row.contract.number} (${row.contract.title})`);
    const details: ErrorDetail[] = withoutPeriod.map(({ i }, k) => ({
      field: `invoiceIds.${i}`,
      code: 'BILLING_PERIOD_MISSING',
      message: `${names[k]} bills a billing period that no longer exists`,
    }));
    throw new AppError(
      'VALIDATION_FAILED',
      `The billing period of ${names.join(', ')} no longer exists; remove ${withoutPeriod.length === 1 ? 'it' : 'them'} from the selection`,
      details,
    );
  }

  const timeZone = input.body.timeZone;
  if (!isTimeZone(timeZone)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown time zone', [
      { field: 'timeZone', code: 'UNKNOWN_TIME_ZONE', message: `"${timeZone}" is not an IANA time zone such as "America/Chicago"` },
    ]);
  }
  const invoices = await backupInvoicesOf(ctx, ids, rows);
  const budget = Math.min(input.body.maxPartBytes ?? Infinity, volumeBudgetBytes(ctx.env));
  const plans = planVolumes(invoices, budget);
  const local = localDateTime(new Date(), timeZone);
  const jobId = newId('bkp');
  let offset = 0;
  const partRows = plans.map((plan, i) => {
    const row = {
      jobId,
      partNo: i + 1,
      plan: JSON.stringify(plan),
      segmentOffset: offset,
      fileName: backupFileName(project.name, project.number, local, { no: i + 1, count: plans.length }),
    };
    offset += plan.segments.length;
    return row;
  });
  await runBatch(ctx.env.DB, [
    ctx.db.insert(invoiceBackupJobs).values({
      id: jobId,
      projectId: project.id,
      requestedBy: ctx.user.id,
      invoiceIds: JSON.stringify(ids),
      locale: input.body.locale ?? ctx.user.locale,
      timeZone,
      fileName: backupFileName(project.name, project.number, local),
      volumeBudgetBytes: budget,
      partCount: plans.length,
      segmentsTotal: offset,
      notifyByEmail: input.body.notifyByEmail,
    }),
    ...partRows.map((r) => ctx.db.insert(invoiceBackupParts).values(r)),
  ]);
  try {
    await ctx.env.JOBS.send({ type: BACKUP_PART_JOB, jobId, partNo: 1 });
  } catch (err) {
    const reason = `Could not queue the compilation: ${err instanceof Error ? err.message : String(err)}`;
    await ctx.db.update(invoiceBackupJobs).set({ status: 'failed', error: reason }).where(eq(invoiceBackupJobs.id, jobId));
    throw new AppError('INTERNAL', 'The backup was registered but could not be queued; request it again');
  }
  const job = await loadVisibleJob(ctx, jobId);
  return jobView(job, await loadParts(ctx, jobId));
}

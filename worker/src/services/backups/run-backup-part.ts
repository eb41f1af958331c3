import type { ExecutionContext } from '@cloudflare/workers-types';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import type { ServiceCtx } from '../../context';
import { makeDb, type Db } from '../../db/client';
import { invoiceBackupJobs, invoiceBackupParts, projects } from '../../db/schema';
import type { Env } from '../../env';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { nowIso } from '../../lib/ids';
import { compileVolume } from '../../pdf/backup/compile-volume';
import { localDateTime } from '../../pdf/backup/file-name';
import type { VolumePlan } from '../../pdf/backup/types';
import { workerTtf } from '../../pdf/worker-fonts';
import type { Job } from '../../queues/jobs';
import { loadInvoicePdfInput } from '../pdf/load-pdf-input';
import { r2Store } from '../pdf/r2-store';
import { serviceCtxFor } from '../../lib/service-ctx';
import { backupInvoicesOf, requireSeesAll } from './backup-invoices';
import type { BackupJob, BackupPart } from './job-view';
import { notifyBackupReady } from './notify-backup-ready';

export const BACKUP_PART_JOB = 'invoice-backup.part';
export type BackupPartJob = { type: typeof BACKUP_PART_JOB; jobId: string; partNo: number };

/** Deliveries of one part before the job is marked failed: below wrangler.toml's max_retries = 5 (6 deliveries), so no part dies silently in the dead-letter queue. */
const MAX_ATTEMPTS = 5;

export const backupPartKey = (job: Pick<BackupJob, 'projectId' | 'id'>, partNo: number) => `backups/${job.projectId}/${job.id}/part-${partNo}.pdf`;

/**
 * Queue handler: compiles one part of a backup and stores it in R2, then queues the next part or
 * marks the job done. Parts run one after the other, so one isolate holds one volume at a time.
 * At-least-once delivery: a part already done is not compiled again; the R2 key is fixed per part.
 */
export async function runBackupPart(message: Job, env: Env, exec: ExecutionContext): Promise<void> {
  const { jobId, partNo } = message as unknown as BackupPartJob;
  const db = makeDb(env.DB);
  const [job] = await db.select().from(invoiceBackupJobs).where(eq(invoiceBackupJobs.id, jobId)).limit(1);
  if (!job || job.status === 'done' || job.status === 'failed') return;
  const [part] = await db
    .select()
    .from(invoiceBackupParts)
    .where(and(eq(invoiceBackupParts.jobId, jobId), eq(invoiceBackupParts.partNo, partNo)))
    .limit(1);
  if (!part) return failJob(db, job, partNo, `Part ${partNo} of this backup is missing`);
  if (part.status !== 'done') {
    const attempts = part.attempts + 1;
    await runBatch(env.DB, [
      db
        .update(invoiceBackupParts)
        .set({ status: 'running', attempts })
        .where(and(eq(invoiceBackupParts.jobId, jobId), eq(invoiceBackupParts.partNo, partNo))),
      db
        .update(invoiceBackupJobs)
        .set({ status: 'running', updatedAt: nowIso() })
        .where(and(eq(invoiceBackupJobs.id, jobId), eq(invoiceBackupJobs.status, 'queued'))),
    ]);
    try {
      const ctx = await serviceCtxFor(env, job.requestedBy, { requestId: `queue:${jobId}:${partNo}`, waitUntil: (p) => exec.waitUntil(p) });
      await compileAndStore(ctx, db, job, part);
    } catch (err) {
      // A refusal (access lost, period deleted, user gone) will not change on retry; anything else may.
      if (err instanceof AppError || attempts >= MAX_ATTEMPTS) {
        return failJob(
          db,
          job,
          part.partNo,
          err instanceof AppError ? err.message : `Compiling part ${partNo} failed ${attempts} times: ${String((err as Error)?.message ?? err)}`,
        );
      }
      throw err;
    }
  }
  if (partNo < job.partCount) {
    await env.JOBS.send({ type: BACKUP_PART_JOB, jobId, partNo: partNo + 1 } satisfies BackupPartJob);
    return;
  }
  const now = nowIso();
  const flipped = await db
    .update(invoiceBackupJobs)
    .set({ status: 'done', readyAt: now, updatedAt: now, segmentsDone: job.segmentsTotal })
    .where(and(eq(invoiceBackupJobs.id, jobId), inArray(invoiceBackupJobs.status, ['queued', 'running'])))
    .returning({ id: invoiceBackupJobs.id });
  // The requester learns it is ready from readyAt (GET /api/v1/invoice-backups, polled by the add-in),
  // and by email when they asked; only the delivery that marked it done sends it.
  if (flipped.length && job.notifyByEmail) await notifyBackupReady(env, { ...job, readyAt: now });
}

async function compileAndStore(ctx: ServiceCtx, db: Db, job: BackupJob, part: BackupPart): Promise<void> {
  const allIds = JSON.parse(job.invoiceIds) as string[];
  const plan = JSON.parse(part.plan) as VolumePlan;
  // Only this part's invoices are loaded; the plan's indexes are remapped onto them.
  const ids = [...new Set(plan.segments.map((s) => allIds[s.invoiceIndex]!))];
  const rows = await requireSeesAll(ctx, ids, 'The requester can no longer see every invoice of this backup');
  const invoices = await backupInvoicesOf(ctx, ids, rows);
  const localPlan: VolumePlan = { ...plan, segments: plan.segments.map((s) => ({ ...s, invoiceIndex: ids.indexOf(allIds[s.invoiceIndex]!) })) };
  const [project] = await ctx.db.select().from(projects).where(eq(projects.id, job.projectId)).limit(1);
  const result = await compileVolume(
    {
      invoices,
      plan: localPlan,
      labels: pdfLabels(job.locale),
      meta: {
        projectName: project!.name,
        projectNumber: project!.number,
        requestedBy: ctx.user.name,
        compiledAt: localDateTime(new Date(job.createdAt), job.timeZone),
        partNo: part.partNo,
        partCount: job.partCount,
      },
    },
    {
      store: r2Store(ctx.env.FILES),
      ttf: workerTtf,
      loadInvoice: (invoiceId) => loadInvoicePdfInput(ctx, invoiceId),
      onSegmentDone: async (i) => {
        const done = part.segmentOffset + i + 1;
        await db
          .update(invoiceBackupJobs)
          .set({ segmentsDone: sql`max(${invoiceBackupJobs.segmentsDone}, ${done})` })
          .where(eq(invoiceBackupJobs.id, job.id));
      },
    },
  );
  const key = backupPartKey(job, part.partNo);
  await ctx.env.FILES.put(key, result.bytes, { httpMetadata: { contentType: 'application/pdf' } });
  await runBatch(ctx.env.DB, [
    db
      .update(invoiceBackupParts)
      .set({
        status: 'done',
        r2Key: key,
        sizeBytes: result.bytes.byteLength,
        pageCount: result.pageCount,
        toc: JSON.stringify(result.toc),
        excluded: JSON.stringify(result.excluded),
        completedAt: nowIso(),
      })
      .where(and(eq(invoiceBackupParts.jobId, job.id), eq(invoiceBackupParts.partNo, part.partNo))),
    db
      .update(invoiceBackupJobs)
      .set({ partsDone: sql`max(${invoiceBackupJobs.partsDone}, ${part.partNo})`, updatedAt: nowIso() })
      .where(eq(invoiceBackupJobs.id, job.id)),
  ]);
}

async function failJob(db: Db, job: BackupJob, partNo: number, error: string): Promise<void> {
  await db.batch([
    db
      .update(invoiceBackupParts)
      .set({ status: 'failed' })
      .where(and(eq(invoiceBackupParts.jobId, job.id), eq(invoiceBackupParts.partNo, partNo))),
    db.update(invoiceBackupJobs).set({ status: 'failed', error, updatedAt: nowIso() }).where(eq(invoiceBackupJobs.id, job.id)),
  ]);
}

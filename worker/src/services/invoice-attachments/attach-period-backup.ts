import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { invoicePeriodBackups } from '../../db/schema';
import type { Env } from '../../env';
import { makeDb } from '../../db/client';
import { nowIso } from '../../lib/ids';

export const PERIOD_BACKUP_JOB = 'invoice.attach-period-backup';
export type PeriodBackupJob = { type: typeof PERIOD_BACKUP_JOB; invoiceId: string; userId: string };

export type PeriodBackupView = { status: 'pending' | 'done' | 'failed'; error: string | null; finishedAt: string | null };

/**
 * The row that records "include backup" work, for the D1 batch that creates the owner invoice:
 * invoice and job exist together or not at all (services/invoices/create-invoice.ts).
 */
export function periodBackupRowStatement(ctx: ServiceCtx, invoiceId: string) {
  return ctx.db.insert(invoicePeriodBackups).values({ invoiceId, userId: ctx.user.id, status: 'pending', queuedAt: nowIso() });
}

/**
 * "Include backup of direct costs and invoices in the selected billing period": queues the job of
 * an owner invoice just created. Rendering the period's subcontractor invoices takes a while, so it
 * runs in the queue (runPeriodBackup); a retry or a second job attaches nothing twice. A failed
 * send is not the request's failure: the invoice exists and its row stays pending, so the answer
 * says the backup is pending and the cron queues it again.
 */
export async function queuePeriodBackup(ctx: ServiceCtx, invoiceId: string): Promise<void> {
  try {
    await ctx.env.JOBS.send({ type: PERIOD_BACKUP_JOB, invoiceId, userId: ctx.user.id } satisfies PeriodBackupJob);
  } catch (err) {
    console.error(`Queueing the period backup of invoice ${invoiceId} failed; the cron will queue it again`, err);
  }
}

export async function loadPeriodBackup(ctx: Pick<ServiceCtx, 'db'>, invoiceId: string): Promise<PeriodBackupView | null> {
  const [row] = await ctx.db
    .select({ status: invoicePeriodBackups.status, error: invoicePeriodBackups.error, finishedAt: invoicePeriodBackups.finishedAt })
    .from(invoicePeriodBackups)
    .where(eq(invoicePeriodBackups.invoiceId, invoiceId))
    .limit(1);
  return row ?? null;
}

/** Settles the row once: done, or failed with the reason shown on the invoice. A settled row stays settled. */
export async function settlePeriodBackup(
  env: Pick<Env, 'DB'>,
  invoiceId: string,
  outcome: { status: 'done' } | { status: 'failed'; error: string },
): Promise<void> {
  await makeDb(env.DB)
    .update(invoicePeriodBackups)
    .set({ status: outcome.status, error: outcome.status === 'failed' ? outcome.error : null, finishedAt: nowIso() })
    .where(and(eq(invoicePeriodBackups.invoiceId, invoiceId), eq(invoicePeriodBackups.status, 'pending')));
}

import type { ExecutionContext } from '@cloudflare/workers-types';
import { emailJobHandlers } from '../email/jobs';
import type { Env } from '../env';
import { BACKUP_PART_JOB, runBackupPart } from '../services/backups/run-backup-part';
import { PERIOD_BACKUP_JOB } from '../services/invoice-attachments/attach-period-backup';
import { runPeriodBackup } from '../services/invoice-attachments/run-period-backup';
import { sendBatchJobHandlers } from '../services/send-batches/jobs';

/** Every background job: { type, ...payload }. Payloads carry ids and R2 keys, never documents (128 KB limit). */
export type Job = { type: string; [key: string]: unknown };

type Handler = (job: Job, env: Env, ctx: ExecutionContext) => Promise<void>;

/** Features register their job handlers here (email delivery, inbound processing, PDF compilation, bulk sends). */
export const jobHandlers: Record<string, Handler> = {};

// email: delivery of queued outbound mail, processing of stored inbound payloads
jobHandlers['email.deliver'] = (job, env) => emailJobHandlers['email.deliver'](job, env);
jobHandlers['email.inbound'] = (job, env) => emailJobHandlers['email.inbound'](job, env);

// invoice backups: compile one part of a backup; attach a period's backup to a new owner invoice
jobHandlers[BACKUP_PART_JOB] = runBackupPart;
jobHandlers[PERIOD_BACKUP_JOB] = runPeriodBackup;

// bulk send: one chunk (≤ 500 messages) of a started send batch
jobHandlers['send-batch.chunk'] = (job, env) => sendBatchJobHandlers['send-batch.chunk'](job, env);

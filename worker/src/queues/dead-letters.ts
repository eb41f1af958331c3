import type { MessageBatch } from '@cloudflare/workers-types';
import { systemCtx } from '../email/system-ctx';
import type { Env } from '../env';
import { giveUpBackupPart } from '../services/backups/give-up-part';
import { BACKUP_PART_JOB } from '../services/backups/run-backup-part';
import { giveUpDelivery } from '../services/emails/give-up-delivery';
import { giveUpInbound } from '../services/emails/give-up-inbound';
import { PERIOD_BACKUP_JOB, settlePeriodBackup } from '../services/invoice-attachments/attach-period-backup';
import { giveUpChunk } from '../services/send-batches/give-up-chunk';
import type { Job } from './jobs';
import { QUEUE_MAX_ATTEMPTS } from './limits';

/** wrangler.toml: the consumer's dead_letter_queue, which this worker also consumes. */
export const DEAD_LETTER_QUEUE = 'progress-billing-dead-letter';

type GiveUp = (job: Job, reason: string, env: Env) => Promise<void>;

/**
 * What a job's failure for good means to the user, per job type: the work it was doing shows as
 * failed with the reason (a bulk batch's items, a message, a backup) instead of waiting forever.
 * Each is idempotent and leaves work that already finished alone.
 */
export const giveUpHandlers: Record<string, GiveUp> = {
  'email.deliver': (job, reason, env) => giveUpDelivery({ ctx: systemCtx(env), input: { messageId: String(job.messageId), reason } }),
  'email.inbound': (job, reason, env) => giveUpInbound({ ctx: systemCtx(env), input: { receiptId: String(job.receiptId), reason } }),
  'send-batch.chunk': (job, reason, env) => giveUpChunk(env, { batchId: String(job.batchId), runNo: Number(job.runNo), chunkNo: Number(job.chunkNo) }, reason),
  [PERIOD_BACKUP_JOB]: (job, reason, env) => settlePeriodBackup(env, String(job.invoiceId), { status: 'failed', error: reason }),
  [BACKUP_PART_JOB]: (job, reason, env) => giveUpBackupPart(env, { jobId: String(job.jobId), partNo: Number(job.partNo) }, reason),
};

export async function giveUp(job: Job, reason: string, env: Env): Promise<void> {
  const handler = giveUpHandlers[job.type];
  if (handler) await handler(job, reason, env);
  else console.error(`Job ${job.type} failed for good and has no give-up handler: ${reason}`);
}

/**
 * The dead-letter queue's consumer. Messages arrive here when the main consumer could not settle
 * them itself: the isolate died or timed out on the last attempt (a caught error on the last
 * attempt is settled by queues/consumer.ts with its message). Cloudflare Queues sends a message to
 * the consumer's dead_letter_queue once max_retries is reached, and keeps it four days unless a
 * consumer takes it (developers.cloudflare.com/queues/configuration/dead-letter-queues/).
 */
export async function handleDeadLetterBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const job = message.body as Job;
    try {
      await giveUp(job, `the job did not finish in ${QUEUE_MAX_ATTEMPTS} attempts (it stopped without reporting an error: a crash or a time limit)`, env);
      message.ack();
    } catch (err) {
      console.error(`Settling dead-lettered job ${String(job?.type)} failed`, err);
      message.retry({ delaySeconds: 60 });
    }
  }
}

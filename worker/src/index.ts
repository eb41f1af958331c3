import type { ExecutionContext, MessageBatch, ScheduledController } from '@cloudflare/workers-types';
import { app } from './app';
import type { Env } from './env';
import { handleQueueBatch } from './queues/consumer';
import { DEAD_LETTER_QUEUE, handleDeadLetterBatch } from './queues/dead-letters';
import { redriveStuck } from './services/emails/redrive-stuck';
import { systemCtx } from './email/system-ctx';
import { requeuePeriodBackups } from './services/invoice-attachments/requeue-period-backups';
import { purgeExpiredBackups } from './services/backups/purge-expired-backups';
import { runReminders } from './services/reminders/run-reminders';
import { REMINDERS_CRON } from './services/reminders/cron';

export default {
  fetch: (request: Request, env: Env, ctx: ExecutionContext) => app.fetch(request, env, ctx),
  queue: (batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext) =>
    batch.queue === DEAD_LETTER_QUEUE ? handleDeadLetterBatch(batch, env) : handleQueueBatch(batch, env, ctx),
  // Every few minutes: re-queue inbound replies, outbound mail and "include backup" jobs whose
  // queue message was lost or never sent (all idempotent), so work keeps flowing without requests.
  scheduled: async (controller: ScheduledController, env: Env) => {
    if (controller.cron === REMINDERS_CRON) {
      const run = await runReminders({ ctx: systemCtx(env), input: { today: new Date(controller.scheduledTime).toISOString().slice(0, 10) } });
      for (const f of run.failed) console.error(`The payment reminder of invoice ${f.invoiceId} could not be sent: ${f.reason}`);
      return;
    }
    const r = await redriveStuck({ ctx: systemCtx(env), input: {} });
    if (r.receipts.length || r.messages.length) console.warn(`Re-queued ${r.receipts.length} inbound receipt(s) and ${r.messages.length} outbound message(s)`);
    const backups = await requeuePeriodBackups({ ctx: systemCtx(env), input: {} });
    if (backups.length) console.warn(`Re-queued the period backup of ${backups.length} invoice(s)`);
    // compiled backups past their retention (services/backups/retention.ts) leave R2
    await purgeExpiredBackups({ ctx: systemCtx(env), input: {} });
  },
};

import type { SystemCtx } from '../../email/system-ctx';
import { dueReminders } from './due-reminders';
import { sendReminder, type ReminderSent } from './send-reminder';

export type RemindersRun = { today: string; sent: ReminderSent[]; failed: Array<{ invoiceId: string; reason: string }> };

/**
 * The day's payment reminders (the daily cron in worker/src/index.ts; POST /dev/run-reminders in
 * local development and tests, on a fixed day). Idempotent per day: a rerun sends nothing. One
 * invoice's failure is reported and does not stop the others; when nothing went out, its day is
 * not marked (send-reminder.ts), so the next run tries it again.
 */
export async function runReminders({ ctx, input }: { ctx: SystemCtx; input: { today: string } }): Promise<RemindersRun> {
  const out: RemindersRun = { today: input.today, sent: [], failed: [] };
  for (const due of await dueReminders(ctx, input.today)) {
    try {
      const sent = await sendReminder(ctx, due, input.today);
      if (sent) out.sent.push(sent);
    } catch (err) {
      out.failed.push({ invoiceId: due.invoiceId, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { queueOutbound } from '../../email/queue-outbound';
import { renderBackupReady } from '../../email/render-backup-ready';
import { systemCtx } from '../../email/system-ctx';
import type { Env } from '../../env';
import type { BackupJob } from './job-view';
import { backupExpiresAt } from './retention';

/**
 * Emails the requester that their backup is ready, through the outbound mail path (Postmark, or
 * the local outbox in development), when they asked for it (notifyByEmail). The message id is
 * fixed per backup, so a repeated call records nothing twice. A failure is logged, not thrown:
 * the backup itself is done and shows as ready in the add-in.
 */
export async function notifyBackupReady(env: Env, job: BackupJob & { readyAt: string }): Promise<void> {
  const ctx = systemCtx(env);
  try {
    const [user] = await ctx.db.select().from(users).where(eq(users.id, job.requestedBy)).limit(1);
    if (!user) return;
    const id = `em_bkp_${job.id}`;
    const mail = renderBackupReady(job.locale, job.fileName, job.partCount, backupExpiresAt(job.readyAt)!.slice(0, 10));
    await queueOutbound(ctx, {
      id,
      kind: 'notice',
      threadId: null,
      projectId: job.projectId,
      from: { email: `no-reply@${env.INBOUND_DOMAIN}`, name: env.APP_NAME, userId: null },
      replyTo: null,
      to: [{ email: user.email, name: user.name, userId: user.id }],
      cc: [],
      subject: mail.subject,
      messageText: mail.text,
      html: mail.html,
      text: mail.text,
      internetMessageId: `<${id}@${env.INBOUND_DOMAIN}>`,
      inReplyTo: null,
      references: null,
      locale: job.locale,
      sentBy: null,
      files: [],
    });
  } catch (err) {
    if (/UNIQUE constraint failed: email_messages\.id/.test(String((err as Error)?.message ?? err))) return; // already recorded
    console.error(`The "backup ready" email of ${job.id} could not be queued`, err);
  }
}

import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailMessages, invoiceBackupParts } from '../src/db/schema';
import { BACKUP_PART_JOB, runBackupPart } from '../src/services/backups/run-backup-part';
import { systemCtx } from '../src/email/system-ctx';
import { purgeExpiredBackups } from '../src/services/backups/purge-expired-backups';
import { BACKUP_RETENTION_DAYS } from '../src/services/backups/retention';
import { api, db, ok, seedCompany, seedUser } from './helpers';
import { buildBackupScenario, execCtx, waitForBackup, type BackupScenario } from './pdf-builders';

// Compiled backups are deleted from R2 after the retention period; the API says when, and how long
// a download link works. "Backup ready" also goes by email when the requester asked for it.

const DAY = 86_400_000;

describe('backup retention', () => {
  let admin: { token: string; id: string };
  let s: BackupScenario;
  let job: any;

  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz', companyId: await seedCompany('Northwind Builders Inc.') });
    s = await buildBackupScenario(admin.token, admin.id);
    const queued = await ok(202, admin.token, 'POST', `/api/v1/projects/${s.projectId}/invoice-backups`, { invoiceIds: [s.ids.inv1] });
    job = await waitForBackup(admin.token, queued.id);
  });

  it('states the rule: kept 30 days from readyAt, download links valid 5 minutes', async () => {
    const expiresAt = new Date(Date.parse(job.readyAt) + BACKUP_RETENTION_DAYS * DAY).toISOString();
    expect(job.retention).toEqual({ keptForDays: 30, expiresAt, isExpired: false, downloadLinkLifetimeSeconds: 300 });
    const link = await ok(200, admin.token, 'POST', `/api/v1/invoice-backups/${job.id}/download-link?part=1`);
    expect(link.lifetimeSeconds).toBe(300);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('the cron deletes the compiled file once the retention has passed, and the backup says it expired', async () => {
    const [part] = await db().select().from(invoiceBackupParts).where(eq(invoiceBackupParts.jobId, job.id));
    const key = part!.r2Key!;
    expect(await env.FILES.head(key)).not.toBeNull();
    // a day before the end: kept
    const readyAt = Date.parse(job.readyAt);
    expect(await purgeExpiredBackups({ ctx: systemCtx(env), input: { now: readyAt + (BACKUP_RETENTION_DAYS - 1) * DAY } })).not.toContain(job.id);
    expect(await env.FILES.head(key)).not.toBeNull();
    // past it: deleted from R2, the key forgotten
    expect(await purgeExpiredBackups({ ctx: systemCtx(env), input: { now: readyAt + BACKUP_RETENTION_DAYS * DAY + 1000 } })).toContain(job.id);
    expect(await env.FILES.head(key)).toBeNull();
    const [after] = await db().select().from(invoiceBackupParts).where(eq(invoiceBackupParts.jobId, job.id));
    expect(after!.r2Key).toBeNull();
    // Shown as expired once the clock passes expiresAt; here the job row is moved back in time.
    await env.DB.prepare('UPDATE invoice_backup_jobs SET ready_at = ?2 WHERE id = ?1')
      .bind(job.id, new Date(Date.now() - (BACKUP_RETENTION_DAYS + 1) * DAY).toISOString())
      .run();
    const view = await ok(200, admin.token, 'GET', `/api/v1/invoice-backups/${job.id}`);
    expect(view.retention.isExpired).toBe(true);
    expect(view.parts[0].downloadPath).toBeNull();
    const download = await api(admin.token, 'GET', `/api/v1/invoice-backups/${job.id}/download?part=1`);
    expect(download.status).toBe(409);
    expect(download.body.error.message).toMatch(/^This backup expired on \d{4}-\d{2}-\d{2}: compiled backups are kept 30 days\. Compile it again$/);
  });
});

describe('"backup ready" by email', () => {
  it('is emailed to the requester when asked (once), through the outbound mail path; not otherwise', async () => {
    const admin = await seedUser({ name: 'Ana Ruiz', companyId: await seedCompany('Northwind Builders Inc.') });
    const s = await buildBackupScenario(admin.token, admin.id);
    const asked = await ok(202, admin.token, 'POST', `/api/v1/projects/${s.projectId}/invoice-backups`, { invoiceIds: [s.ids.inv1], notifyByEmail: true });
    const silent = await ok(202, admin.token, 'POST', `/api/v1/projects/${s.projectId}/invoice-backups`, { invoiceIds: [s.ids.inv2] });
    expect([asked.notifyByEmail, silent.notifyByEmail]).toEqual([true, false]);
    const done = await waitForBackup(admin.token, asked.id);
    await waitForBackup(admin.token, silent.id);

    const mails = await db().select().from(emailMessages).where(eq(emailMessages.projectId, s.projectId));
    const notices = mails.filter((m) => m.kind === 'notice');
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toMatchObject({ id: `em_bkp_${asked.id}`, direction: 'outbound', subject: `Your invoice backup is ready: ${done.fileName}` });
    expect(JSON.parse(notice!.toJson)).toEqual([{ email: admin.email, name: 'Ana Ruiz', userId: admin.id }]);
    expect(notice!.messageText).toBe(
      `The invoice backup "${done.fileName}" (1 part) is compiled. Download it from Invoice backups in the add-in.\n\nIt is kept until ${done.retention.expiresAt.slice(0, 10)}; after that, compile it again.`,
    );
    // a redelivered last part does not send it again
    await runBackupPart({ type: BACKUP_PART_JOB, jobId: asked.id, partNo: 1 }, env as never, execCtx());
    expect((await db().select().from(emailMessages).where(eq(emailMessages.projectId, s.projectId))).filter((m) => m.kind === 'notice')).toHaveLength(1);
  });
});

import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceBackupJobs, invoiceBackupParts } from '../src/db/schema';
import { BACKUP_PART_JOB, runBackupPart } from '../src/services/backups/run-backup-part';
import { api, db, ok, seedUser, joinByInvitation } from './helpers';
import { buildBackupScenario, waitForBackup, type BackupScenario, execCtx } from './pdf-builders';

// Who may compile and download invoice backups, and the refusals: invisible invoices (404,
// naming nothing), missing admin (403), billing periods that no longer exist (422 naming them).

/**
 * Billing periods cannot be deleted while an invoice uses one, and D1 always enforces foreign
 * keys (PRAGMA foreign_keys = OFF is ignored), so a deleted period is emulated: the table is
 * renamed (SQLite re-points the invoices' foreign key at the new name) and a `billing_periods`
 * without that period takes its place. `restore` puts everything back.
 */
async function hidePeriod(periodId: string) {
  await env.DB.batch([
    env.DB.prepare('ALTER TABLE billing_periods RENAME TO billing_periods_hidden'),
    env.DB.prepare('CREATE TABLE billing_periods AS SELECT * FROM billing_periods_hidden WHERE id != ?').bind(periodId),
  ]);
  return async () => {
    await env.DB.batch([env.DB.prepare('DROP TABLE billing_periods'), env.DB.prepare('ALTER TABLE billing_periods_hidden RENAME TO billing_periods')]);
  };
}

describe('invoice backups: permissions and refusals', () => {
  let admin: { token: string; id: string };
  let s: BackupScenario;
  const backups = () => `/api/v1/projects/${s.projectId}/invoice-backups`;
  const member = async (name: string, primeContracts: string, commitments: string) => {
    const u = await seedUser({ name });
    await joinByInvitation(admin.token, s.projectId, u, { primeContracts, commitments });
    return u;
  };

  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz' });
    s = await buildBackupScenario(admin.token, admin.id);
  });

  it('an unknown backup answers 404 "Invoice backup not found", the same as a backup the user may not see', async () => {
    const expected = { code: 'NOT_FOUND', message: 'Invoice backup not found' };
    for (const path of ['/api/v1/invoice-backups/job_does_not_exist', '/api/v1/invoice-backups/job_does_not_exist/download?part=1']) {
      const r = await api(admin.token, 'GET', path);
      expect(r.status).toBe(404);
      expect(r.body.error).toMatchObject(expected);
    }
    const link = await api(admin.token, 'POST', '/api/v1/invoice-backups/job_does_not_exist/download-link');
    expect(link.status).toBe(404);
    expect(link.body.error).toMatchObject(expected);
  });

  it('invoices the user cannot see, or of another project, answer 404 without naming them', async () => {
    const primeOnly = await member('Prime admin', 'admin', 'none');
    const hidden = await api(primeOnly.token, 'POST', backups(), { invoiceIds: [s.ids.inv1, s.ids.sub1] });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).not.toContain(s.ids.sub1);
    expect(JSON.stringify(hidden.body.error.details)).not.toContain(s.ids.sub1);
    const unknown = await api(admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv1, 'inv_does_not_exist'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).not.toContain('inv_does_not_exist');
    const other = await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'Other project' });
    expect((await api(admin.token, 'POST', `/api/v1/projects/${other.id}/invoice-backups`, { invoiceIds: [s.ids.inv1] })).status).toBe(404);
    const outsider = await seedUser({ name: 'Outsider' });
    expect((await api(outsider.token, 'POST', backups(), { invoiceIds: [s.ids.inv1] })).status).toBe(404);
  });

  it('needs admin on the tool of every invoice: 403 names the tool', async () => {
    const mixed = await member('Prime admin, commitments reader', 'admin', 'read_only');
    const refused = await api(mixed.token, 'POST', backups(), { invoiceIds: [s.ids.inv1, s.ids.sub1] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Compiling invoice backups needs admin on Commitments');
    const reader = await member('Reader', 'read_only', 'read_only');
    const both = await api(reader.token, 'POST', backups(), { invoiceIds: [s.ids.inv1, s.ids.sub1] });
    expect(both.body.error.message).toBe('Compiling invoice backups needs admin on Commitments and Prime Contracts');
    // owner invoices alone need only Prime Contracts
    expect((await api(mixed.token, 'POST', backups(), { invoiceIds: [s.ids.inv1] })).status).toBe(202);
  });

  it('a backup is visible and downloadable by whoever may see every invoice in it, by no one else', async () => {
    const queued = await ok(202, admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv2, s.ids.sub1] });
    const job = await waitForBackup(admin.token, queued.id);
    expect(job.status).toBe('done');
    const reader = await member('Reader of both', 'read_only', 'read_only');
    expect((await api(reader.token, 'GET', `/api/v1/invoice-backups/${job.id}`)).status).toBe(200);
    const file = await api(reader.token, 'GET', job.parts[0].downloadPath);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const primeReader = await member('Prime reader', 'read_only', 'none');
    expect((await api(primeReader.token, 'GET', `/api/v1/invoice-backups/${job.id}`)).status).toBe(404);
    expect((await api(primeReader.token, 'GET', job.parts[0].downloadPath)).status).toBe(404);
    expect((await api(reader.token, 'GET', `/api/v1/invoice-backups/${job.id}/download?part=2`)).status).toBe(404);
    // a signed link: opens without a header, and only with a valid signature
    const link = await ok(200, reader.token, 'POST', `/api/v1/invoice-backups/${job.id}/download-link?part=1`);
    const url = new URL(link.url);
    const signed = await api(null, 'GET', `${url.pathname}${url.search}`);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-disposition')).toMatch(/^attachment;/);
    url.searchParams.set('uid', primeReader.id);
    expect((await api(null, 'GET', `${url.pathname}${url.search}`)).status).toBe(401);
    expect((await api(primeReader.token, 'POST', `/api/v1/invoice-backups/${job.id}/download-link`)).status).toBe(404);
  });

  it('refuses with 422 naming the invoices whose billing period no longer exists', async () => {
    const restore = await hidePeriod(s.periodIds[1]!);
    try {
      const refused = await api(admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv1, s.ids.inv2] });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.message).toContain('Invoice #2 of contract #1 (Prime contract)');
      expect(refused.body.error.message).not.toContain('Invoice #1 ');
      expect(refused.body.error.details).toEqual([
        {
          field: 'invoiceIds.1',
          code: 'BILLING_PERIOD_MISSING',
          message: 'Invoice #2 of contract #1 (Prime contract) bills a billing period that no longer exists',
        },
      ]);
      // period 1 still exists: invoice 1 alone is fine
      expect((await api(admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv1] })).status).toBe(202);
    } finally {
      await restore();
    }
  });

  it('a period deleted after the request fails the job with the reason, instead of retrying forever', async () => {
    // A job registered while the period existed; its part is then run with the period gone.
    const jobId = 'bkp_period_gone';
    await db()
      .insert(invoiceBackupJobs)
      .values({
        id: jobId,
        projectId: s.projectId,
        requestedBy: admin.id,
        invoiceIds: JSON.stringify([s.ids.inv2]),
        fileName: 'x.pdf',
        volumeBudgetBytes: 1 << 20,
        partCount: 1,
        segmentsTotal: 1,
      });
    const plan = { segments: [{ invoiceIndex: 0, includesInvoicePdf: true, attachments: [] }], estimatedBytes: 0, excluded: [] };
    await db()
      .insert(invoiceBackupParts)
      .values({ jobId, partNo: 1, plan: JSON.stringify(plan), segmentOffset: 0, fileName: 'x.pdf' });
    const restore = await hidePeriod(s.periodIds[1]!);
    try {
      await runBackupPart({ type: BACKUP_PART_JOB, jobId, partNo: 1 }, env, execCtx());
    } finally {
      await restore();
    }
    const job = await ok(200, admin.token, 'GET', `/api/v1/invoice-backups/${jobId}`);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('Invoice #2 of contract #1 has no billing period');
    expect(job.parts[0].status).toBe('failed');
    const dl = await api(admin.token, 'GET', `/api/v1/invoice-backups/${jobId}/download`);
    expect(dl.status).toBe(409);
    expect(dl.body.error.message).toContain('could not be compiled');
  });

  it('validates the request: at least one invoice, each once, a real time zone', async () => {
    const empty = await api(admin.token, 'POST', backups(), { invoiceIds: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details[0].field).toBe('invoiceIds');
    const twice = await api(admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv1, s.ids.inv1] });
    expect(twice.status).toBe(422);
    const zone = await api(admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv1], timeZone: 'Mars/Olympus_Mons' });
    expect(zone.status).toBe(422);
    expect(zone.body.error.details[0]).toMatchObject({ field: 'timeZone', code: 'UNKNOWN_TIME_ZONE' });
    const tiny = await api(admin.token, 'POST', backups(), { invoiceIds: [s.ids.inv1], maxPartBytes: 100 });
    expect(tiny.status).toBe(422);
    expect(tiny.body.error.details[0].field).toBe('maxPartBytes');
  });
});

import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoicePeriodBackups } from '../src/db/schema';
import { systemCtx } from '../src/email/system-ctx';
import type { Env } from '../src/env';
import { serviceCtxFor } from '../src/lib/service-ctx';
import { PERIOD_BACKUP_LOST_AFTER_MS, requeuePeriodBackups } from '../src/services/invoice-attachments/requeue-period-backups';
import { createInvoice } from '../src/services/invoices/create-invoice';
import { db, ok, seedUser } from './helpers';
import { buildFixtureInvoices, waitFor, type FixtureBuild } from './pdf-builders';

// "Include backup" when the queue cannot take the job at the moment the owner invoice is created:
// the invoice and its backup row are written together, the answer says the backup is pending, and
// the cron queues it again (services/invoice-attachments/requeue-period-backups.ts).

describe('include backup with a failing queue', () => {
  let admin: { token: string; id: string };
  let prime: FixtureBuild;

  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz' });
    prime = await buildFixtureInvoices(admin.token, { invoiceCount: 0, counterpartyName: 'Springfield Health Partners LLC' });
    await buildFixtureInvoices(admin.token, {
      projectId: prime.projectId,
      periodIds: prime.periodIds,
      kind: 'commitment',
      invoiceCount: 1,
      title: 'Concrete subcontract',
      counterpartyName: 'Acme Concrete',
    });
  });

  it('creates the invoice, answers "backup pending", and the cron queues the job again', async () => {
    const ctx = await serviceCtxFor(env, admin.id);
    let sends = 0;
    const brokenQueue = {
      ...env.JOBS,
      send: async () => {
        sends++;
        throw new Error('Queue send failed: 503');
      },
    };
    const created = await createInvoice({
      ctx: { ...ctx, env: { ...env, JOBS: brokenQueue } as Env },
      input: { contractId: prime.contractId, body: { billingPeriodId: prime.periodIds[0], includeBackup: true } },
    });
    expect(sends).toBe(1);
    const invoiceId = created.invoice.id;
    expect(created.invoice.periodBackup).toEqual({ status: 'pending', error: null, finishedAt: null });
    const stored = await ok(200, admin.token, 'GET', `/api/v1/invoices/${invoiceId}`);
    expect(stored.invoice).toMatchObject({ includeBackup: true, periodBackup: { status: 'pending' } });

    // Not yet lost: a live job may still be retrying.
    expect(await requeuePeriodBackups({ ctx: systemCtx(env), input: {} })).toEqual([]);
    const later = Date.now() + PERIOD_BACKUP_LOST_AFTER_MS + 1_000;
    expect(await requeuePeriodBackups({ ctx: systemCtx(env), input: { now: later } })).toEqual([invoiceId]);
    const [row] = await db().select().from(invoicePeriodBackups).where(eq(invoicePeriodBackups.invoiceId, invoiceId));
    expect(row!.queuedAt).toBe(new Date(later).toISOString()); // not queued twice by the next run

    const done = await waitFor('the re-queued period backup', async () => {
      const r = await ok(200, admin.token, 'GET', `/api/v1/invoices/${invoiceId}`);
      return r.invoice.periodBackup.status === 'done' ? r.invoice.periodBackup : null;
    });
    expect(done).toMatchObject({ status: 'done', error: null });
    const list = await ok(200, admin.token, 'GET', `/api/v1/invoices/${invoiceId}/attachments`);
    expect(list.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['Invoice 1 - Concrete subcontract.pdf']);
  });

  it('an invoice without includeBackup has no backup row and says so (null)', async () => {
    const latest = (await ok(200, admin.token, 'GET', `/api/v1/contracts/${prime.contractId}/invoices`)).invoices.at(-1);
    await ok(200, admin.token, 'POST', `/api/v1/invoices/${latest.id}/status`, { status: 'under_review' });
    const second = await ok(201, admin.token, 'POST', `/api/v1/contracts/${prime.contractId}/invoices`, { billingPeriodId: prime.periodIds[1] });
    expect(second.invoice.periodBackup).toBeNull();
    expect(await db().select().from(invoicePeriodBackups).where(eq(invoicePeriodBackups.invoiceId, second.invoice.id))).toEqual([]);
  });
});

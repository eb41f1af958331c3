import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core';
import { invoices } from './invoices';

export const periodBackupStatuses = ['pending', 'done', 'failed'] as const;

/**
 * The "include backup" work of an owner invoice, written in the same D1 batch as the invoice: an
 * invoice is never created without it, a lost or unsent queue message leaves it `pending` for the
 * cron to queue again (services/emails/redrive-stuck.ts), and a job that keeps failing ends
 * `failed` with its reason (queues/dead-letters.ts) instead of silently missing attachments.
 */
export const invoicePeriodBackups = sqliteTable(
  'invoice_period_backups',
  {
    invoiceId: text('invoice_id')
      .primaryKey()
      .references(() => invoices.id),
    /** whose visibility decides which subcontractor invoices are attached: the invoice's creator */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: periodBackupStatuses }).notNull().default('pending'),
    error: text('error'),
    /** the last time a job was queued (or should have been): the cron re-queues stale pending rows */
    queuedAt: text('queued_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('invoice_period_backups_status_idx').on(t.status, t.queuedAt)],
);

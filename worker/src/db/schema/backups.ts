import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { attachments } from './attachments';
import { contracts } from './contracts';
import { projects, users } from './core';
import { createdAt, updatedAt } from './columns';

/**
 * A cost the contractor paid directly (not through a commitment): its receipt becomes backup of
 * the owner invoice whose billing period contains `incurredOn` ("include backup").
 */
export const directCosts = sqliteTable(
  'direct_costs',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** optional: the prime contract or commitment the cost belongs to */
    contractId: text('contract_id').references(() => contracts.id),
    costCode: text('cost_code').notNull().default(''),
    amountCents: integer('amount_cents').notNull(),
    /** YYYY-MM-DD */
    incurredOn: text('incurred_on').notNull(),
    vendor: text('vendor').notNull(),
    description: text('description').notNull().default(''),
    receiptAttachmentId: text('receipt_attachment_id').references(() => attachments.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('direct_costs_project_date_idx').on(t.projectId, t.incurredOn)],
);

export const backupJobStatuses = ['queued', 'running', 'done', 'failed'] as const;

/**
 * One "compile invoice backups" request. The PDF is split into parts (volumes) planned when the
 * job is created; the queue compiles them one after the other (invoice_backup_parts).
 */
export const invoiceBackupJobs = sqliteTable(
  'invoice_backup_jobs',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: backupJobStatuses }).notNull().default('queued'),
    /** JSON array of invoice ids, in the order the user chose */
    invoiceIds: text('invoice_ids').notNull(),
    locale: text('locale').notNull().default('en'),
    timeZone: text('time_zone').notNull().default('UTC'),
    /** the file name without " (part n of N)" */
    fileName: text('file_name').notNull(),
    volumeBudgetBytes: integer('volume_budget_bytes').notNull(),
    partCount: integer('part_count').notNull(),
    partsDone: integer('parts_done').notNull().default(0),
    /** progress: invoice runs (segments) compiled out of the total */
    segmentsTotal: integer('segments_total').notNull(),
    segmentsDone: integer('segments_done').notNull().default(0),
    error: text('error'),
    /** the requester asked to be told by email when it is ready (besides the add-in's polling) */
    notifyByEmail: integer('notify_by_email', { mode: 'boolean' }).notNull().default(false),
    /** when the last part was stored: the requester's add-in polls for it (GET /invoice-backups) */
    readyAt: text('ready_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('invoice_backup_jobs_user_idx').on(t.requestedBy, t.createdAt), index('invoice_backup_jobs_project_idx').on(t.projectId)],
);

export const invoiceBackupParts = sqliteTable(
  'invoice_backup_parts',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => invoiceBackupJobs.id),
    partNo: integer('part_no').notNull(),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    /** JSON VolumePlan (worker/src/pdf/backup/types.ts): segments and files left out at planning */
    plan: text('plan').notNull(),
    /** segments in the parts before this one (progress stays monotonic across retries) */
    segmentOffset: integer('segment_offset').notNull(),
    attempts: integer('attempts').notNull().default(0),
    r2Key: text('r2_key'),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes'),
    pageCount: integer('page_count'),
    /** JSON TocEntry[] and Excluded[] of the compiled part */
    toc: text('toc'),
    excluded: text('excluded'),
    completedAt: text('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.partNo] })],
);

/** Secrets generated on first use (e.g. the HMAC key of signed download links), so no deploy needs one set. */
export const signingKeys = sqliteTable('signing_keys', {
  id: text('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

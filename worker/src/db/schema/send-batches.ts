import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contracts } from './contracts';
import { projects, users } from './core';
import { invoices } from './invoices';
import { createdAt } from './columns';

export const sendBatchStatuses = ['registered', 'sending', 'stopped', 'finished'] as const;
export const sendBatchItemStatuses = ['pending', 'claimed', 'sent', 'failed'] as const;

/**
 * A bulk send of invoice emails. What goes out is fixed at registration: one item per
 * invoice × recipient. `runNo` counts starts: chunk jobs carry it, so a job queued before a stop
 * never sends for a later run.
 */
export const sendBatches = sqliteTable(
  'send_batches',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull().default(''),
    status: text('status', { enum: sendBatchStatuses }).notNull().default('registered'),
    /** JSON: the selections as registered ({ contractId, fromNumber, toNumber, billingPeriodId }[]) */
    selectionJson: text('selection_json').notNull(),
    recipientMode: text('recipient_mode', { enum: ['invoice_contacts', 'chosen'] }).notNull(),
    subjectTemplate: text('subject_template').notNull(),
    message: text('message').notNull().default(''),
    attachPdf: integer('attach_pdf', { mode: 'boolean' }).notNull().default(false),
    locale: text('locale').notNull().default('en'),
    itemCount: integer('item_count').notNull(),
    invoiceCount: integer('invoice_count').notNull(),
    runNo: integer('run_no').notNull().default(0),
    /** a nonce per start: the chunk assignment of a start applies only with its own nonce */
    runClaim: text('run_claim'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    startedAt: text('started_at'),
    stoppedAt: text('stopped_at'),
    finishedAt: text('finished_at'),
  },
  (t) => [index('send_batches_project_idx').on(t.projectId, t.createdAt)],
);

/**
 * One message of a batch: an invoice to one recipient. The claim (claimId + claimedAt) is taken in
 * one statement before the Postmark call; only the holder of the claim settles it (sent / failed),
 * and a claim left by a dead attempt is reconciled with Postmark before anything is resent.
 * threadId / emailMessageId / replyToken are fixed at registration: the thread opened on the
 * invoice when the item is sent (the email module's tables) is the same whatever attempt sends it.
 */
export const sendBatchItems = sqliteTable(
  'send_batch_items',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => sendBatches.id),
    position: integer('position').notNull(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    invoiceNumber: integer('invoice_number').notNull(),
    contractNumber: integer('contract_number').notNull(),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name').notNull().default(''),
    recipientUserId: text('recipient_user_id'),
    subject: text('subject').notNull(),
    status: text('status', { enum: sendBatchItemStatuses }).notNull().default('pending'),
    runNo: integer('run_no'),
    chunkNo: integer('chunk_no'),
    claimId: text('claim_id'),
    claimedAt: text('claimed_at'),
    attempts: integer('attempts').notNull().default(0),
    postmarkMessageId: text('postmark_message_id'),
    /** failed: why; pending after a retryable failure: the last attempt's problem */
    reason: text('reason'),
    sentAt: text('sent_at'),
    threadId: text('thread_id').notNull(),
    emailMessageId: text('email_message_id').notNull(),
    replyToken: text('reply_token').notNull(),
  },
  (t) => [
    uniqueIndex('send_batch_items_position_uq').on(t.batchId, t.position),
    index('send_batch_items_chunk_idx').on(t.batchId, t.runNo, t.chunkNo, t.status),
    index('send_batch_items_status_idx').on(t.batchId, t.status),
    index('send_batch_items_invoice_idx').on(t.batchId, t.invoiceId),
    index('send_batch_items_claim_idx').on(t.claimId),
  ],
);

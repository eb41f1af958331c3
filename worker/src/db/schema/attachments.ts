import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { projects, users } from './core';
import { invoices } from './invoices';
import { createdAt } from './columns';

/** A file in R2 (uploaded, received by email, or generated). Bytes live at r2Key; never in D1. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    r2Key: text('r2_key').notNull(),
    /** upload | inbound_email | generated */
    origin: text('origin').notNull().default('upload'),
    uploadedBy: text('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_project_idx').on(t.projectId)],
);

/**
 * Files attached to an invoice, in order: what its compiled backup contains after the invoice PDF.
 * source: upload | subcontractor_invoice | direct_cost (the last two from "include backup").
 */
export const invoiceAttachments = sqliteTable(
  'invoice_attachments',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => attachments.id),
    source: text('source').notNull().default('upload'),
    position: integer('position').notNull().default(0),
    addedBy: text('added_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.attachmentId] })],
);

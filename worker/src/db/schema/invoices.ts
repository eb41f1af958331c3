import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { billingPeriods, projects, users } from './core';
import { changeOrders, contracts, sovLines } from './contracts';
import { createdAt, updatedAt } from './columns';

export const invoiceStatuses = ['draft', 'under_review', 'pending_owner_approval', 'approved', 'approved_as_noted', 'revise_and_resubmit'] as const;

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    number: integer('number').notNull(),
    billingPeriodId: text('billing_period_id')
      .notNull()
      .references(() => billingPeriods.id),
    status: text('status', { enum: invoiceStatuses }).notNull().default('draft'),
    /** progress: bills work and stored materials; retainage_release: bills nothing but released retainage */
    kind: text('kind', { enum: ['progress', 'retainage_release'] })
      .notNull()
      .default('progress'),
    /** the day the invoice first left draft (YYYY-MM-DD): its payment and prompt-payment clocks start here */
    submittedOn: text('submitted_on'),
    version: integer('version').notNull().default(1),
    /** line 6 frozen when the invoice leaves draft (and again on resubmission); the next invoice's line 7 */
    line6FrozenCents: integer('line6_frozen_cents'),
    includeBackup: integer('include_backup', { mode: 'boolean' }).notNull().default(false),
    /** G702 architect's certificate: the amount certified (cents), recorded by an invoice admin */
    architectCertifiedCents: integer('architect_certified_cents'),
    architectCertifiedAt: text('architect_certified_at'),
    architectCertifiedBy: text('architect_certified_by').references(() => users.id),
    /** the owner's reply the amount was read from, when recorded from one */
    architectCertifiedMessageId: text('architect_certified_message_id'),
    // General information (G702 header) stored on this invoice; null = the contract's/project's
    // value (worker/src/services/invoices/general-info.ts).
    applicationDate: text('application_date'),
    toName: text('to_name'),
    architect: text('architect'),
    contractDate: text('contract_date'),
    projectNumber: text('project_number'),
    contractFor: text('contract_for'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('invoices_number_uq').on(t.contractId, t.number), uniqueIndex('invoices_period_uq').on(t.contractId, t.billingPeriodId)],
);

/** Which approved change orders this invoice includes (C and lines 2/3 read them). */
export const invoiceChangeOrders = sqliteTable(
  'invoice_change_orders',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    changeOrderId: text('change_order_id')
      .notNull()
      .references(() => changeOrders.id),
    addedBy: text('added_by').notNull(),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.changeOrderId] })],
);

/**
 * One row per SOV line per invoice: what the user entered, and the computed snapshot the next
 * invoice reads as its prior state (D, cumulative quantity, retainage held, releases to date).
 */
export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    sovLineId: text('sov_line_id')
      .notNull()
      .references(() => sovLines.id),
    // entries
    workCompletedThisPeriodCents: integer('work_completed_this_period_cents').notNull().default(0),
    materialsPresentlyStoredCents: integer('materials_presently_stored_cents').notNull().default(0),
    workQtyThisPeriod: integer('work_qty_this_period').notNull().default(0),
    storedQty: integer('stored_qty').notNull().default(0),
    retainageReleasedCents: integer('retainage_released_cents').notNull().default(0),
    // computed snapshot
    scheduledValueCents: integer('scheduled_value_cents').notNull().default(0),
    workCompletedToDateCents: integer('work_completed_to_date_cents').notNull().default(0),
    workQtyToDate: integer('work_qty_to_date').notNull().default(0),
    /** F as computed (on unit lines it comes from the stored quantity); the next invoice's default F */
    storedMaterialsCents: integer('stored_materials_cents').notNull().default(0),
    workRetainageCents: integer('work_retainage_cents').notNull().default(0),
    storedRetainageCents: integer('stored_retainage_cents').notNull().default(0),
    retainageReleasedToDateCents: integer('retainage_released_to_date_cents').notNull().default(0),
  },
  (t) => [uniqueIndex('invoice_lines_uq').on(t.invoiceId, t.sovLineId)],
);

/**
 * One row per accepted write to an invoice. The primary key is the concurrency guard: a write
 * inserts (invoice, expectedVersion + 1) first in its batch, so a stale writer's batch fails on
 * the key and rolls back whole (D1 has no interactive transactions; a batch is atomic).
 */
export const invoiceRevisions = sqliteTable(
  'invoice_revisions',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    version: integer('version').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.version] })],
);

/** Append-only: every changed invoice-line field, who, when, old → new. */
export const invoiceLineHistory = sqliteTable(
  'invoice_line_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: text('invoice_id').notNull(),
    invoiceLineId: text('invoice_line_id').notNull(),
    version: integer('version').notNull(),
    userId: text('user_id').notNull(),
    field: text('field').notNull(),
    oldValue: integer('old_value'),
    newValue: integer('new_value'),
    createdAt: createdAt(),
  },
  (t) => [index('ilh_invoice_idx').on(t.invoiceId, t.id)],
);

/** Append-only: every general-information edit (PATCH /invoices/{id}), who, when, old → new (null = the default). */
export const invoiceInfoHistory = sqliteTable(
  'invoice_info_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: text('invoice_id').notNull(),
    version: integer('version').notNull(),
    userId: text('user_id').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    createdAt: createdAt(),
  },
  (t) => [index('iih_invoice_idx').on(t.invoiceId, t.id)],
);

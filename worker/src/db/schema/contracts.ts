import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { companies, projects, users } from './core';
import { createdAt } from './columns';

export const contracts = sqliteTable(
  'contracts',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** prime = owner contract (tool prime_contracts); commitment = subcontract/PO (tool commitments) */
    kind: text('kind', { enum: ['prime', 'commitment'] }).notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** prime: the owner/client; commitment: the subcontractor/vendor */
    counterpartyCompanyId: text('counterparty_company_id').references(() => companies.id),
    status: text('status', { enum: ['draft', 'approved', 'complete', 'terminated'] })
      .notNull()
      .default('draft'),
    accountingMethod: text('accounting_method', { enum: ['amount', 'unit'] }).notNull(),
    workRetainageBps: integer('work_retainage_bps').notNull().default(0),
    storedRetainageBps: integer('stored_retainage_bps').notNull().default(0),
    reductionThresholdBps: integer('reduction_threshold_bps'),
    reductionWorkRateBps: integer('reduction_work_rate_bps'),
    reductionMode: text('reduction_mode', { enum: ['rerate_all', 'new_work_only'] }),
    allowOverbilling: integer('allow_overbilling', { mode: 'boolean' }).notNull().default(false),
    isPrivate: integer('is_private', { mode: 'boolean' }).notNull().default(false),
    contractDate: text('contract_date'),
    architect: text('architect').notNull().default(''),
    description: text('description').notNull().default(''),
    /** days after an invoice is submitted that its payment is due (its aging clock) */
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    /** opt-in: email a reminder on overdue invoices, at most once every reminderCadenceDays */
    remindersEnabled: integer('reminders_enabled', { mode: 'boolean' }).notNull().default(false),
    reminderCadenceDays: integer('reminder_cadence_days').notNull().default(7),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contracts_number_uq').on(t.projectId, t.kind, t.number)],
);

/** Users named on a private contract's access list. */
export const contractPrivateMembers = sqliteTable(
  'contract_private_members',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.userId] }), index('cpm_user_idx').on(t.userId)],
);

/** Users of the contract's counterparty company who may view and answer its invoices. */
export const contractInvoiceContacts = sqliteTable(
  'contract_invoice_contacts',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.userId] }), index('cic_user_idx').on(t.userId)],
);

export const sovGroups = sqliteTable(
  'sov_groups',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('sov_groups_name_uq').on(t.contractId, t.name)],
);

export const sovLines = sqliteTable(
  'sov_lines',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    itemNo: text('item_no').notNull(),
    costCode: text('cost_code').notNull().default(''),
    description: text('description').notNull(),
    groupId: text('group_id').references(() => sovGroups.id),
    position: integer('position').notNull(),
    originalScheduledValueCents: integer('original_scheduled_value_cents').notNull(),
    /** unit-based lines: quantity in ten-thousandths, unit price in ten-thousandths of a dollar */
    scheduledQty: integer('scheduled_qty'),
    unitOfMeasure: text('unit_of_measure'),
    unitPrice: integer('unit_price'),
    hasSubtotalOverride: integer('has_subtotal_override', { mode: 'boolean' }).notNull().default(false),
    workRetainageBps: integer('work_retainage_bps'),
    storedRetainageBps: integer('stored_retainage_bps'),
    /** set when the line was added by a change order (a separate CO line) */
    changeOrderId: text('change_order_id'),
  },
  (t) => [uniqueIndex('sov_lines_item_uq').on(t.contractId, t.itemNo), index('sov_lines_contract_idx').on(t.contractId, t.position)],
);

export const changeOrders = sqliteTable(
  'change_orders',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    /** the business approval date (YYYY-MM-DD) used by the change order summary */
    approvedOn: text('approved_on'),
    /** when the approval was recorded (ISO timestamp): "approved since this invoice was created" */
    approvedAt: text('approved_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('change_orders_number_uq').on(t.contractId, t.number)],
);

export const changeOrderLines = sqliteTable(
  'change_order_lines',
  {
    id: text('id').primaryKey(),
    changeOrderId: text('change_order_id')
      .notNull()
      .references(() => changeOrders.id),
    sovLineId: text('sov_line_id')
      .notNull()
      .references(() => sovLines.id),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('col_co_idx').on(t.changeOrderId)],
);

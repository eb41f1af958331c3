import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contracts } from './contracts';
import { attachments } from './attachments';
import { emailMessages } from './email';
import { invoices } from './invoices';
import { users } from './core';
import { createdAt } from './columns';
// relative, not @shared: drizzle-kit reads this file without the alias
import { paymentMethods } from '../../../../shared/payments/payment-rules';

// Getting paid: payments against invoices, reminders on overdue ones, lien waivers. The rules
// (buckets, caps, clocks, waiver texts) are pure code under shared/; these tables hold facts only.

/**
 * Money received on an owner invoice (prime) or paid out on a subcontractor invoice (commitment).
 * Never deleted: a mistaken payment is voided (voidedAt/voidedBy/voidReason) so the ledger keeps
 * its history.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** the day the money arrived (YYYY-MM-DD) */
    receivedOn: text('received_on').notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: paymentMethods }).notNull(),
    /** check number, wire/ACH trace, … */
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    /** the owner's reply the payment was pre-filled from, when confirmed from one */
    sourceMessageId: text('source_message_id').references(() => emailMessages.id),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('payments_invoice_idx').on(t.invoiceId, t.receivedOn)],
);

/** One row per reminder email sent for an overdue invoice (the cadence is checked against the last). */
export const paymentReminders = sqliteTable(
  'payment_reminders',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** the day the reminder was due by the contract's cadence (YYYY-MM-DD); unique per invoice so a rerun sends nothing twice */
    dueOn: text('due_on').notNull(),
    messageId: text('message_id').references(() => emailMessages.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('payment_reminders_uq').on(t.invoiceId, t.dueOn)],
);

export const waiverTypes = ['conditional_progress', 'unconditional_progress', 'conditional_final', 'unconditional_final'] as const;
/** generic: our own wording; us-ca / us-tx: the state's statutory text word for word */
export const waiverForms = ['generic', 'us-ca', 'us-tx'] as const;

/**
 * A lien waiver. issued: we (the contract's claimant) give it to the owner with a prime invoice;
 * received: a subcontractor's waiver on a commitment invoice, kept as its uploaded file.
 */
export const lienWaivers = sqliteTable(
  'lien_waivers',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    direction: text('direction', { enum: ['issued', 'received'] }).notNull(),
    type: text('type', { enum: waiverTypes }).notNull(),
    form: text('form', { enum: waiverForms }).notNull().default('generic'),
    amountCents: integer('amount_cents').notNull(),
    /** the date work is waived through (YYYY-MM-DD) */
    throughDate: text('through_date').notNull(),
    /** the payment an unconditional waiver acknowledges */
    paymentId: text('payment_id').references(() => payments.id),
    /** JSON of the names printed on the form (claimant, customer, owner, job, location, maker of check, exceptions) */
    partiesJson: text('parties_json').notNull().default('{}'),
    status: text('status', { enum: ['draft', 'signed', 'void'] })
      .notNull()
      .default('draft'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    signedAt: text('signed_at'),
    signedBy: text('signed_by').references(() => users.id),
    /** the PDF (generated for issued, uploaded for received), also linked to the invoice */
    attachmentId: text('attachment_id').references(() => attachments.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('lien_waivers_invoice_idx').on(t.invoiceId), index('lien_waivers_contract_idx').on(t.contractId)],
);

/** Append-only audit trail of a waiver: created, signed (typed name, time, address, agent), voided, emailed. */
export const lienWaiverEvents = sqliteTable(
  'lien_waiver_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waiverId: text('waiver_id')
      .notNull()
      .references(() => lienWaivers.id),
    action: text('action').notNull(),
    userId: text('user_id').references(() => users.id),
    /** JSON detail (typed name, IP, user agent, document hash, message id) */
    detailJson: text('detail_json').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('lien_waiver_events_waiver_idx').on(t.waiverId, t.id)],
);

import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ServiceCtx } from '../../context';
import { emailMessages, emailThreads, invoices, payments, users } from '../../db/schema';

// The statements the payment verbs share, each one D1 statement whatever the number of payments,
// so they can run together in one db.batch (worker/src/services/payments/invoice-payments.ts).

const recorder = alias(users, 'recorder');
const voider = alias(users, 'voider');

/** The invoice's payments, voided ones included, with the names of who recorded and voided them. */
export function paymentsQuery(ctx: ServiceCtx, invoiceId: string) {
  return ctx.db
    .select({
      payment: payments,
      // aliased: inside a db.batch D1 rows are keyed by column name, and both are users.name
      recordedByName: sql<string>`${recorder.name}`.as('recorded_by_name'),
      voidedByName: sql<string | null>`${voider.name}`.as('voided_by_name'),
    })
    .from(payments)
    .innerJoin(recorder, eq(recorder.id, payments.recordedBy))
    .leftJoin(voider, eq(voider.id, payments.voidedBy))
    .where(eq(payments.invoiceId, invoiceId));
}

/** The previous invoice's frozen line 6 (line 7 of this one): one row at most. */
export function previousLine6Query(ctx: ServiceCtx, invoice: { contractId: string; number: number }) {
  return ctx.db
    .select({ line6FrozenCents: invoices.line6FrozenCents })
    .from(invoices)
    .where(and(eq(invoices.contractId, invoice.contractId), lt(invoices.number, invoice.number)))
    .orderBy(desc(invoices.number))
    .limit(1);
}

/** Σ of the invoice's payments not voided: one row. */
export function paidQuery(ctx: ServiceCtx, invoiceId: string) {
  return ctx.db
    .select({ paidCents: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.as('paid_cents') })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), isNull(payments.voidedAt)));
}

/**
 * Replies received on the invoice's threads read as a payment notice and not yet confirmed: no
 * payment that is not voided names them as its source (a voided one gives the notice back).
 */
export function paymentNoticesQuery(ctx: ServiceCtx, invoiceId: string) {
  return ctx.db
    .select({
      id: emailMessages.id,
      fromEmail: emailMessages.fromEmail,
      fromName: emailMessages.fromName,
      receivedAt: emailMessages.receivedAt,
      createdAt: emailMessages.createdAt,
      messageText: emailMessages.messageText,
      understanding: emailMessages.understanding,
    })
    .from(emailMessages)
    .innerJoin(emailThreads, eq(emailThreads.id, emailMessages.threadId))
    .where(
      and(
        eq(emailThreads.invoiceId, invoiceId),
        eq(emailMessages.direction, 'inbound'),
        eq(emailMessages.classification, 'payment'),
        sql`not exists (select 1 from ${payments} where ${payments.sourceMessageId} = ${emailMessages.id} and ${payments.voidedAt} is null)`,
      ),
    )
    .orderBy(emailMessages.createdAt, emailMessages.id);
}

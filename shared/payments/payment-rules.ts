import { addDays } from '../dates';
import type { ErrorDetail } from '../errors';

// What a recorded payment must satisfy beyond its schema (shared/api/payments.ts): which invoices
// take payments, and a received date that is neither in the future nor before the invoice was sent.
// Pure; worker/src/services/payments/record-payment.ts applies it with the latest date anywhere on Earth as today.

/** How a payment arrived (also the payments.method column's values, worker/src/db/schema/get-paid.ts). */
export const paymentMethods = ['check', 'ach', 'wire', 'card', 'other'] as const;

/** A sane ceiling for one payment: $10 billion, in cents (a typo of a few digits, not a real cheque). */
export const MAX_PAYMENT_CENTS = 1_000_000_000_000;
export const MAX_REFERENCE_CHARS = 100;
export const MAX_NOTE_CHARS = 2000;

/** Only an approved invoice is owed: drafts and invoices under review or sent back take no payment. */
export const payableStatuses = ['approved', 'approved_as_noted'] as const;

export function isPayable(status: string): boolean {
  return (payableStatuses as readonly string[]).includes(status);
}

/** The reasons a received date is refused, each naming the field; empty when it is fine. */
export function receivedOnProblems(receivedOn: string, today: string, submittedOn: string | null, invoiceNumber: number): ErrorDetail[] {
  if (receivedOn > today) {
    return [{ field: 'receivedOn', code: 'IN_THE_FUTURE', message: `The payment's date ${receivedOn} is in the future` }];
  }
  // submittedOn is the UTC day the invoice left draft; west of UTC that is often the next day on the
  // submitter's calendar (an evening submission in New York), so the day before it is still accepted.
  // The same slack as "today" being the latest date anywhere (record-payment.ts).
  if (submittedOn && receivedOn < addDays(submittedOn, -1)) {
    return [
      {
        field: 'receivedOn',
        code: 'BEFORE_SUBMISSION',
        message: `The payment's date ${receivedOn} is before invoice #${invoiceNumber} was submitted (${submittedOn})`,
      },
    ];
  }
  return [];
}

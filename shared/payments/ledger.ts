import { daysPastDue } from './clock';

// What an invoice's payments add up to: paid, open, over-paid, its state and each payment's flag.
// Pure; the worker reads the rows (worker/src/services/payments/payment-rows.ts) and docs/get-paid.md
// "Payments and aging" states the same definitions in words.

export const paymentStates = ['not_due', 'unpaid', 'partial', 'paid', 'overpaid'] as const;
export type PaymentState = (typeof paymentStates)[number];
export const paymentFlagValues = ['partial', 'full', 'over'] as const;
export type PaymentFlag = (typeof paymentFlagValues)[number];

export type LedgerPayment = { id: string; receivedOn: string; createdAt: string; amountCents: number; isVoided: boolean };

export type PaymentSummary = {
  paidCents: number;
  openCents: number;
  overpaidCents: number;
  state: PaymentState;
  dueOn: string | null;
  daysPastDue: number;
};

/**
 * The invoice's amount due: its G702 line 8 as submitted (line 6 frozen when it left draft, less the
 * previous invoice's frozen line 6). null while the invoice is a draft: nothing is billed yet.
 */
export function amountDueCents(line6FrozenCents: number | null, previousLine6FrozenCents: number | null): number | null {
  return line6FrozenCents === null ? null : line6FrozenCents - (previousLine6FrozenCents ?? 0);
}

/** Σ of the payments not voided. */
export function paidCents(payments: ReadonlyArray<Pick<LedgerPayment, 'amountCents' | 'isVoided'>>): number {
  let sum = 0;
  for (const p of payments) if (!p.isVoided) sum += p.amountCents;
  return sum;
}

/**
 * not_due: nothing paid and nothing late yet (a draft, an amount due of zero or less, or a submitted
 * invoice on or before its due date); unpaid: nothing paid and past due; partial: some paid, less
 * than due; paid: exactly the amount due; overpaid: more than due.
 */
export function paymentState(due: number | null, paid: number, late: number): PaymentState {
  if (paid === 0) return due === null || due <= 0 || late === 0 ? 'not_due' : 'unpaid';
  const owed = due ?? 0;
  if (paid < owed) return 'partial';
  return paid === owed ? 'paid' : 'overpaid';
}

/** The invoice's payment figures on asOf (YYYY-MM-DD). */
export function paymentSummary(args: { amountDueCents: number | null; paidCents: number; dueOn: string | null; asOf: string }): PaymentSummary {
  const due = args.amountDueCents ?? 0;
  const open = Math.max(0, due - args.paidCents);
  // only an open balance is late: a paid (or zero) invoice is 0 days past due whatever its due date
  const late = open > 0 ? daysPastDue(args.dueOn, args.asOf) : 0;
  return {
    paidCents: args.paidCents,
    openCents: open,
    overpaidCents: Math.max(0, args.paidCents - due),
    state: paymentState(args.amountDueCents, args.paidCents, late),
    dueOn: args.dueOn,
    daysPastDue: late,
  };
}

/** Payments in the order they count: the day received, then the order recorded. */
export function ledgerOrder<P extends Pick<LedgerPayment, 'receivedOn' | 'createdAt' | 'id'>>(payments: readonly P[]): P[] {
  return [...payments].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Each payment's flag against the running balance, in ledger order: partial while the running total
 * stays under the amount due, full when it reaches it exactly, over when it passes it. A voided
 * payment does not move the running total; its flag is what it would have been where it stood.
 */
export function paymentFlags(amountDue: number, payments: readonly LedgerPayment[]): Map<string, PaymentFlag> {
  const out = new Map<string, PaymentFlag>();
  let running = 0;
  for (const p of ledgerOrder(payments)) {
    const after = running + p.amountCents;
    out.set(p.id, after < amountDue ? 'partial' : after === amountDue ? 'full' : 'over');
    if (!p.isVoided) running = after;
  }
  return out;
}

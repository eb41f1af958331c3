import { daysBetween, dueOn } from '@shared/payments/clock';
import { amountDueCents, paymentSummary } from '@shared/payments/ledger';
import type { SystemCtx } from '../../email/system-ctx';

/** Statuses an owner has received and may owe money on (drafts and invoices sent back are not owed). */
export const REMINDED_STATUSES = ['under_review', 'pending_owner_approval', 'approved', 'approved_as_noted'] as const;

export type DueReminder = {
  invoiceId: string;
  invoiceNumber: number;
  projectId: string;
  contractId: string;
  contractNumber: number;
  contractTitle: string;
  createdBy: string;
  dueOn: string;
  daysLate: number;
  openCents: number;
};

type Row = {
  id: string;
  number: number;
  project_id: string;
  contract_id: string;
  created_by: string;
  submitted_on: string;
  contract_number: number;
  contract_title: string;
  payment_terms_days: number;
  reminder_cadence_days: number;
  line6_frozen_cents: number;
  previous_line6: number | null;
  paid: number;
  last_reminder: string | null;
};

/**
 * Owner invoices of contracts with reminders on that are due a reminder on `today`: past due by
 * the contract's terms, with an open balance (line 8 as submitted less the payments not voided:
 * shared/payments/ledger.ts, as the invoice view shows it), and no reminder in the last
 * reminderCadenceDays. One query whatever the number of invoices.
 */
export async function dueReminders(ctx: SystemCtx, today: string): Promise<DueReminder[]> {
  const statuses = REMINDED_STATUSES.map((s) => `'${s}'`).join(', ');
  const { results } = await ctx.env.DB.prepare(
    `SELECT i.id, i.number, i.project_id, i.contract_id, i.created_by, i.submitted_on,
            c.number AS contract_number, c.title AS contract_title, c.payment_terms_days, c.reminder_cadence_days,
            i.line6_frozen_cents,
            (SELECT p.line6_frozen_cents FROM invoices p
              WHERE p.contract_id = i.contract_id AND p.number < i.number ORDER BY p.number DESC LIMIT 1) AS previous_line6,
            coalesce((SELECT sum(pay.amount_cents) FROM payments pay WHERE pay.invoice_id = i.id AND pay.voided_at IS NULL), 0) AS paid,
            (SELECT max(r.due_on) FROM payment_reminders r WHERE r.invoice_id = i.id) AS last_reminder
       FROM invoices i JOIN contracts c ON c.id = i.contract_id
      WHERE c.reminders_enabled = 1 AND c.kind = 'prime' AND i.status IN (${statuses})
        AND i.submitted_on IS NOT NULL AND i.line6_frozen_cents IS NOT NULL
      ORDER BY i.project_id, i.contract_id, i.number`,
  ).all<Row>();
  return results.flatMap((r) => {
    const due = dueOn(r.submitted_on, r.payment_terms_days)!;
    // open and late as the invoice view and the aging count them (shared/payments/ledger.ts)
    const { openCents, daysPastDue: daysLate } = paymentSummary({
      amountDueCents: amountDueCents(r.line6_frozen_cents, r.previous_line6),
      paidCents: r.paid,
      dueOn: due,
      asOf: today,
    });
    // a reminder sent on day L allows the next on L + cadence at the earliest (and none before L on a replay of an earlier day)
    const tooSoon = r.last_reminder !== null && daysBetween(r.last_reminder, today) < r.reminder_cadence_days;
    if (daysLate <= 0 || openCents <= 0 || tooSoon) return [];
    return [
      {
        invoiceId: r.id,
        invoiceNumber: r.number,
        projectId: r.project_id,
        contractId: r.contract_id,
        contractNumber: r.contract_number,
        contractTitle: r.contract_title,
        createdBy: r.created_by,
        dueOn: due,
        daysLate,
        openCents,
      },
    ];
  });
}

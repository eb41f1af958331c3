// Builders for the payments and aging tests: invoices taken through submit and approve over HTTP,
// as the pane does, and the few facts a test fixes in the database (the day an invoice was submitted).
import { eq } from 'drizzle-orm';
import { invoices } from '../src/db/schema';
import { db, ok } from './helpers';

export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Bills `dollars` on the line (as Excel sends the cell), then submits; approves unless told not to. */
export async function billAndApprove(token: string, invoiceId: string, lineId: string, dollars: number, approve = true) {
  const view = await ok(200, token, 'GET', `/api/v1/invoices/${invoiceId}`);
  await ok(
    200,
    token,
    'PATCH',
    `/api/v1/invoices/${invoiceId}/lines`,
    { edits: [{ lineId, workCompletedThisPeriod: dollars }] },
    { 'if-match': String(view.invoice.version) },
  );
  await ok(200, token, 'POST', `/api/v1/invoices/${invoiceId}/status`, { status: 'under_review' });
  if (approve) await ok(200, token, 'POST', `/api/v1/invoices/${invoiceId}/status`, { status: 'approved' });
}

/**
 * The payment clock starts the day an invoice is first submitted (change-status.ts writes today);
 * aging on fixed dates needs fixed submission days, so the test sets the fact itself.
 */
export async function setSubmittedOn(invoiceId: string, day: string) {
  await db().update(invoices).set({ submittedOn: day }).where(eq(invoices.id, invoiceId));
}

export const payment = (amountCents: number, extra: Record<string, unknown> = {}) => ({ receivedOn: todayUtc(), amountCents, method: 'check', ...extra });

import { and, eq, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { billingPeriods, invoices } from '../../db/schema';
import { AppError, asNotFound, notFound } from '../../lib/app-error';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';

/** A period linked to an invoice cannot be deleted (docs/domain.md): the invoice's figures depend on it. */
export async function deleteBillingPeriod({ ctx, input }: { ctx: ServiceCtx; input: { periodId: string } }) {
  const [period] = await ctx.db.select().from(billingPeriods).where(eq(billingPeriods.id, input.periodId));
  if (!period) throw notFound('Billing period');
  const access = await asNotFound(loadProjectAccess(ctx, period.projectId), 'Billing period');
  requireAnyToolAdmin(access, 'Deleting billing periods');
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)` }).from(invoices).where(eq(invoices.billingPeriodId, period.id));
  if (n > 0) {
    throw new AppError('CONFLICT', `The period ${period.startDate} – ${period.endDate} is used by ${n} invoice(s) and cannot be deleted`);
  }
  await ctx.db
    .delete(billingPeriods)
    .where(and(eq(billingPeriods.id, period.id), sql`NOT EXISTS (SELECT 1 FROM invoices WHERE billing_period_id = ${period.id})`));
  return { deleted: true };
}

import { asc, eq, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { billingPeriods, invoices } from '../../db/schema';
import { loadProjectAccess } from '../access/project-access';

export async function listBillingPeriods({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } }) {
  await loadProjectAccess(ctx, input.projectId);
  const rows = await ctx.db
    .select({
      period: billingPeriods,
      // written out: drizzle renders a column of a single-table select unqualified, and inside the
      // subquery "id" then named invoices.id, so every period counted 0 invoices and offered delete
      invoiceCount: sql<number>`(SELECT count(*) FROM ${invoices} WHERE ${invoices.billingPeriodId} = "billing_periods"."id")`,
    })
    .from(billingPeriods)
    .where(eq(billingPeriods.projectId, input.projectId))
    .orderBy(asc(billingPeriods.startDate));
  return { billingPeriods: rows.map((r) => periodView(r.period, r.invoiceCount)) };
}

export function periodView(p: typeof billingPeriods.$inferSelect, invoiceCount = 0) {
  return { id: p.id, start: p.startDate, end: p.endDate, due: p.dueDate, schedule: p.schedule, invoiceCount, canDelete: invoiceCount === 0 };
}

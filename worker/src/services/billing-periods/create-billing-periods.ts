import { eq } from 'drizzle-orm';
import type { TCreateBillingPeriods } from '@shared/api/projects';
import { planPeriods } from '@shared/billing-periods';
import { periodsOverlap } from '@shared/dates';
import type { ServiceCtx } from '../../context';
import { billingPeriods } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { loadProjectAccess, requireAnyToolAdmin } from '../access/project-access';
import { periodView } from './list-billing-periods';

export async function createBillingPeriods({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string; body: TCreateBillingPeriods } }) {
  const access = await loadProjectAccess(ctx, input.projectId);
  requireAnyToolAdmin(access, 'Creating billing periods');
  const planned = planPeriods(input.body);
  const bad = planned.flatMap((p, i) =>
    p.end < p.start
      ? [{ field: 'end', code: 'END_BEFORE_START', message: `Period ${i + 1}: end ${p.end} is before start ${p.start}` }]
      : p.due < p.start
        ? [{ field: 'due', code: 'DUE_BEFORE_START', message: `Period ${i + 1}: due ${p.due} is before start ${p.start}` }]
        : [],
  );
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'The billing period dates are not valid', bad);
  const existing = await ctx.db.select().from(billingPeriods).where(eq(billingPeriods.projectId, input.projectId));
  const overlaps = planned.flatMap((p) =>
    existing
      .filter((e) => periodsOverlap(p, { start: e.startDate, end: e.endDate }))
      .map((e) => ({ field: 'start', code: 'OVERLAPS_PERIOD', message: `${p.start} – ${p.end} overlaps the existing period ${e.startDate} – ${e.endDate}` })),
  );
  if (overlaps.length) throw new AppError('CONFLICT', 'Billing periods may not overlap', overlaps);
  const rows = planned.map((p) => ({
    id: newId('bp'),
    projectId: input.projectId,
    startDate: p.start,
    endDate: p.end,
    dueDate: p.due,
    schedule: input.body.schedule,
  }));
  await ctx.db.batch(rows.map((r) => ctx.db.insert(billingPeriods).values(r)) as never);
  return { billingPeriods: rows.map((r) => periodView({ ...r, createdAt: '' })) };
}

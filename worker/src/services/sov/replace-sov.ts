import { eq } from 'drizzle-orm';
import type { TReplaceSov } from '@shared/api/contracts';
import type { ServiceCtx } from '../../context';
import { sovGroups, sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { newId } from '../../lib/ids';
import { jsonChunks } from '../invoices/bulk-sql';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';
import { getSov } from './get-sov';
import { validateSovLines } from '@shared/sov/sov-rules';

/** PUT /contracts/:id/sov — replaces every line (and creates named groups) while the contract is a draft. */
export async function replaceSov({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; body: TReplaceSov } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  requireToolAdmin(access, 'Editing the schedule of values');
  if (access.contract.status !== 'draft') {
    throw new AppError(
      'INVALID_STATE',
      `Contract #${access.contract.number} is ${access.contract.status}: its schedule of values changes only through change orders`,
    );
  }
  const lines = input.body.lines;
  const { errors, scheduledCents } = validateSovLines(access.contract.accountingMethod, lines);
  if (errors.length) throw new AppError('VALIDATION_FAILED', `${errors.length} problem(s) in the schedule of values; nothing was saved`, errors);

  const existingGroups = await ctx.db.select().from(sovGroups).where(eq(sovGroups.contractId, input.contractId));
  const groupIds = new Map(existingGroups.map((g) => [g.name, g.id]));
  const newGroups: Array<typeof sovGroups.$inferInsert> = [];
  for (const l of lines) {
    if (l.group && !groupIds.has(l.group)) {
      const id = newId('grp');
      groupIds.set(l.group, id);
      newGroups.push({ id, contractId: input.contractId, name: l.group, position: existingGroups.length + newGroups.length });
    }
  }
  const rows = lines.map((l, i) => ({
    id: newId('sov'),
    contractId: input.contractId,
    itemNo: l.itemNo,
    costCode: l.costCode,
    description: l.description,
    groupId: l.group ? groupIds.get(l.group)! : null,
    position: i,
    originalScheduledValueCents: scheduledCents[i]!,
    scheduledQty: l.scheduledQty ?? null,
    unitOfMeasure: l.unitOfMeasure ?? null,
    unitPrice: l.unitPrice ?? null,
    hasSubtotalOverride: l.hasSubtotalOverride ? 1 : 0,
    workRetainageBps: l.workRetainageBps,
    storedRetainageBps: l.storedRetainageBps,
  }));
  // A draft contract has no invoices or change orders, so its lines can be replaced wholesale.
  await runBatch(ctx.env.DB, [
    ctx.db.delete(sovLines).where(eq(sovLines.contractId, input.contractId)),
    // Groups and lines each travel as JSON unpacked by json_each: the statement count stays the
    // same for 5 lines or 5,000 in 200 groups (worker/test/sov-import.test.ts counts them).
    ...jsonChunks(newGroups).map((json) =>
      ctx.env.DB.prepare(`
        INSERT INTO sov_groups (id, contract_id, name, position)
        SELECT json_extract(value, '$.id'), json_extract(value, '$.contractId'), json_extract(value, '$.name'), json_extract(value, '$.position')
        FROM json_each(?1)`).bind(json),
    ),
    ...jsonChunks(rows).map((json) =>
      ctx.env.DB.prepare(`
        INSERT INTO sov_lines (id, contract_id, item_no, cost_code, description, group_id, position,
          original_scheduled_value_cents, scheduled_qty, unit_of_measure, unit_price, has_subtotal_override,
          work_retainage_bps, stored_retainage_bps)
        SELECT json_extract(value, '$.id'), json_extract(value, '$.contractId'), json_extract(value, '$.itemNo'),
          json_extract(value, '$.costCode'), json_extract(value, '$.description'), json_extract(value, '$.groupId'),
          json_extract(value, '$.position'), json_extract(value, '$.originalScheduledValueCents'),
          json_extract(value, '$.scheduledQty'), json_extract(value, '$.unitOfMeasure'), json_extract(value, '$.unitPrice'),
          json_extract(value, '$.hasSubtotalOverride'), json_extract(value, '$.workRetainageBps'), json_extract(value, '$.storedRetainageBps')
        FROM json_each(?1)`).bind(json),
    ),
  ]);
  return getSov({ ctx, input });
}

import { eq, sql } from 'drizzle-orm';
import type { TCreateChangeOrder } from '@shared/api/contracts';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { changeOrderLines, changeOrders, sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/ids';
import { loadContractAccess, requireToolAdmin } from '../access/contract-access';
import { changeOrderViews } from './change-order-view';

/**
 * A pending change order on an approved contract. Each line changes an SOV line's C, or adds a
 * separate CO line (a new SOV line whose original value is 0, so line 1 stays the original sum).
 */
export async function createChangeOrder({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; body: TCreateChangeOrder } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  requireToolAdmin(access, 'Creating change orders');
  if (access.contract.status === 'draft') {
    throw new AppError('INVALID_STATE', 'Change orders apply to approved contracts; while a draft, edit the schedule of values directly');
  }
  const existing = await ctx.db.select().from(sovLines).where(eq(sovLines.contractId, input.contractId));
  const byId = new Map(existing.map((l) => [l.id, l]));
  const byItem = new Map(existing.map((l) => [l.itemNo, l]));
  const id = newId('co');
  const errors: ErrorDetail[] = [];
  const newLines: Array<typeof sovLines.$inferInsert> = [];
  const coLines: Array<typeof changeOrderLines.$inferInsert> = [];
  input.body.lines.forEach((l, i) => {
    let sovLineId: string | undefined;
    if ('newLine' in l) {
      if (byItem.has(l.newLine.itemNo) || newLines.some((n) => n.itemNo === l.newLine.itemNo)) {
        errors.push({ field: `lines.${i}.newLine.itemNo`, code: 'DUPLICATE_ITEM_NO', message: `Item no. "${l.newLine.itemNo}" already exists` });
        return;
      }
      sovLineId = newId('sov');
      newLines.push({
        id: sovLineId,
        contractId: input.contractId,
        itemNo: l.newLine.itemNo,
        description: l.newLine.description,
        position: existing.length + newLines.length,
        originalScheduledValueCents: 0,
        hasSubtotalOverride: access.contract.accountingMethod === 'unit',
        changeOrderId: id,
      });
    } else {
      const line = 'lineId' in l ? byId.get(l.lineId) : byItem.get(l.itemNo);
      if (!line) {
        errors.push({
          field: `lines.${i}`,
          code: 'LINE_NOT_FOUND',
          message: `No SOV line ${'lineId' in l ? l.lineId : `with item no. "${l.itemNo}"`} on this contract`,
        });
        return;
      }
      sovLineId = line.id;
    }
    coLines.push({ id: newId('col'), changeOrderId: id, sovLineId, amountCents: l.amountCents });
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'The change order has problems; nothing was saved', errors);
  await ctx.db.batch([
    ctx.db.insert(changeOrders).values({
      id,
      contractId: input.contractId,
      number: sql`(SELECT coalesce(max(number), 0) + 1 FROM change_orders WHERE contract_id = ${input.contractId})`,
      title: input.body.title,
    }),
    ...newLines.map((l) => ctx.db.insert(sovLines).values(l)),
    ...coLines.map((l) => ctx.db.insert(changeOrderLines).values(l)),
  ] as never);
  const [row] = await ctx.db.select().from(changeOrders).where(eq(changeOrders.id, id));
  return (await changeOrderViews(ctx, [row!]))[0]!;
}

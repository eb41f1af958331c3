import { defaultEntry, ZERO_PRIOR } from '@shared/engine';
import type { ServiceCtx } from '../../context';
import { invoiceChangeOrders } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId, nowIso } from '../../lib/ids';
import { insertLinesStatements, updateLinesStatements } from './bulk-sql';
import { changeOrderAmounts } from './change-order-amounts';
import { editability } from './editability';
import { getInvoice } from './get-invoice';
import { computeState, entryFromRow, loadInvoiceState } from './invoice-state';
import { pendingChangeOrdersQuery } from './pending-change-orders';
import { requireEditable } from './require-editable';
import { writeVersioned } from './versioned-write';
import { changedFields, snapshotOf } from './snapshot';

/** An admin adds chosen change orders to the editable invoice: C (and lines 2/3) move on this invoice only. */
export async function addChangeOrders({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; changeOrderIds: string[] } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  requireEditable(state, editability(state));
  if (!state.access.isToolAdmin) throw new AppError('FORBIDDEN', 'Adding change orders needs admin on the contract’s tool');
  const pending = await pendingChangeOrdersQuery(ctx, state.invoice);
  const byId = new Map(pending.map((c) => [c.id, c]));
  const unknown = input.changeOrderIds.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Some change orders cannot be added',
      unknown.map((id) => ({
        field: 'changeOrderIds',
        code: 'NOT_PENDING',
        message: `Change order ${id} is not an approved change order missing from this invoice`,
      })),
    );
  }
  const added = input.changeOrderIds.map((id) => byId.get(id)!);
  const amounts = await changeOrderAmounts(ctx, added);
  for (const [lineId, cents] of amounts.byLine) state.coCentsByLine.set(lineId, (state.coCentsByLine.get(lineId) ?? 0) + cents);
  state.includedChangeOrders = [...state.includedChangeOrders, ...amounts.changeOrders].sort((a, b) => a.number - b.number);
  // A separate CO line is new to this invoice: it gets a row starting from its prior (zero) state.
  const newRows = state.sov.filter((l) => !state.rows.has(l.id) && amounts.byLine.has(l.id));
  const entries = new Map([...state.rows].map(([id, r]) => [id, entryFromRow(r)]));
  for (const l of newRows) {
    entries.set(l.id, defaultEntry(state.priors.get(l.id) ?? ZERO_PRIOR));
    state.rows.set(l.id, { id: newId('il') } as never);
  }
  const result = computeState(state, entries);
  const isNew = new Set(newRows.map((l) => l.id));
  const inserts = [];
  const updates = [];
  for (const line of result.lines) {
    const snap = snapshotOf(line, entries.get(line.lineId)!);
    const row = state.rows.get(line.lineId)!;
    if (isNew.has(line.lineId)) inserts.push({ id: row.id, invoiceId: state.invoice.id, sovLineId: line.lineId, ...snap });
    else if (changedFields(row, snap).length) updates.push({ id: row.id, ...snap });
  }
  await writeVersioned(ctx, state.invoice.id, state.invoice.version, 'add_change_orders', [
    ...added.map((co) =>
      ctx.db.insert(invoiceChangeOrders).values({ invoiceId: state.invoice.id, changeOrderId: co.id, addedBy: ctx.user.id, addedAt: nowIso() }),
    ),
    ...insertLinesStatements(ctx.env.DB, inserts),
    ...updateLinesStatements(ctx.env.DB, updates),
  ]);
  return getInvoice({ ctx, input: { invoiceId: state.invoice.id } });
}

import { editRefusedMessage } from '@shared/api/line-edits';
import { eq } from 'drizzle-orm';
import type { TEditLines } from '@shared/api/invoices';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { insertHistoryStatements, updateLinesStatements, type HistoryRow, type LineUpdate } from './bulk-sql';
import { editability } from './editability';
import { computeState, entryFromRow, loadInvoiceState } from './invoice-state';
import { parseEdits } from './parse-edits';
import { changedFields, entryFields, snapshotOf } from './snapshot';
import { versionConflict, writeVersioned } from './versioned-write';
import { requireEditable } from './require-editable';
import { requireRetainageTermsAdmin } from './retainage-terms';

/**
 * PATCH /invoices/:id/lines — many lines at once, all or nothing. Every bad cell is reported in
 * one 422; a stale If-Match gets 409 with the current version; nothing is written in either case.
 */
export async function editInvoiceLines({ ctx, input }: { ctx: ServiceCtx; input: { invoiceId: string; ifMatch: number; body: TEditLines } }) {
  const state = await loadInvoiceState(ctx, input.invoiceId);
  requireEditable(state, editability(state));
  requireRetainageTermsAdmin(state, input.body);
  if (state.invoice.version !== input.ifMatch) throw versionConflict(state.invoice.version, input.ifMatch);

  const parsed = parseEdits(state, input.body.edits);
  const result = computeState(state, parsed.entries, parsed.sovOverrides);
  const details: ErrorDetail[] = [...parsed.errors, ...result.errors];
  if (details.length) {
    throw new AppError('VALIDATION_FAILED', editRefusedMessage(details.length), details);
  }

  const updates: LineUpdate[] = [];
  const history: HistoryRow[] = [];
  const changedLineIds = new Set<string>();
  for (const line of result.lines) {
    const row = state.rows.get(line.lineId)!;
    const next = snapshotOf(line, parsed.entries.get(line.lineId) ?? entryFromRow(row));
    const fields = changedFields(row, next);
    if (!fields.length && !parsed.sovOverrides.has(line.lineId)) continue;
    changedLineIds.add(line.lineId);
    if (fields.length) updates.push({ id: row.id, ...next });
    for (const f of fields) if (entryFields.has(f)) history.push({ lineId: row.id, field: f, oldValue: row[f], newValue: next[f] });
  }

  let version = state.invoice.version;
  if (changedLineIds.size) {
    const sovUpdates = [...parsed.sovOverrides.values()].map((l) =>
      ctx.db.update(sovLines).set({ workRetainageBps: l.workRetainageBps, storedRetainageBps: l.storedRetainageBps }).where(eq(sovLines.id, l.id)),
    );
    for (const l of parsed.sovOverrides.values()) {
      const prev = state.sov.find((s) => s.id === l.id)!;
      const row = state.rows.get(l.id)!;
      if (prev.workRetainageBps !== l.workRetainageBps)
        history.push({ lineId: row.id, field: 'workRetainageBpsOverride', oldValue: prev.workRetainageBps, newValue: l.workRetainageBps });
      if (prev.storedRetainageBps !== l.storedRetainageBps)
        history.push({ lineId: row.id, field: 'storedRetainageBpsOverride', oldValue: prev.storedRetainageBps, newValue: l.storedRetainageBps });
    }
    version = await writeVersioned(ctx, state.invoice.id, state.invoice.version, 'edit_lines', [
      ...sovUpdates,
      ...updateLinesStatements(ctx.env.DB, updates),
      ...insertHistoryStatements(ctx.env.DB, state.invoice.id, state.invoice.version + 1, ctx.user.id, history),
    ]);
  }
  return {
    version,
    changedLineCount: changedLineIds.size,
    lines: result.lines.filter((l) => changedLineIds.has(l.lineId)),
    totals: result.totals,
    g702: result.g702,
    changeOrderSummary: result.changeOrderSummary,
    warnings: result.warnings,
  };
}

import { editRefusedMessage } from '@shared/api/line-edits';
import type { LineEntry } from '@shared/engine/types';
import { eq } from 'drizzle-orm';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { insertHistoryStatements, updateLinesStatements, type HistoryRow, type LineUpdate } from './bulk-sql';
import { computeState, entryFromRow, type InvoiceState, type SovLineRow } from './invoice-state';
import { changedFields, entryFields, snapshotOf } from './snapshot';
import { writeVersioned } from './versioned-write';

/**
 * Recomputes the invoice with new line entries and writes the lines that changed, all or nothing:
 * every bad cell (`errors` found while parsing, plus the engine's) is reported in one 422 and
 * nothing is written. The write is one versioned D1 batch whose statement count does not grow
 * with the number of lines (bulk-sql.ts). Shared by PATCH /invoices/:id/lines (edit-lines.ts) and
 * POST /invoices/:id/release-retainage (release-retainage.ts). The caller has checked the version.
 */
export async function saveLineEntries(
  ctx: ServiceCtx,
  state: InvoiceState,
  input: { entries: Map<string, LineEntry>; sovOverrides?: Map<string, SovLineRow>; errors?: ErrorDetail[]; revisionKind: string },
) {
  const sovOverrides = input.sovOverrides ?? new Map<string, SovLineRow>();
  const result = computeState(state, input.entries, sovOverrides);
  const details: ErrorDetail[] = [...(input.errors ?? []), ...result.errors];
  if (details.length) {
    throw new AppError('VALIDATION_FAILED', editRefusedMessage(details.length), details);
  }

  const updates: LineUpdate[] = [];
  const history: HistoryRow[] = [];
  const changedLineIds = new Set<string>();
  for (const line of result.lines) {
    const row = state.rows.get(line.lineId)!;
    const next = snapshotOf(line, input.entries.get(line.lineId) ?? entryFromRow(row));
    const fields = changedFields(row, next);
    if (!fields.length && !sovOverrides.has(line.lineId)) continue;
    changedLineIds.add(line.lineId);
    if (fields.length) updates.push({ id: row.id, ...next });
    for (const f of fields) if (entryFields.has(f)) history.push({ lineId: row.id, field: f, oldValue: row[f], newValue: next[f] });
  }

  let version = state.invoice.version;
  if (changedLineIds.size) {
    const sovUpdates = [...sovOverrides.values()].map((l) =>
      ctx.db.update(sovLines).set({ workRetainageBps: l.workRetainageBps, storedRetainageBps: l.storedRetainageBps }).where(eq(sovLines.id, l.id)),
    );
    for (const l of sovOverrides.values()) {
      const prev = state.sov.find((s) => s.id === l.id)!;
      const row = state.rows.get(l.id)!;
      if (prev.workRetainageBps !== l.workRetainageBps)
        history.push({ lineId: row.id, field: 'workRetainageBpsOverride', oldValue: prev.workRetainageBps, newValue: l.workRetainageBps });
      if (prev.storedRetainageBps !== l.storedRetainageBps)
        history.push({ lineId: row.id, field: 'storedRetainageBpsOverride', oldValue: prev.storedRetainageBps, newValue: l.storedRetainageBps });
    }
    version = await writeVersioned(ctx, state.invoice.id, state.invoice.version, input.revisionKind, [
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

import type { D1Database } from '@cloudflare/workers-types';
import type { Snapshot } from './snapshot';

// D1 allows 100 bound parameters and 100 KB of SQL per statement, but a single bound string may be
// up to 2 MB: rows travel as one JSON parameter and SQLite's json_each unpacks them, so thousands
// of rows cost a few statements instead of thousands. Chunks stay well under the string limit.
const MAX_JSON_CHARS = 900_000;

export function jsonChunks<T>(rows: T[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rows) {
    const s = JSON.stringify(row);
    if (size + s.length + 1 > MAX_JSON_CHARS && current.length) {
      out.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(s);
    size += s.length + 1;
  }
  if (current.length) out.push(`[${current.join(',')}]`);
  return out;
}

export type LineUpdate = { id: string } & Snapshot;

export function updateLinesStatements(d1: D1Database, updates: LineUpdate[]) {
  return jsonChunks(updates).map((json) =>
    d1
      .prepare(`
      UPDATE invoice_lines SET
        work_completed_this_period_cents = json_extract(j.value, '$.workCompletedThisPeriodCents'),
        materials_presently_stored_cents = json_extract(j.value, '$.materialsPresentlyStoredCents'),
        work_qty_this_period = json_extract(j.value, '$.workQtyThisPeriod'),
        stored_qty = json_extract(j.value, '$.storedQty'),
        retainage_released_cents = json_extract(j.value, '$.retainageReleasedCents'),
        scheduled_value_cents = json_extract(j.value, '$.scheduledValueCents'),
        work_completed_to_date_cents = json_extract(j.value, '$.workCompletedToDateCents'),
        work_qty_to_date = json_extract(j.value, '$.workQtyToDate'),
        stored_materials_cents = json_extract(j.value, '$.storedMaterialsCents'),
        work_retainage_cents = json_extract(j.value, '$.workRetainageCents'),
        stored_retainage_cents = json_extract(j.value, '$.storedRetainageCents'),
        retainage_released_to_date_cents = json_extract(j.value, '$.retainageReleasedToDateCents')
      FROM json_each(?1) AS j
      WHERE invoice_lines.id = json_extract(j.value, '$.id')`)
      .bind(json),
  );
}

export type NewLine = { id: string; invoiceId: string; sovLineId: string } & Snapshot;

export function insertLinesStatements(d1: D1Database, rows: NewLine[]) {
  return jsonChunks(rows).map((json) =>
    d1
      .prepare(`
      INSERT INTO invoice_lines (id, invoice_id, sov_line_id, work_completed_this_period_cents,
        materials_presently_stored_cents, work_qty_this_period, stored_qty, retainage_released_cents,
        scheduled_value_cents, work_completed_to_date_cents, work_qty_to_date, stored_materials_cents,
        work_retainage_cents, stored_retainage_cents, retainage_released_to_date_cents)
      SELECT json_extract(value, '$.id'), json_extract(value, '$.invoiceId'), json_extract(value, '$.sovLineId'),
        json_extract(value, '$.workCompletedThisPeriodCents'), json_extract(value, '$.materialsPresentlyStoredCents'),
        json_extract(value, '$.workQtyThisPeriod'), json_extract(value, '$.storedQty'),
        json_extract(value, '$.retainageReleasedCents'), json_extract(value, '$.scheduledValueCents'),
        json_extract(value, '$.workCompletedToDateCents'), json_extract(value, '$.workQtyToDate'),
        json_extract(value, '$.storedMaterialsCents'), json_extract(value, '$.workRetainageCents'),
        json_extract(value, '$.storedRetainageCents'), json_extract(value, '$.retainageReleasedToDateCents')
      FROM json_each(?1)`)
      .bind(json),
  );
}

export type HistoryRow = { lineId: string; field: string; oldValue: number | null; newValue: number | null };

export function insertHistoryStatements(d1: D1Database, invoiceId: string, version: number, userId: string, rows: HistoryRow[]) {
  return jsonChunks(rows).map((json) =>
    d1
      .prepare(`
      INSERT INTO invoice_line_history (invoice_id, invoice_line_id, version, user_id, field, old_value, new_value)
      SELECT ?2, json_extract(value, '$.lineId'), ?3, ?4, json_extract(value, '$.field'),
        json_extract(value, '$.oldValue'), json_extract(value, '$.newValue')
      FROM json_each(?1)`)
      .bind(json, invoiceId, version, userId),
  );
}

import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import { jsonChunks } from '../invoices/bulk-sql';

/** [SQL column, key of the JSON row] */
export type ColumnMap = ReadonlyArray<readonly [string, string]>;

/**
 * Many rows in few statements (D1 binds at most 100 parameters per statement): the rows travel as
 * one JSON parameter per chunk and json_each unpacks them (the pattern of invoices/bulk-sql.ts).
 * `orIgnore`: a row whose key exists is skipped, so a replayed write changes nothing.
 */
export function insertJsonRows<T extends object>(
  d1: D1Database,
  table: string,
  columns: ColumnMap,
  rows: T[],
  opts: { orIgnore?: boolean } = {},
): D1PreparedStatement[] {
  if (!rows.length) return [];
  const names = columns.map(([c]) => c).join(', ');
  const values = columns.map(([, k]) => `json_extract(value, '$.${k}')`).join(', ');
  const sql = `INSERT ${opts.orIgnore ? 'OR IGNORE ' : ''}INTO ${table} (${names}) SELECT ${values} FROM json_each(?1)`;
  return jsonChunks(rows).map((json) => d1.prepare(sql).bind(json));
}

import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';

/** A drizzle query builder (insert/update/delete/select) or a raw D1 statement. */
export type BatchStatement = { toSQL(): { sql: string; params: unknown[] } } | D1PreparedStatement;

function isBuilder(s: BatchStatement): s is { toSQL(): { sql: string; params: unknown[] } } {
  return typeof (s as { toSQL?: unknown }).toSQL === 'function';
}

export function toD1(d1: D1Database, s: BatchStatement): D1PreparedStatement {
  if (!isBuilder(s)) return s;
  const { sql, params } = s.toSQL();
  return d1.prepare(sql).bind(...params);
}

/** One atomic D1 batch: if any statement fails, D1 rolls back all of them. */
export async function runBatch(d1: D1Database, statements: BatchStatement[]) {
  if (!statements.length) return [];
  return d1.batch(statements.map((s) => toD1(d1, s)));
}

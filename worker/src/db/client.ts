import { drizzle } from 'drizzle-orm/d1';
import type { D1Database } from '@cloudflare/workers-types';

export type Db = ReturnType<typeof makeDb>;

/**
 * A drizzle handle on D1, made per request and per queue job. Without `{ schema }`: drizzle then
 * skips building its relational-query config (extractTablesRelationalConfig over every table),
 * which a worker CPU profile of the inbound benchmark showed at ~7% of all worker CPU. The code
 * uses the query builder only (select/insert/update/delete, batch), never db.query.*.
 */
export function makeDb(d1: D1Database) {
  return drizzle(d1 as never);
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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

/** D1 binds at most 100 parameters per statement (https://developers.cloudflare.com/d1/platform/limits/). */
const D1_MAX_BOUND_PARAMETERS = 100;

/** Ids per `IN (…)` list: the limit less room for the statement's other parameters (a contract id, a status…). */
const IDS_PER_QUERY = D1_MAX_BOUND_PARAMETERS - 10;

/** Ids split into lists that each fit one D1 statement next to a few other parameters. */
export function idChunks<T>(ids: T[]): T[][] {
  return chunk(ids, IDS_PER_QUERY);
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

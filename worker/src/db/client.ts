import { drizzle } from 'drizzle-orm/d1';
import type { D1Database } from '@cloudflare/workers-types';
import * as schema from './schema';

export type Db = ReturnType<typeof makeDb>;

export function makeDb(d1: D1Database) {
  return drizzle(d1 as never, { schema });
}

/** D1 binds at most 100 parameters per statement: rows per multi-row statement for a given column count. */
export function rowsPerStatement(columnCount: number): number {
  return Math.max(1, Math.floor(100 / columnCount));
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

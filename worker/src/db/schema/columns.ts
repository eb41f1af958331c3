import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** created_at as an ISO-8601 UTC timestamp with milliseconds, set by SQLite on insert. */
export const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

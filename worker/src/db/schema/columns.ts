import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

const nowIsoSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** created_at as an ISO-8601 UTC timestamp with milliseconds, set by SQLite on insert and never again. */
export const createdAt = () => text('created_at').notNull().default(nowIsoSql);

/**
 * updated_at in the same format: set by SQLite on insert; drizzle's `$onUpdate` stamps it on every
 * `db.update(...)` that does not set it itself (the invoice verbs set it explicitly with `nowIso()`).
 */
export const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(nowIsoSql)
    .$onUpdate(() => new Date().toISOString());

import { makeDb, type Db } from '../db/client';
import type { Env } from '../env';

/** What webhook handlers and queue jobs get: no signed-in user, just the bindings. */
export type SystemCtx = { db: Db; env: Env };

export const systemCtx = (env: Env): SystemCtx => ({ db: makeDb(env.DB), env });

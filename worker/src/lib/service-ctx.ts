import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { makeDb, type Db } from '../db/client';
import { users } from '../db/schema';
import type { Env } from '../env';
import { AppError } from './app-error';

/**
 * A service context acting as a given user outside a bearer-token request: queue jobs run as the
 * user who asked for them, signed links as the user who created them, demo seeding as the demo
 * admin. Every verb then checks that user's permissions as usual.
 */
export async function serviceCtxFor(env: Env, userId: string, opts: { requestId?: string; waitUntil?: ServiceCtx['waitUntil'] } = {}): Promise<ServiceCtx> {
  const db = makeDb(env.DB);
  const [u] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u) throw new AppError('UNAUTHENTICATED', 'The user this request acts for no longer exists');
  return serviceCtxOf(env, db, u, { requestId: opts.requestId ?? `job-${crypto.randomUUID()}`, waitUntil: opts.waitUntil ?? (() => {}) });
}

/** The one place a ServiceCtx is put together, for a bearer-token request or for serviceCtxFor. */
export function serviceCtxOf(env: Env, db: Db, u: typeof users.$inferSelect, opts: { requestId: string; waitUntil: ServiceCtx['waitUntil'] }): ServiceCtx {
  return {
    db,
    env,
    user: { id: u.id, companyId: u.companyId, email: u.email, name: u.name, locale: u.locale },
    requestId: opts.requestId,
    waitUntil: opts.waitUntil,
  };
}

import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { makeDb } from '../db/client';
import { users } from '../db/schema';
import type { Env } from '../env';

/** A service context acting as a given user outside an HTTP request (queue jobs, demo seeding). */
export async function serviceCtxFor(env: Env, userId: string, waitUntil: (p: Promise<unknown>) => void = () => {}): Promise<ServiceCtx> {
  const db = makeDb(env.DB);
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new Error(`No user ${userId}`);
  return {
    db,
    env,
    user: { id: u.id, companyId: u.companyId, email: u.email, name: u.name, locale: u.locale },
    requestId: `job-${crypto.randomUUID()}`,
    waitUntil,
  };
}

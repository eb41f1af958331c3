import { z } from 'zod';
import type { Env } from '../../env';
import { makeDb } from '../../db/client';
import { apiTokens, companies, users } from '../../db/schema';
import { parseWith } from '../../lib/validate';
import { newId, newSecret, sha256Hex } from '../../lib/ids';

const ZDevUser = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  companyName: z.string().trim().min(1).max(200),
  locale: z.enum(['en', 'es', 'fr']).default('en'),
});

/**
 * A new person in a new company with an API token (DEV only): the browser tests start a month
 * from a user who has nothing yet (addin/e2e/month.e2e.test.ts), which the demo's people are not.
 * A user signs up nowhere else in this product (people arrive by invitation).
 */
export async function createDevUser(env: Env, body: unknown) {
  const input = parseWith(ZDevUser, body, 'The user');
  const db = makeDb(env.DB);
  const companyId = newId('co');
  const userId = newId('usr');
  const token = newSecret('pb_dev_');
  await db.batch([
    db.insert(companies).values({ id: companyId, name: input.companyName }),
    db.insert(users).values({ id: userId, companyId, email: input.email, name: input.name, locale: input.locale }),
    db.insert(apiTokens).values({ id: newId('tok'), userId, tokenHash: await sha256Hex(token), label: 'dev user' }),
  ]);
  return { userId, companyId, token };
}

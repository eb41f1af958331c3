import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { AppBindings } from '../context';
import { makeDb } from '../db/client';
import { apiTokens, users } from '../db/schema';
import { AppError } from './app-error';
import { nowIso, sha256Hex } from './ids';
import { serviceCtxOf } from './service-ctx';

/** The token of an `Authorization: Bearer <token>` header; null when the header is missing or malformed. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

/** Bearer-token auth: the token's SHA-256 is looked up; expired or revoked tokens are refused. */
export const requireUser: MiddlewareHandler<AppBindings> = async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new AppError('UNAUTHENTICATED', 'Send an API token as "Authorization: Bearer <token>"');
  const db = makeDb(c.env.DB);
  const hash = await sha256Hex(token);
  const [row] = await db
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, nowIso()))))
    .limit(1);
  if (!row) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked');
  c.set('ctx', serviceCtxOf(c.env, db, row.user, { requestId: c.get('requestId'), waitUntil: (p) => c.executionCtx.waitUntil(p) }));
  await next();
};

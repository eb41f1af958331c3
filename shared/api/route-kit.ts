// The pieces every route declaration in shared/api/routes/ is made of. A declaration (method,
// path, request schemas, every response with its status) is written once, here in shared/:
// the worker serves it (worker/src/routes/*.ts with @hono/zod-openapi, which also generates
// GET /api/v1/openapi.json from it) and the add-in's client calls it (shared/api/call.ts), so a
// path, a payload or a status cannot differ between the two.
import type { RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorCodes, errorStatus, ZErrorEnvelope, type ErrorCode } from '../errors';

/** Keeps the literal method, path and status keys, which the server's and the client's types are computed from. */
export const defineRoute = <const R extends RouteConfig>(route: R): R => route;

/** Path parameters, each a non-empty string. */
export function params<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((n) => [n, z.string().min(1)])) as Record<K, z.ZodString>);
}

/** A JSON answer described by its schema. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A file answer (PDF, CSV, an uploaded file): bytes, documented by media type. */
export const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' as const, format: 'binary' } } },
});

/** A JSON request body (validated; `required` so that a missing body fails the schema instead of skipping it). */
export const body = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

type ErrorStatus = (typeof errorStatus)[ErrorCode];

function errorResponse(status: ErrorStatus) {
  const codes = errorCodes.filter((c) => errorStatus[c] === status);
  return { description: `Error envelope (${codes.join(', ')})`, content: { 'application/json': { schema: ZErrorEnvelope } } };
}

/**
 * What every authenticated route can answer besides its success: a malformed body (400), no or a
 * bad token (401), a permission refused (403), something hidden or missing (404, also for what the
 * user may not see), a request that fails its schema (422), a failure on our side (500).
 */
const AUTHENTICATED_ERRORS = [400, 401, 403, 404, 422, 500] as const;
/** Routes without a bearer token (sign-in, webhooks) never answer 401/403 for a token. */
export const PUBLIC_ERRORS = [400, 422, 500] as const;

type ErrorResponse = ReturnType<typeof errorResponse>;

/**
 * The error responses of a route: a base set plus the statuses its verb adds (409, 413, 428, …).
 * Keyed by literal statuses, so that a client's success type is exactly the route's 2xx answer.
 */
export function errors<const B extends readonly ErrorStatus[], const X extends readonly ErrorStatus[]>(base: B, ...extra: X) {
  const out = {} as Record<B[number] | X[number], ErrorResponse>;
  for (const s of [...base, ...extra].sort((a, b) => a - b) as Array<B[number] | X[number]>) out[s] = errorResponse(s);
  return out;
}

/** The authenticated routes' errors plus the extras. */
export const authErrors = <const X extends readonly ErrorStatus[]>(...extra: X) => errors(AUTHENTICATED_ERRORS, ...extra);
/** Every write can also meet a state that forbids it (409: not editable, a stale version, already done). */
export const writeErrors = <const X extends readonly ErrorStatus[]>(...extra: X) => errors(AUTHENTICATED_ERRORS, 409, ...extra);

// Routes are declared with @hono/zod-openapi: one createRoute() per route names its path, its
// request schemas and every response it can give, all from shared/api. The same object validates
// the request, types the handler's answer, and generates GET /api/v1/openapi.json, so the path,
// the schemas and the document are written once.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import { errorCodes, errorStatus, ZErrorEnvelope, type ErrorCode } from '@shared/errors';
import type { AppBindings } from '../context';
import { AppError } from './app-error';
import { zodDetails } from './validate';

const what: Record<string, string> = { json: 'Request body', query: 'Query', param: 'Path', header: 'Headers', form: 'Form' };

/** A failed request schema becomes the usual 422 envelope with one detail per field. */
const defaultHook: Hook<unknown, AppBindings, string, unknown> = (result) => {
  if (result.success) return;
  const details = zodDetails(result.error as z.ZodError);
  throw new AppError('VALIDATION_FAILED', `${what[result.target] ?? 'Request'} is not valid: ${details.length} problem(s)`, details);
};

/** A router whose routes validate with shared/api schemas and answer errors with the envelope. */
export const routes = () => new OpenAPIHono<AppBindings>({ defaultHook });

/** Path parameters, each a non-empty string. */
export function params<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((n) => [n, z.string().min(1)])) as Record<K, z.ZodString>);
}

/** A JSON answer described by its schema. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A file answer (PDF, CSV, an uploaded file): bytes, documented by media type. */
export const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
});

/** A JSON request body (validated; `required` so a missing body is a 422, not a skipped check). */
export const body = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

type Status = (typeof errorStatus)[ErrorCode];

function errorResponse(status: Status) {
  const codes = errorCodes.filter((c) => errorStatus[c] === status);
  return { description: `Error envelope (${codes.join(', ')})`, content: { 'application/json': { schema: ZErrorEnvelope } } };
}

/**
 * What every authenticated route can answer besides its success: a malformed body (400), no or a
 * bad token (401), a permission refused (403), something hidden or missing (404, also for what the
 * user may not see), a request that fails its schema (422), a failure on our side (500).
 */
export const AUTHENTICATED_ERRORS = [400, 401, 403, 404, 422, 500] as const;
/** Routes without a bearer token (sign-in, webhooks, signed links) never answer 401/403 for a token. */
export const PUBLIC_ERRORS = [400, 422, 500] as const;

/** The error responses of a route: the usual set plus the statuses its verb adds (409, 413, 428, …). */
export function errors(base: readonly Status[], ...extra: Status[]) {
  const out: Record<number, ReturnType<typeof errorResponse>> = {};
  for (const s of [...base, ...extra].sort((a, b) => a - b)) out[s] = errorResponse(s);
  return out;
}

/** The authenticated routes' errors plus the extras. */
export const authErrors = (...extra: Status[]) => errors(AUTHENTICATED_ERRORS, ...extra);
/** Every write can also meet a state that forbids it (409: not editable, version, already done). */
export const writeErrors = (...extra: Status[]) => errors(AUTHENTICATED_ERRORS, 409, ...extra);

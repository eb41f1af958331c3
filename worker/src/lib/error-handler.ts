import type { Context } from 'hono';
import { errorStatus, type ErrorEnvelope } from '@shared/errors';
import { HTTPException } from 'hono/http-exception';
import { AppError } from './app-error';

/** hono's own refusals (a malformed JSON body, a body of an undeclared media type) in our codes. */
function fromHttpException(err: HTTPException): AppError {
  if (err.status === 415)
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as one of the media types the route declares (GET /api/v1/openapi.json)');
  if (err.status === 400 && /json/i.test(err.message)) return new AppError('BAD_REQUEST', 'The request body is not valid JSON');
  return new AppError(err.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', err.message || 'The request could not be read');
}

export function errorResponse(c: Context, thrown: unknown): Response {
  const err = thrown instanceof HTTPException ? fromHttpException(thrown) : thrown;
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  if (err instanceof AppError) {
    const body: ErrorEnvelope = {
      error: { code: err.code, message: err.message, requestId, details: err.details, ...(err.meta ? { meta: err.meta } : {}) },
    };
    return c.json(body, errorStatus[err.code]);
  }
  // Unexpected: log with the request id so a user's report can be traced, never leak internals.
  console.error(`[${requestId}]`, err);
  const body: ErrorEnvelope = {
    error: { code: 'INTERNAL', message: 'Something went wrong on our side; the request id helps us find it', requestId, details: [] },
  };
  return c.json(body, 500);
}

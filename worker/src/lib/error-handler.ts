import type { Context } from 'hono';
import { errorStatus, type ErrorEnvelope } from '@shared/errors';
import { AppError } from './app-error';

export function errorResponse(c: Context, err: unknown): Response {
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

import type { Context } from 'hono';
import type { z } from 'zod';
import type { ErrorDetail } from '@shared/errors';
import { AppError } from './app-error';

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    code: issue.code.toUpperCase(),
    message: issue.message,
  }));
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown, what = 'Request'): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const details = zodDetails(result.error);
    throw new AppError('VALIDATION_FAILED', `${what} is not valid: ${details.length} problem(s)`, details);
  }
  return result.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'Query');
}

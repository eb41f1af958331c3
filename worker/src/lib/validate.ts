import type { Context } from 'hono';
import type { z } from 'zod';
import { zodDetails } from '@shared/api/zod-details';
import { AppError } from './app-error';

export { zodDetails };

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

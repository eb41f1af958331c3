// The router every route file builds on: @hono/zod-openapi validates each request with the
// schemas of its declaration in shared/api/routes/ and answers a failure with the one error
// envelope; the declarations also make GET /api/v1/openapi.json (worker/src/app.ts).
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
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

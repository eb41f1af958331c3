import type { MiddlewareHandler } from 'hono';
import type { AppBindings } from '../context';
import { AppError } from './app-error';

/** A UTF-16 surrogate without its pair: JSON's "\ud83d" parses to one, and UTF-8 (D1) cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badStrings(value: unknown, path: string, out: string[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) out.push(path || '(body)');
  } else if (Array.isArray(value)) value.forEach((v, i) => badStrings(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) out.push(path ? `${path}.${k}` : k);
      badStrings(v, path ? `${path}.${k}` : k, out);
    }
  }
}

/**
 * Refuses (422, naming each field) a JSON body with an unpaired UTF-16 surrogate anywhere in it,
 * before any route reads it: such text is not Unicode, D1 would store invalid UTF-8, and a unique
 * index could then fail with a 500 instead of the duplicate check. Unreadable JSON is left to the
 * route's own validation (same error as before). Hono caches the parsed body for the route.
 */
export const refuseLoneSurrogates: MiddlewareHandler<AppBindings> = async (c, next) => {
  if (!['POST', 'PUT', 'PATCH'].includes(c.req.method) || !(c.req.header('content-type') ?? '').includes('application/json')) return next();
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return next();
  }
  const fields: string[] = [];
  badStrings(body, '', fields);
  if (fields.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The text holds an unpaired UTF-16 surrogate (half of an emoji or other character); send well-formed Unicode',
      fields.map((field) => ({ field, code: 'INVALID_UNICODE', message: `${field}: unpaired UTF-16 surrogate` })),
    );
  }
  return next();
};

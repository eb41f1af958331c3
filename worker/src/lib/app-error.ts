import type { ErrorCode, ErrorDetail } from '@shared/errors';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly meta: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = [], meta?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
    this.meta = meta;
  }
}

/**
 * 404 for a thing named by its noun: notFound('Invoice backup') → "Invoice backup not found".
 * A sentence that already ends in "not found" does not compile (it used to give "… not found not found").
 */
export const notFound = <W extends string>(what: W extends `${string} not found` ? never : W) => new AppError('NOT_FOUND', `${what} not found`);

export const isNotFound = (err: unknown): boolean => err instanceof AppError && err.code === 'NOT_FOUND';

/**
 * Runs a visibility check and answers for it as `what`: "Contract not found" becomes "Invoice not
 * found" so nothing about the hidden parent is disclosed. Any other failure (a D1 error, a bug)
 * propagates as itself instead of masquerading as a 404.
 */
export async function asNotFound<T>(check: Promise<T>, what: string): Promise<T> {
  try {
    return await check;
  } catch (err) {
    if (isNotFound(err)) throw notFound(what);
    throw err;
  }
}

/** The result of a visibility check, or null when it answered 404; other failures propagate. */
export async function orNullIfNotFound<T>(check: Promise<T>): Promise<T | null> {
  try {
    return await check;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

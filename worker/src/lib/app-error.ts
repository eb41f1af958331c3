import type { ErrorCode, ErrorDetail } from '../../../shared/errors';

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

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);

import type { ErrorCode, ErrorDetail } from '@shared/errors';

/** The server answered with the error envelope `{ error: { code, message, requestId, details, meta? } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly requestId: string;
  readonly details: ErrorDetail[];
  readonly meta: Record<string, unknown> | undefined;

  constructor(args: { status: number; code: ErrorCode; message: string; requestId: string; details: ErrorDetail[]; meta?: Record<string, unknown> }) {
    super(args.message);
    this.name = 'ApiError';
    this.status = args.status;
    this.code = args.code;
    this.requestId = args.requestId;
    this.details = args.details;
    this.meta = args.meta;
  }

  /** 409 VERSION_CONFLICT carries the invoice's current version in meta. */
  get currentVersion(): number | null {
    const v = this.meta?.currentVersion;
    return typeof v === 'number' ? v : null;
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, aborted): safe to retry later. */
export class NetworkError extends Error {
  override readonly cause: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export function isApiError(e: unknown, code?: ErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

export type { ErrorCode, ErrorDetail };

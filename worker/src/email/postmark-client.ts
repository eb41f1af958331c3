import { ServerClient } from 'postmark';
import type { Env } from '../env';
import { AppError } from '../lib/app-error';

type FetchImpl = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A stand-in for Postmark's HTTP API: the real client, a fake transport behind its `fetch`. */
export type PostmarkTestDouble = { serverToken: string; fetch: FetchImpl };

let testDouble: PostmarkTestDouble | null = null;

/**
 * Tests only (the worker runs in the test's isolate): route the Postmark client to a fake `fetch`
 * so no test ever reaches the network. Production never calls this. Pass null to restore.
 */
export function usePostmarkTestDouble(double: PostmarkTestDouble | null): void {
  testDouble = double;
}

/**
 * May mail without a Postmark token go to the local outbox (recorded as sent, never delivered)?
 * Only in local development (DEV_MODE=1, set by `npm start`) or where LOCAL_OUTBOX=1 says so (the
 * worker tests). A deployment without the token refuses to send instead of faking "sent".
 */
export function usesLocalOutbox(env: Env): boolean {
  return !(testDouble?.serverToken ?? env.POSTMARK_SERVER_TOKEN) && (env.DEV_MODE === '1' || env.LOCAL_OUTBOX === '1');
}

/** Refuses (503 NOT_CONFIGURED) when mail can go neither to Postmark nor to the local outbox. */
export function requireMailTransport(env: Env): void {
  if (testDouble?.serverToken ?? env.POSTMARK_SERVER_TOKEN) return;
  if (usesLocalOutbox(env)) return;
  throw new AppError('NOT_CONFIGURED', 'This deployment cannot send mail: POSTMARK_SERVER_TOKEN is not set (wrangler secret put POSTMARK_SERVER_TOKEN)');
}

/** The Postmark client, or null for the local outbox (development only); throws NOT_CONFIGURED otherwise. */
export function postmarkClient(env: Env): ServerClient | null {
  const token = testDouble?.serverToken ?? env.POSTMARK_SERVER_TOKEN;
  if (!token) {
    requireMailTransport(env);
    return null;
  }
  // 30 s per API call: a queue consumer must not hang on one slow request
  return new ServerClient(token, { timeout: 30, ...(testDouble ? { fetch: testDouble.fetch } : {}) });
}

/** Postmark error shape from the client: HTTP status (0 = network/timeout) and Postmark's ErrorCode. */
export type PostmarkFailure = { statusCode: number; code: number; message: string };

export function asPostmarkFailure(err: unknown): PostmarkFailure {
  const e = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  return {
    statusCode: typeof e?.statusCode === 'number' ? e.statusCode : 0,
    code: typeof e?.code === 'number' ? e.code : 0,
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

/** 429, 5xx and network failures are worth retrying; 4xx (bad address, inactive recipient, bad token) are not. */
export const isRetryable = (f: PostmarkFailure) => f.statusCode === 0 || f.statusCode === 429 || f.statusCode >= 500;

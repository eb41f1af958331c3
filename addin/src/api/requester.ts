// One way for the task pane to call the API: bearer token read per request, JSON (or a FormData
// upload) in, failures as ApiError (the server's envelope, or a clear stand-in when a proxy answers
// instead) or NetworkError (no answer). The one API client (./client.ts) is built on it.
import type { ErrorCode, ErrorEnvelope } from '@shared/errors';
import { ApiError, NetworkError } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type RequesterOptions = {
  /** server origin, e.g. "http://localhost:8787" (a trailing "/" or "/api/v1" is tolerated) */
  baseUrl: string;
  /** the bearer token; read per request so a sign-out or token change takes effect at once */
  getToken: () => string | null | Promise<string | null>;
  fetch?: FetchLike;
};

export function createRequester(options: RequesterOptions) {
  const root = options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '') + '/api/v1';
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /** The raw response of a successful call (for downloads); throws on anything else. */
  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const token = await options.getToken();
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    const init: RequestInit = {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: isForm ? (body as FormData) : JSON.stringify(body) } : {}),
    };
    let res: Response;
    try {
      res = await doFetch(root + path, init);
    } catch (e) {
      throw new NetworkError(`Could not reach the server (${method} ${path}): ${e instanceof Error ? e.message : String(e)}`, e);
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    throw toApiError(res, parseJson(text), text);
  }

  /** A JSON call: the parsed answer, or ApiError / NetworkError. */
  async function json<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await send(method, path, body, headers);
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw new NetworkError(`The connection dropped while reading the answer to ${method} ${path}`, e);
    }
    return parseJson(text) as T;
  }

  return { send, json };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isEnvelope(x: unknown): x is ErrorEnvelope {
  const e = (x as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
}

function toApiError(res: Response, json: unknown, text: string): ApiError {
  if (isEnvelope(json)) {
    const e = json.error;
    return new ApiError({
      status: res.status,
      code: e.code,
      message: e.message,
      requestId: e.requestId ?? res.headers.get('x-request-id') ?? 'unknown',
      details: Array.isArray(e.details) ? e.details : [],
      ...(e.meta ? { meta: e.meta } : {}),
    });
  }
  // Not our envelope (a proxy's HTML error page, a gateway timeout): keep the status, say so.
  const code: ErrorCode = res.status >= 500 ? 'INTERNAL' : res.status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
  const snippet = text.slice(0, 200).trim();
  return new ApiError({
    status: res.status,
    code,
    message: `The server answered ${res.status} ${res.statusText}${snippet ? `: ${snippet}` : ''}`,
    requestId: res.headers.get('x-request-id') ?? 'unknown',
    details: [],
  });
}

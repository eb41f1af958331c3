// Typed client of the worker API (/api/v1): bearer token, JSON in and out, one error envelope.
// Every method returns the worker's own response type (see ./types); failures throw ApiError
// (the server answered with an error) or NetworkError (no answer at all).

import type { ErrorCode, ErrorEnvelope } from '../../../shared/errors';
import { ApiError, NetworkError } from './errors';
import type {
  AssignLinesResult,
  DeletedGroup,
  EditLinesResult,
  Group,
  GroupsResponse,
  HistoryResponse,
  InvoicesResponse,
  InvoiceStatusTarget,
  InvoiceView,
  LineEdit,
  MeResponse,
  PendingChangeOrdersResponse,
  ProjectsResponse,
  ContractsResponse,
  SovResponse,
  UpdatedGroup,
} from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type ApiClientOptions = {
  /** server origin, e.g. "http://localhost:8787" (a trailing "/" or "/api/v1" is tolerated) */
  baseUrl: string;
  /** the bearer token; read per request so a sign-out or token change takes effect at once */
  getToken: () => string | null | Promise<string | null>;
  fetch?: FetchLike;
};

export type ApiClient = ReturnType<typeof createApiClient>;

const enc = encodeURIComponent;

export function createApiClient(options: ApiClientOptions) {
  const root = options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '') + '/api/v1';
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const token = await options.getToken();
    const init: RequestInit = {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    };
    let res: Response;
    try {
      res = await doFetch(root + path, init);
    } catch (e) {
      throw new NetworkError(`Could not reach the server (${method} ${path}): ${e instanceof Error ? e.message : String(e)}`, e);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw new NetworkError(`The connection dropped while reading the answer to ${method} ${path}`, e);
    }
    const json = parseJson(text);
    if (res.ok) return json as T;
    throw toApiError(res, json, text);
  }

  return {
    me: () => request<MeResponse>('GET', '/me'),
    listProjects: () => request<ProjectsResponse>('GET', '/projects'),
    listContracts: (projectId: string) => request<ContractsResponse>('GET', `/projects/${enc(projectId)}/contracts`),
    listInvoices: (contractId: string) => request<InvoicesResponse>('GET', `/contracts/${enc(contractId)}/invoices`),
    getInvoice: (invoiceId: string) => request<InvoiceView>('GET', `/invoices/${enc(invoiceId)}`),
    /** All or nothing: 422 lists every bad cell, 409 VERSION_CONFLICT carries meta.currentVersion. */
    editLines: (invoiceId: string, version: number, edits: LineEdit[]) =>
      request<EditLinesResult>('PATCH', `/invoices/${enc(invoiceId)}/lines`, { edits }, { 'if-match': String(version) }),
    changeStatus: (invoiceId: string, status: InvoiceStatusTarget, note?: string) =>
      request<InvoiceView>('POST', `/invoices/${enc(invoiceId)}/status`, note === undefined ? { status } : { status, note }),
    pendingChangeOrders: (invoiceId: string) => request<PendingChangeOrdersResponse>('GET', `/invoices/${enc(invoiceId)}/pending-change-orders`),
    addChangeOrders: (invoiceId: string, changeOrderIds: string[]) =>
      request<InvoiceView>('POST', `/invoices/${enc(invoiceId)}/change-orders`, { changeOrderIds }),
    getSov: (contractId: string) => request<SovResponse>('GET', `/contracts/${enc(contractId)}/sov`),
    listGroups: (contractId: string) => request<GroupsResponse>('GET', `/contracts/${enc(contractId)}/groups`),
    createGroup: (contractId: string, input: { name: string; position?: number }) =>
      request<Group>('POST', `/contracts/${enc(contractId)}/groups`, input),
    updateGroup: (contractId: string, groupId: string, input: { name: string; position?: number }) =>
      request<UpdatedGroup>('PATCH', `/contracts/${enc(contractId)}/groups/${enc(groupId)}`, input),
    deleteGroup: (contractId: string, groupId: string) => request<DeletedGroup>('DELETE', `/contracts/${enc(contractId)}/groups/${enc(groupId)}`),
    /** groupId null (or 'none') ungroups the lines. */
    assignLines: (contractId: string, groupId: string | null, lineIds: string[]) =>
      request<AssignLinesResult>('POST', `/contracts/${enc(contractId)}/groups/${enc(groupId ?? 'none')}/lines`, { lineIds }),
    history: (invoiceId: string, page?: { after?: number; limit?: number }) => {
      const q = new URLSearchParams();
      if (page?.after !== undefined) q.set('after', String(page.after));
      if (page?.limit !== undefined) q.set('limit', String(page.limit));
      const qs = q.toString();
      return request<HistoryResponse>('GET', `/invoices/${enc(invoiceId)}/history${qs ? `?${qs}` : ''}`);
    },
  };
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

// Typed client of the worker API (/api/v1): bearer token, JSON in and out, one error envelope.
// Every method returns the worker's own response type (see ./types); failures throw ApiError
// (the server answered with an error) or NetworkError (no answer at all).

import { createRequester, type RequesterOptions } from './requester';
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

export type ApiClientOptions = RequesterOptions;
export type ApiClient = ReturnType<typeof createApiClient>;

const enc = encodeURIComponent;

export function createApiClient(options: ApiClientOptions) {
  const request = createRequester(options).json;

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
    /** The G702 architect's certificate (amount certified; null clears it), optionally from an owner's reply. */
    recordArchitectCertificate: (invoiceId: string, amountCents: number | null, messageId?: string) =>
      request<InvoiceView>('POST', `/invoices/${enc(invoiceId)}/architect-certificate`, messageId === undefined ? { amountCents } : { amountCents, messageId }),
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

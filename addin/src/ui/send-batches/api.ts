// The bulk-send API (/api/v1/projects/:id/send-batches) for the task pane, built like the shared
// client (addin/src/api/client.ts): bearer token read per request, JSON in and out, failures as
// ApiError (the server's envelope) or NetworkError (no answer). Types come from shared/api.
import type {
  TRegisterSendBatchInput,
  TSendBatchProgress,
  TSendBatchRecipients,
  TSendBatchSummary,
  TSendBatchTestEmailInput,
  TSendBatchTestResult,
  TSendBatchView,
} from '@shared/api/send-batches';
import { createRequester, type FetchLike } from '../../api';

export type SendBatchApiOptions = { baseUrl: string; getToken: () => string | null; fetch?: FetchLike };
export type BillingPeriod = { id: string; start: string; end: string; due: string };
export type PrimeContract = { id: string; number: number; title: string; kind: string };

const enc = encodeURIComponent;

export function createSendBatchApi(options: SendBatchApiOptions) {
  const { send, json } = createRequester(options);
  const batches = (projectId: string) => `/projects/${enc(projectId)}/send-batches`;
  const one = (projectId: string, batchId: string) => `${batches(projectId)}/${enc(batchId)}`;

  return {
    list: (projectId: string) => json<{ projectId: string; batches: TSendBatchSummary[] }>('GET', batches(projectId)),
    register: (projectId: string, body: TRegisterSendBatchInput) => json<TSendBatchView>('POST', batches(projectId), body),
    get: (projectId: string, batchId: string) => json<TSendBatchView>('GET', one(projectId, batchId)),
    recipients: (projectId: string, batchId: string, invoiceId?: string) =>
      json<TSendBatchRecipients>('GET', `${one(projectId, batchId)}/recipients${invoiceId ? `?invoiceId=${enc(invoiceId)}` : ''}`),
    progress: (projectId: string, batchId: string) => json<TSendBatchProgress>('GET', `${one(projectId, batchId)}/progress`),
    testEmail: (projectId: string, batchId: string, body: TSendBatchTestEmailInput) => json<TSendBatchTestResult>('POST', `${one(projectId, batchId)}/test-email`, body),
    start: (projectId: string, batchId: string) => json<TSendBatchView>('POST', `${one(projectId, batchId)}/start`),
    stop: (projectId: string, batchId: string) => json<TSendBatchView>('POST', `${one(projectId, batchId)}/stop`),
    /** the finished batch's results as a CSV file (Blob) and its file name */
    resultsCsv: async (projectId: string, batchId: string) => {
      const res = await send('GET', `${one(projectId, batchId)}/results.csv`);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'results.csv';
      return { fileName: name, blob: await res.blob() };
    },
    primeContracts: async (projectId: string) =>
      (await json<{ contracts: PrimeContract[] }>('GET', `/projects/${enc(projectId)}/contracts`)).contracts.filter((c) => c.kind === 'prime'),
    billingPeriods: async (projectId: string) => (await json<{ billingPeriods: BillingPeriod[] }>('GET', `/projects/${enc(projectId)}/billing-periods`)).billingPeriods,
    /** a short-lived signed URL that opens the invoice PDF without a bearer token */
    invoicePdfLink: async (invoiceId: string) => (await json<{ url: string }>('POST', `/invoices/${enc(invoiceId)}/pdf-link`)).url,
  };
}

export type SendBatchApi = ReturnType<typeof createSendBatchApi>;

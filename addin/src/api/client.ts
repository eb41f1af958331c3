// The one client of the worker API (/api/v1) for the whole task pane. Every call goes through
// `call(route, input)`: the URL, the method and the types come from the route's declaration in
// shared/api/routes/, the same object the worker serves, so nothing here restates a path or a
// payload. Failures throw ApiError (the server's envelope) or NetworkError (no answer at all).
// The named methods below only give the pane's call sites short, stable names.

import { buildRequest, type CallInput, type CallOutput, type RouteDecl } from '@shared/api/call';
import * as attachments from '@shared/api/routes/attachments';
import * as auth from '@shared/api/routes/auth';
import * as contracts from '@shared/api/routes/contracts';
import * as emails from '@shared/api/routes/emails';
import * as invoices from '@shared/api/routes/invoices';
import * as pdf from '@shared/api/routes/pdf';
import * as projects from '@shared/api/routes/projects';
import * as sendBatches from '@shared/api/routes/send-batches';
import type { z } from 'zod';
import type { ZPdfLocale } from '@shared/api/backups';
import type { TSendInvoiceEmailInput } from '@shared/api/emails';
import type { TRegisterSendBatchInput, TSendBatchTestEmailInput } from '@shared/api/send-batches';
import type { TCreateInvoiceInput, TReleaseRetainage, TUpdateGeneralInfoInput } from '@shared/api/invoices';
import type { EarlyGet } from './early-reads';
import { createRequester, type RequesterOptions } from './requester';
import type { InvoiceStatusTarget, LineEdit } from './types';

export type ApiClientOptions = RequesterOptions;
/** what a route's JSON body accepts from a client (z.input: defaults may be left out) */
type BodyOf<R extends RouteDecl> = CallInput<R> extends { json: infer J } ? J : never;
type CreateContractBody = BodyOf<typeof projects.createContract>;
type UpdateContractBody = BodyOf<typeof contracts.updateContract>;
type CreateBillingPeriodsBody = BodyOf<typeof projects.createBillingPeriods>;
type PdfLocale = z.infer<typeof ZPdfLocale>;
export type ApiClient = ReturnType<typeof createApiClient>;
export type EmailApi = ApiClient['emails'];
export type SendBatchApi = ApiClient['sendBatches'];
export type BillingPeriod = Awaited<ReturnType<SendBatchApi['billingPeriods']>>[number];
export type PrimeContract = Awaited<ReturnType<SendBatchApi['primeContracts']>>[number];

export function createApiClient(options: ApiClientOptions) {
  const requester = createRequester(options);

  /** The typed call of one declared route. */
  const call = async <R extends RouteDecl>(route: R, input: CallInput<R>): Promise<CallOutput<R>> => {
    const r = buildRequest(route, input);
    return requester.json<CallOutput<R>>(r.method, r.path, r.json, r.headers);
  };
  /** The same for a file answer (PDF, CSV, an upload's bytes): the raw successful response. */
  const download = async <R extends RouteDecl>(route: R, input: CallInput<R>): Promise<Response> => {
    const r = buildRequest(route, input);
    return requester.send(r.method, r.path, r.json, r.headers);
  };
  /**
   * The answer of a read the page sent before the app ran (./early-reads.ts), when it is exactly
   * the request this call builds (same method and path; the same credentials are checked when
   * the reads are taken); else null and the caller calls.
   */
  const adopt = <R extends RouteDecl>(route: R, input: CallInput<R>, early: EarlyGet | null | undefined): Promise<CallOutput<R>> | null => {
    if (!early) return null;
    const r = buildRequest(route, input);
    return early.method === r.method && early.path === r.path ? (early.answer as Promise<CallOutput<R>>) : null;
  };
  const id = (value: string) => ({ param: { id: value } });
  /** a 5-minute signed URL that opens the invoice PDF without a bearer token */
  const pdfLink = async (invoiceId: string, opts: { locale?: PdfLocale; download?: boolean } = {}) =>
    (await call(pdf.createPdfLink, { ...id(invoiceId), query: { locale: opts.locale, download: opts.download ? '1' : undefined } })).url;

  return {
    call,
    download,
    /** with `early`: its answer (or failure) when it is GET /me, without a second request */
    me: (early?: EarlyGet | null) => adopt(projects.getMe, {}, early) ?? call(projects.getMe, {}),
    listProjects: () => call(projects.listProjects, {}),
    listContracts: (projectId: string) => call(projects.listContracts, id(projectId)),
    listInvoices: (contractId: string) => call(contracts.listInvoices, id(contractId)),
    getInvoice: (invoiceId: string) => call(invoices.getInvoice, id(invoiceId)),
    /** the early read's answer (or failure) when it is of this invoice, else null */
    earlyInvoice: (invoiceId: string, early: EarlyGet) => adopt(invoices.getInvoice, id(invoiceId), early),

    /** Projects, contracts, billing periods and new invoices: the pane's project and contract screens. */
    setup: {
      createProject: (body: BodyOf<typeof projects.createProject>) => call(projects.createProject, { json: body }),
      getContract: (contractId: string) => call(contracts.getContract, id(contractId)),
      createContract: (projectId: string, body: CreateContractBody) => call(projects.createContract, { ...id(projectId), json: body }),
      updateContract: (contractId: string, body: UpdateContractBody) => call(contracts.updateContract, { ...id(contractId), json: body }),
      /** members and visible invoice contacts (the private list and invoice contacts choose from them) */
      directory: (projectId: string) => call(projects.getDirectory, id(projectId)),
      billingPeriods: async (projectId: string) => (await call(projects.listBillingPeriods, id(projectId))).billingPeriods,
      createBillingPeriods: (projectId: string, body: CreateBillingPeriodsBody) => call(projects.createBillingPeriods, { ...id(projectId), json: body }),
      /** 409 CONFLICT (with the reason) when an invoice bills the period */
      deleteBillingPeriod: (periodId: string) => call(projects.deleteBillingPeriod, id(periodId)),
      /** kind 'retainage_release': a retainage-only invoice (422 NOTHING_HELD when no retainage is held) */
      createInvoice: (contractId: string, body: TCreateInvoiceInput) => call(contracts.createInvoice, { ...id(contractId), json: body }),
    },
    /** All or nothing: 422 lists every bad cell, 409 VERSION_CONFLICT carries meta.currentVersion. */
    editLines: (invoiceId: string, version: number, edits: LineEdit[]) =>
      call(invoices.editInvoiceLines, { ...id(invoiceId), header: { 'if-match': String(version) }, json: { edits } }),
    /** Release retainage on this invoice: everything held ({ all: true }) or per line; version-checked like editLines. */
    releaseRetainage: (invoiceId: string, version: number, body: TReleaseRetainage) =>
      call(invoices.releaseRetainage, { ...id(invoiceId), header: { 'if-match': String(version) }, json: body }),
    /** The invoice's general information (G702 header); null puts a field's default back. */
    updateGeneralInfo: (invoiceId: string, version: number, fields: TUpdateGeneralInfoInput) =>
      call(invoices.updateGeneralInfo, { ...id(invoiceId), header: { 'if-match': String(version) }, json: fields }),
    changeStatus: (invoiceId: string, status: InvoiceStatusTarget, note?: string) =>
      call(invoices.changeInvoiceStatus, { ...id(invoiceId), json: note === undefined ? { status } : { status, note } }),
    /** The G702 architect's certificate (amount certified; null clears it), optionally from an owner's reply. */
    recordArchitectCertificate: (invoiceId: string, amountCents: number | null, messageId?: string) =>
      call(invoices.recordArchitectCertificate, { ...id(invoiceId), json: messageId === undefined ? { amountCents } : { amountCents, messageId } }),
    pendingChangeOrders: (invoiceId: string) => call(invoices.listPendingChangeOrders, id(invoiceId)),
    addChangeOrders: (invoiceId: string, changeOrderIds: string[]) => call(invoices.addChangeOrders, { ...id(invoiceId), json: { changeOrderIds } }),
    getSov: (contractId: string) => call(contracts.getSov, id(contractId)),
    listGroups: (contractId: string) => call(contracts.listGroups, id(contractId)),
    createGroup: (contractId: string, input: { name: string; position?: number }) => call(contracts.createGroup, { ...id(contractId), json: input }),
    updateGroup: (contractId: string, groupId: string, input: { name: string; position?: number }) =>
      call(contracts.updateGroup, { param: { id: contractId, groupId }, json: input }),
    deleteGroup: (contractId: string, groupId: string) => call(contracts.deleteGroup, { param: { id: contractId, groupId } }),
    /** groupId null (or 'none') ungroups the lines. */
    assignLines: (contractId: string, groupId: string | null, lineIds: string[]) =>
      call(contracts.assignLines, { param: { id: contractId, groupId: groupId ?? 'none' }, json: { lineIds } }),
    history: (invoiceId: string, page?: { after?: number; limit?: number }) => call(invoices.getInvoiceHistory, { ...id(invoiceId), query: page }),
    pdfLink,

    /** Sign-in by email (no token yet): always 202 for a well-formed address. */
    auth: {
      requestEmailLink: (email: string) => call(auth.requestEmailLink, { json: { email: email.trim() } }),
    },

    /** The invoice's Emails tab. */
    emails: {
      /** members and visible invoice contacts with names (the To/CC suggestions); members only */
      directory: (projectId: string) => call(projects.getDirectory, id(projectId)),
      /** threads newest first; with `since` only what is new (dedupe messages by id) */
      list: (invoiceId: string, since?: string | null) => call(emails.listInvoiceEmails, { ...id(invoiceId), query: since ? { since } : {} }),
      send: (invoiceId: string, body: TSendInvoiceEmailInput) => call(emails.sendInvoiceEmail, { ...id(invoiceId), json: body }),
      upload: (projectId: string, file: File) => {
        // multipart: the route documents the form; the requester sends FormData as it is
        const form = new FormData();
        form.set('projectId', projectId);
        form.set('file', file, file.name);
        const r = buildRequest(attachments.uploadAttachment, {});
        return requester.json<CallOutput<typeof attachments.uploadAttachment>>(r.method, r.path, form);
      },
      /** the file's bytes through the API with the bearer token (never a token in a URL) */
      download: async (attachmentId: string) => (await download(attachments.getAttachmentContent, id(attachmentId))).blob(),
      pdfLink,
    },

    /** Bulk sending (admin on Prime Contracts in the project). */
    sendBatches: {
      list: (projectId: string) => call(sendBatches.listSendBatches, id(projectId)),
      register: (projectId: string, body: TRegisterSendBatchInput) => call(sendBatches.registerSendBatch, { ...id(projectId), json: body }),
      get: (projectId: string, batchId: string) => call(sendBatches.getSendBatch, { param: { id: projectId, batchId } }),
      recipients: (projectId: string, batchId: string, invoiceId?: string) =>
        call(sendBatches.listSendBatchRecipients, { param: { id: projectId, batchId }, query: { invoiceId } }),
      progress: (projectId: string, batchId: string) => call(sendBatches.getSendBatchProgress, { param: { id: projectId, batchId } }),
      testEmail: (projectId: string, batchId: string, body: TSendBatchTestEmailInput) =>
        call(sendBatches.sendTestEmail, { param: { id: projectId, batchId }, json: body }),
      start: (projectId: string, batchId: string) => call(sendBatches.startSendBatch, { param: { id: projectId, batchId } }),
      stop: (projectId: string, batchId: string) => call(sendBatches.stopSendBatch, { param: { id: projectId, batchId } }),
      /** the finished batch's results as a CSV file (Blob) and its file name */
      resultsCsv: async (projectId: string, batchId: string) => {
        const res = await download(sendBatches.sendBatchResultsCsv, { param: { id: projectId, batchId } });
        const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'results.csv';
        return { fileName: name, blob: await res.blob() };
      },
      primeContracts: async (projectId: string) => (await call(projects.listContracts, id(projectId))).contracts.filter((c) => c.kind === 'prime'),
      billingPeriods: async (projectId: string) => (await call(projects.listBillingPeriods, id(projectId))).billingPeriods,
      invoicePdfLink: (invoiceId: string) => pdfLink(invoiceId),
    },
  };
}

/** The Emails tab's part of the one client (for useSignedInClient, addin/src/ui/auth/use-signed-in-client.ts). */
export const createEmailApi = (options: ApiClientOptions): EmailApi => createApiClient(options).emails;
/** The Send tab's part of the one client. */
export const createSendBatchApi = (options: ApiClientOptions): SendBatchApi => createApiClient(options).sendBatches;

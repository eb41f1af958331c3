// The email API (/api/v1/invoices/:id/emails, /attachments, the invoice PDF link) for the task
// pane, built like the shared client (addin/src/api/client.ts): bearer token read per request,
// failures as ApiError (the server's envelope) or NetworkError (no answer). Types from shared/api.
import type { TAttachmentView, TInvoiceEmails, TSendInvoiceEmailInput, TSendInvoiceEmailResult } from '@shared/api/emails';
import { createRequester, type FetchLike } from '../../api';

export type EmailApiOptions = { baseUrl: string; getToken: () => string | null; fetch?: FetchLike };

const enc = encodeURIComponent;

export function createEmailApi(options: EmailApiOptions) {
  const { send, json } = createRequester(options);

  return {
    /** members and visible invoice contacts with names (the To/CC suggestions); members only */
    directory: (projectId: string) =>
      json<{ people: Array<{ userId: string; name: string; email: string; companyName: string; isMember: boolean; invoiceContactOf: string[] }> }>('GET', `/projects/${enc(projectId)}/directory`),
    /** threads newest first; with `since` only what is new (dedupe messages by id) */
    list: (invoiceId: string, since?: string | null) =>
      json<TInvoiceEmails>('GET', `/invoices/${enc(invoiceId)}/emails${since ? `?since=${enc(since)}` : ''}`),
    send: (invoiceId: string, body: TSendInvoiceEmailInput) => json<TSendInvoiceEmailResult>('POST', `/invoices/${enc(invoiceId)}/emails`, body),
    upload: (projectId: string, file: File) => {
      const form = new FormData();
      form.set('projectId', projectId);
      form.set('file', file, file.name);
      return json<TAttachmentView>('POST', '/attachments', form);
    },
    /** the file's bytes through the API with the bearer token (never a token in a URL) */
    download: async (attachmentId: string) => (await send('GET', `/attachments/${enc(attachmentId)}/content`)).blob(),
    /** a 5-minute signed URL of the invoice PDF that opens without a bearer token */
    pdfLink: async (invoiceId: string, opts: { locale?: string; download?: boolean }) => {
      const q = new URLSearchParams({ ...(opts.locale ? { locale: opts.locale } : {}), ...(opts.download ? { download: '1' } : {}) });
      return (await json<{ url: string }>('POST', `/invoices/${enc(invoiceId)}/pdf-link${q.size ? `?${q}` : ''}`)).url;
    },
  };
}

export type EmailApi = ReturnType<typeof createEmailApi>;

// The Waivers tab's calls (the routes of shared/api/routes/lien-waivers.ts, through the pane's one
// client) behind one small object, so the tab's components take what they need.
import type { z } from 'zod';
import type { TCreateLienWaiver, ZLienWaiverEvents, ZLienWaivers, ZLienWaiverView } from '@shared/api/lien-waivers';
import {
  createLienWaiver,
  createLienWaiverPdfLink,
  getLienWaiverPdf,
  listLienWaiverEvents,
  listLienWaivers,
  recordReceivedWaiver,
  signLienWaiver,
  voidLienWaiver,
} from '@shared/api/routes/lien-waivers';
import type { ApiClient } from '../../api';

export type WaiverView = z.infer<typeof ZLienWaiverView>;
export type WaiverList = z.infer<typeof ZLienWaivers>;
export type WaiverEvent = z.infer<typeof ZLienWaiverEvents>['events'][number];
/** what the generate form sends (the amount is never sent: the server takes it from the invoice or payment) */
export type CreateBody = Pick<TCreateLienWaiver, 'type' | 'form' | 'paymentId' | 'throughDate' | 'exceptions' | 'locale'>;

export function waiverApi(api: ApiClient) {
  const waiver = (waiverId: string) => ({ param: { waiverId } });
  return {
    list: (invoiceId: string) => api.call(listLienWaivers, { param: { id: invoiceId } }),
    create: (invoiceId: string, body: CreateBody) => api.call(createLienWaiver, { param: { id: invoiceId }, json: body }),
    sign: (waiverId: string, body: { signerName: string; signerTitle: string; consent: true }) => api.call(signLienWaiver, { ...waiver(waiverId), json: body }),
    void: (waiverId: string, reason: string) => api.call(voidLienWaiver, { ...waiver(waiverId), json: { reason } }),
    events: async (waiverId: string) => (await api.call(listLienWaiverEvents, waiver(waiverId))).events,
    /** the PDF's bytes through the API with the bearer token (never a token in a URL) and the server's file name */
    pdf: async (waiverId: string) => {
      const res = await api.download(getLienWaiverPdf, waiver(waiverId));
      const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `lien-waiver-${waiverId}.pdf`;
      return { blob: await res.blob(), fileName };
    },
    /** a 5-minute signed URL of the PDF: a window or an Office dialog opens it without a bearer token */
    pdfLink: async (waiverId: string) => (await api.call(createLienWaiverPdfLink, waiver(waiverId))).url,
    recordReceived: (invoiceId: string, body: { type: WaiverView['type']; amountCents: number; throughDate: string; attachmentId: string }) =>
      api.call(recordReceivedWaiver, { param: { id: invoiceId }, json: body }),
    /** the signed file of a received waiver goes through the attachments upload first */
    upload: (projectId: string, file: File) => api.emails.upload(projectId, file),
  };
}
export type WaiverApi = ReturnType<typeof waiverApi>;

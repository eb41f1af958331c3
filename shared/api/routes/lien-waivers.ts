// The lien-waiver routes, declared once: served by worker/src/routes/lien-waivers.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import {
  ZCreateLienWaiver,
  ZLienWaiverEvents,
  ZLienWaivers,
  ZLienWaiverView,
  ZLienWaiverWarnings,
  ZRecordReceivedWaiver,
  ZSignLienWaiver,
  ZVoidLienWaiver,
} from '../lien-waivers';
import { ZSignedLink } from '../backup-views';
import { authErrors, body, defineRoute, file, json, params, writeErrors } from '../route-kit';
import { signedParams } from './pdf';

const id = params('id');
const waiverId = params('waiverId');

export const listLienWaivers = defineRoute({
  method: 'get',
  path: '/invoices/{id}/lien-waivers',
  summary: "The invoice's lien waivers, which ones can be generated now (and for how much), and a missing-waiver warning",
  request: { params: id },
  responses: { 200: json(ZLienWaivers, 'Waivers and availability'), ...authErrors() },
});

export const createLienWaiver = defineRoute({
  method: 'post',
  path: '/invoices/{id}/lien-waivers',
  summary: "Draft a waiver; its amount comes from the invoice's line 8 or from the recorded payment",
  request: { params: id, body: body(ZCreateLienWaiver) },
  responses: { 201: json(ZLienWaiverView, 'The draft waiver'), ...writeErrors() },
});

export const signLienWaiver = defineRoute({
  method: 'post',
  path: '/lien-waivers/{waiverId}/sign',
  summary: 'Sign with a typed name: renders the PDF, stores it and attaches it to the invoice (and so to its email)',
  request: { params: waiverId, body: body(ZSignLienWaiver) },
  responses: { 200: json(ZLienWaiverView, 'The signed waiver'), ...writeErrors() },
});

export const voidLienWaiver = defineRoute({
  method: 'post',
  path: '/lien-waivers/{waiverId}/void',
  summary: 'Void a waiver (a signed one cannot be edited, only voided), with the reason',
  request: { params: waiverId, body: body(ZVoidLienWaiver) },
  responses: { 200: json(ZLienWaiverView, 'The void waiver'), ...writeErrors() },
});

export const getLienWaiverPdf = defineRoute({
  method: 'get',
  path: '/lien-waivers/{waiverId}/pdf',
  summary: 'The waiver PDF: the signed file with its audit page, an unsigned preview of a draft, or the received file (bearer token or signed link)',
  request: { params: waiverId },
  parameters: signedParams,
  responses: { 200: file('application/pdf', 'The PDF'), ...authErrors() },
});

export const createLienWaiverPdfLink = defineRoute({
  method: 'post',
  path: '/lien-waivers/{waiverId}/pdf-link',
  summary: "A 5-minute signed URL of the waiver's PDF (opens without a bearer token: a new window, an Office dialog)",
  request: { params: waiverId },
  responses: { 200: json(ZSignedLink, 'The signed URL'), ...writeErrors() },
});

export const listLienWaiverEvents = defineRoute({
  method: 'get',
  path: '/lien-waivers/{waiverId}/events',
  summary: "The waiver's audit trail: created, signed (typed name, time, IP, browser, document hash), voided, emailed",
  request: { params: waiverId },
  responses: { 200: json(ZLienWaiverEvents, 'Events, oldest first'), ...authErrors() },
});

export const recordReceivedWaiver = defineRoute({
  method: 'post',
  path: '/invoices/{id}/lien-waivers/received',
  summary: "Record a subcontractor's waiver received for a subcontractor invoice (its file uploaded first)",
  request: { params: id, body: body(ZRecordReceivedWaiver) },
  responses: { 201: json(ZLienWaiverView, 'The recorded waiver'), ...writeErrors() },
});

export const listLienWaiverWarnings = defineRoute({
  method: 'get',
  path: '/projects/{id}/lien-waiver-warnings',
  summary: 'Paid subcontractor invoices without received unconditional waivers covering what was paid',
  request: { params: id },
  responses: { 200: json(ZLienWaiverWarnings, 'The warnings'), ...authErrors() },
});

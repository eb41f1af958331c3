// The backups routes, declared once: served by worker/src/routes/backups.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZAttachToInvoice, ZBackupPartQuery, ZCreateDirectCost, ZCreateInvoiceBackup, ZDirectCostQuery, ZListBackupsQuery } from '../backups';
import { ZBackupJob, ZBackupList, ZDirectCosts, ZDirectCostView, ZInvoiceAttachments, ZSignedLink } from '../backup-views';
import { defineRoute, authErrors, body, json, params, writeErrors } from '../route-kit';

const id = params('id');
const job = params('jobId');

export const createInvoiceBackup = defineRoute({
  method: 'post',
  path: '/projects/{id}/invoice-backups',
  summary: 'Compile invoice backups: one PDF of the invoices and their attachments (queued job)',
  request: { params: id, body: body(ZCreateInvoiceBackup) },
  responses: { 202: json(ZBackupJob, 'The queued job'), ...writeErrors() },
});

export const listInvoiceBackups = defineRoute({
  method: 'get',
  path: '/invoice-backups',
  summary: "The user's backup requests, newest first (readyAt tells when one is ready)",
  request: { query: ZListBackupsQuery },
  responses: { 200: json(ZBackupList, 'The backup jobs'), ...authErrors() },
});

export const getInvoiceBackup = defineRoute({
  method: 'get',
  path: '/invoice-backups/{jobId}',
  summary: 'A backup job: status, progress, parts, contents, files not included',
  request: { params: job },
  responses: { 200: json(ZBackupJob, 'The job'), ...authErrors() },
});

export const createBackupLink = defineRoute({
  method: 'post',
  path: '/invoice-backups/{jobId}/download-link',
  summary: 'A 5-minute signed URL of a compiled part (?part=N)',
  request: { params: job, query: ZBackupPartQuery },
  responses: { 200: json(ZSignedLink, 'The signed URL'), ...writeErrors() },
});

export const listInvoiceAttachments = defineRoute({
  method: 'get',
  path: '/invoices/{id}/attachments',
  summary: "The invoice's attachments in backup order",
  request: { params: id },
  responses: { 200: json(ZInvoiceAttachments, 'The attachments'), ...authErrors() },
});

export const attachToInvoice = defineRoute({
  method: 'post',
  path: '/invoices/{id}/attachments',
  summary: 'Attach uploaded files to the invoice (admin), appended in order',
  request: { params: id, body: body(ZAttachToInvoice) },
  responses: { 201: json(ZInvoiceAttachments, "The invoice's attachments"), ...writeErrors() },
});

export const listDirectCosts = defineRoute({
  method: 'get',
  path: '/projects/{id}/direct-costs',
  summary: 'Direct costs by date (?from=&to=)',
  request: { params: id, query: ZDirectCostQuery },
  responses: { 200: json(ZDirectCosts, 'The direct costs and their total'), ...authErrors() },
});

export const createDirectCost = defineRoute({
  method: 'post',
  path: '/projects/{id}/direct-costs',
  summary: 'Record a direct cost with its receipt',
  request: { params: id, body: body(ZCreateDirectCost) },
  responses: { 201: json(ZDirectCostView, 'The direct cost'), ...writeErrors() },
});

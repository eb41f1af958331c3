import { createRoute } from '@hono/zod-openapi';
import { ZAttachToInvoice, ZBackupPartQuery, ZCreateDirectCost, ZCreateInvoiceBackup, ZDirectCostQuery, ZListBackupsQuery } from '@shared/api/backups';
import { ZBackupJob, ZBackupList, ZDirectCosts, ZDirectCostView, ZInvoiceAttachments, ZSignedLink } from '@shared/api/backup-views';
import { authErrors, body, json, params, routes, writeErrors } from '../lib/openapi';
import { createBackupLink } from '../services/backups/create-backup-link';
import { createInvoiceBackup } from '../services/backups/create-invoice-backup';
import { getInvoiceBackup } from '../services/backups/get-invoice-backup';
import { listInvoiceBackups } from '../services/backups/list-invoice-backups';
import { createDirectCost } from '../services/direct-costs/create-direct-cost';
import { listDirectCosts } from '../services/direct-costs/list-direct-costs';
import { attachToInvoice } from '../services/invoice-attachments/attach-to-invoice';
import { listInvoiceAttachments } from '../services/invoice-attachments/list-invoice-attachments';

const id = params('id');
const job = params('jobId');

/** Invoice backups (compiled PDFs), the invoice's attachments, and direct costs with receipts. */
export const backupRoutes = routes()
  .openapi(
    createRoute({
      method: 'post', path: '/projects/{id}/invoice-backups', summary: 'Compile invoice backups: one PDF of the invoices and their attachments (queued job)',
      request: { params: id, body: body(ZCreateInvoiceBackup) },
      responses: { 202: json(ZBackupJob, 'The queued job'), ...writeErrors() },
    }),
    async (c) => c.json(await createInvoiceBackup({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 202),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/invoice-backups', summary: "The user's backup requests, newest first (readyAt tells when one is ready)",
      request: { query: ZListBackupsQuery },
      responses: { 200: json(ZBackupList, 'The backup jobs'), ...authErrors() },
    }),
    async (c) => c.json(await listInvoiceBackups({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/invoice-backups/{jobId}', summary: 'A backup job: status, progress, parts, contents, files not included',
      request: { params: job },
      responses: { 200: json(ZBackupJob, 'The job'), ...authErrors() },
    }),
    async (c) => c.json(await getInvoiceBackup({ ctx: c.get('ctx'), input: { jobId: c.req.valid('param').jobId } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invoice-backups/{jobId}/download-link', summary: 'A 5-minute signed URL of a compiled part (?part=N)',
      request: { params: job, query: ZBackupPartQuery },
      responses: { 200: json(ZSignedLink, 'The signed URL'), ...writeErrors() },
    }),
    async (c) => {
      const input = { jobId: c.req.valid('param').jobId, partNo: c.req.valid('query').part, origin: new URL(c.req.url).origin };
      return c.json(await createBackupLink({ ctx: c.get('ctx'), input }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/invoices/{id}/attachments', summary: "The invoice's attachments in backup order",
      request: { params: id },
      responses: { 200: json(ZInvoiceAttachments, 'The attachments'), ...authErrors() },
    }),
    async (c) => c.json(await listInvoiceAttachments({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invoices/{id}/attachments', summary: 'Attach uploaded files to the invoice (admin), appended in order',
      request: { params: id, body: body(ZAttachToInvoice) },
      responses: { 201: json(ZInvoiceAttachments, "The invoice's attachments"), ...writeErrors() },
    }),
    async (c) => c.json(await attachToInvoice({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/projects/{id}/direct-costs', summary: 'Direct costs by date (?from=&to=)',
      request: { params: id, query: ZDirectCostQuery },
      responses: { 200: json(ZDirectCosts, 'The direct costs and their total'), ...authErrors() },
    }),
    async (c) => c.json(await listDirectCosts({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/projects/{id}/direct-costs', summary: 'Record a direct cost with its receipt',
      request: { params: id, body: body(ZCreateDirectCost) },
      responses: { 201: json(ZDirectCostView, 'The direct cost'), ...writeErrors() },
    }),
    async (c) => c.json(await createDirectCost({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  );

import { Hono } from 'hono';
import { ZAttachToInvoice, ZBackupPartQuery, ZCreateInvoiceBackup, ZListBackupsQuery } from '@shared/api/backups';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { readJson, readQuery } from '../lib/validate';
import { createBackupLink } from '../services/backups/create-backup-link';
import { createInvoiceBackup } from '../services/backups/create-invoice-backup';
import { getInvoiceBackup } from '../services/backups/get-invoice-backup';
import { listInvoiceBackups } from '../services/backups/list-invoice-backups';
import { attachToInvoice } from '../services/invoice-attachments/attach-to-invoice';
import { listInvoiceAttachments } from '../services/invoice-attachments/list-invoice-attachments';

export const backupRoutes = new Hono<AppBindings>();

describe({ method: 'post', path: '/api/v1/projects/:id/invoice-backups', summary: 'Compile invoice backups: one PDF of the invoices and their attachments (queued job)', body: ZCreateInvoiceBackup });
backupRoutes.post('/projects/:id/invoice-backups', async (c) =>
  c.json(await createInvoiceBackup({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), body: await readJson(c, ZCreateInvoiceBackup) } }), 202),
);

describe({ method: 'get', path: '/api/v1/invoice-backups', summary: "The user's backup requests, newest first (readyAt tells when one is ready)", query: ZListBackupsQuery });
backupRoutes.get('/invoice-backups', async (c) => c.json(await listInvoiceBackups({ ctx: c.get('ctx'), input: readQuery(c, ZListBackupsQuery) })));

describe({ method: 'get', path: '/api/v1/invoice-backups/:jobId', summary: 'A backup job: status, progress, parts, contents, files not included' });
backupRoutes.get('/invoice-backups/:jobId', async (c) => c.json(await getInvoiceBackup({ ctx: c.get('ctx'), input: { jobId: c.req.param('jobId') } })));

describe({ method: 'post', path: '/api/v1/invoice-backups/:jobId/download-link', summary: 'A 5-minute signed URL of a compiled part (?part=N)', query: ZBackupPartQuery });
backupRoutes.post('/invoice-backups/:jobId/download-link', async (c) => {
  const { part } = readQuery(c, ZBackupPartQuery);
  return c.json(await createBackupLink({ ctx: c.get('ctx'), input: { jobId: c.req.param('jobId'), partNo: part, origin: new URL(c.req.url).origin } }));
});

describe({ method: 'get', path: '/api/v1/invoices/:id/attachments', summary: "The invoice's attachments in backup order" });
backupRoutes.get('/invoices/:id/attachments', async (c) => c.json(await listInvoiceAttachments({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id') } })));

describe({ method: 'post', path: '/api/v1/invoices/:id/attachments', summary: 'Attach uploaded files to the invoice (admin), appended in order', body: ZAttachToInvoice });
backupRoutes.post('/invoices/:id/attachments', async (c) =>
  c.json(await attachToInvoice({ ctx: c.get('ctx'), input: { invoiceId: c.req.param('id'), body: await readJson(c, ZAttachToInvoice) } }), 201),
);

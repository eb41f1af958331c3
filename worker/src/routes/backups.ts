import { routes } from '../lib/openapi';
import * as def from '@shared/api/routes/backups';
import { createBackupLink } from '../services/backups/create-backup-link';
import { createInvoiceBackup } from '../services/backups/create-invoice-backup';
import { getInvoiceBackup } from '../services/backups/get-invoice-backup';
import { listInvoiceBackups } from '../services/backups/list-invoice-backups';
import { createDirectCost } from '../services/direct-costs/create-direct-cost';
import { listDirectCosts } from '../services/direct-costs/list-direct-costs';
import { attachToInvoice } from '../services/invoice-attachments/attach-to-invoice';
import { listInvoiceAttachments } from '../services/invoice-attachments/list-invoice-attachments';

/** Invoice backups (compiled PDFs), the invoice's attachments, and direct costs with receipts. */
export const backupRoutes = routes()
  .openapi(def.createInvoiceBackup, async (c) =>
    c.json(await createInvoiceBackup({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 202),
  )
  .openapi(def.listInvoiceBackups, async (c) => c.json(await listInvoiceBackups({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200))
  .openapi(def.getInvoiceBackup, async (c) => c.json(await getInvoiceBackup({ ctx: c.get('ctx'), input: { jobId: c.req.valid('param').jobId } }), 200))
  .openapi(def.createBackupLink, async (c) => {
    const input = { jobId: c.req.valid('param').jobId, partNo: c.req.valid('query').part, origin: new URL(c.req.url).origin };
    return c.json(await createBackupLink({ ctx: c.get('ctx'), input }), 200);
  })
  .openapi(def.listInvoiceAttachments, async (c) =>
    c.json(await listInvoiceAttachments({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id } }), 200),
  )
  .openapi(def.attachToInvoice, async (c) =>
    c.json(await attachToInvoice({ ctx: c.get('ctx'), input: { invoiceId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  )
  .openapi(def.listDirectCosts, async (c) =>
    c.json(await listDirectCosts({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(def.createDirectCost, async (c) =>
    c.json(await createDirectCost({ ctx: c.get('ctx'), input: { projectId: c.req.valid('param').id, body: c.req.valid('json') } }), 201),
  );

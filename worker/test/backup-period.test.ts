import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../src/db/schema';
import { PERIOD_BACKUP_JOB } from '../src/services/invoice-attachments/attach-period-backup';
import { runPeriodBackup } from '../src/services/invoice-attachments/run-period-backup';
import { api, db, ok, seedUser, joinByInvitation } from './helpers';
import { buildFixtureInvoices, dataUrlBytes, fixtureFiles, storeAttachment, waitFor, waitForBackup, type FixtureBuild, execCtx } from './pdf-builders';
import { readPdf, rowWith } from './pdf-text';

// "Include backup of direct costs and invoices in the selected billing period" when an owner
// invoice is created, and the direct costs it draws on.

describe('direct costs and the backup of a new owner invoice', () => {
  let admin: { token: string; id: string };
  let prime: FixtureBuild;
  let receiptJan: string;
  let receiptFeb: string;
  const costs = () => `/api/v1/projects/${prime.projectId}/direct-costs`;

  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz' });
    prime = await buildFixtureInvoices(admin.token, { invoiceCount: 0, counterpartyName: 'Springfield Health Partners LLC' });
    const shared = { projectId: prime.projectId, periodIds: prime.periodIds, kind: 'commitment' as const, invoiceCount: 1 };
    await buildFixtureInvoices(admin.token, { ...shared, title: 'Concrete subcontract', counterpartyName: 'Acme Concrete' });
    await buildFixtureInvoices(admin.token, { ...shared, title: 'Steel subcontract', counterpartyName: 'Ironworks', finalStatus: 'approved_as_noted' });
    await buildFixtureInvoices(admin.token, { ...shared, title: 'Glazing subcontract', counterpartyName: 'Glass Co', finalStatus: 'under_review' });
    const file = (f: keyof typeof fixtureFiles) =>
      storeAttachment(prime.projectId, admin.id, fixtureFiles[f].fileName, fixtureFiles[f].contentType, dataUrlBytes(fixtureFiles[f].dataUrl));
    receiptJan = await file('receipt');
    receiptFeb = await file('delivery');
  });

  it('records direct costs with a receipt; lists them by date, filtered by dates', async () => {
    const jan = await ok(201, admin.token, 'POST', costs(), {
      amountCents: 12550,
      incurredOn: '2025-01-15',
      vendor: 'Home Depot',
      description: 'Rebar ties',
      receiptAttachmentId: receiptJan,
      costCode: '03-200',
    });
    expect(jan).toMatchObject({
      amountCents: 12550,
      incurredOn: '2025-01-15',
      vendor: 'Home Depot',
      receiptAttachmentId: receiptJan,
      costCode: '03-200',
      contractId: null,
    });
    await ok(201, admin.token, 'POST', costs(), {
      amountCents: 9900,
      incurredOn: '2025-02-03',
      vendor: 'Ready Mix',
      receiptAttachmentId: receiptFeb,
      contractId: prime.contractId,
    });
    await ok(201, admin.token, 'POST', costs(), { amountCents: 4000, incurredOn: '2025-01-20', vendor: 'Diner', description: 'No receipt kept' });
    const all = await ok(200, admin.token, 'GET', costs());
    expect(all.directCosts.map((d: { incurredOn: string }) => d.incurredOn)).toEqual(['2025-01-15', '2025-01-20', '2025-02-03']);
    expect(all.totalCents).toBe(26450);
    const january = await ok(200, admin.token, 'GET', `${costs()}?from=2025-01-01&to=2025-01-31`);
    expect(january.directCosts.map((d: { vendor: string }) => d.vendor)).toEqual(['Home Depot', 'Diner']);
  });

  it('refuses unknown receipts and contracts (422), non-admins (403), and hides costs from non-members', async () => {
    const bad = await api(admin.token, 'POST', costs(), {
      amountCents: 1,
      incurredOn: '2025-01-02',
      vendor: 'X',
      receiptAttachmentId: 'att_nope',
      contractId: 'ctr_nope',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['receiptAttachmentId', 'contractId']);
    const notCents = await api(admin.token, 'POST', costs(), { amountCents: 12.5, incurredOn: '2025-02-30', vendor: '' });
    expect(notCents.status).toBe(422);
    expect(notCents.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['amountCents', 'incurredOn', 'vendor']);
    const reader = await seedUser({ name: 'Reader' });
    await joinByInvitation(admin.token, prime.projectId, reader, { primeContracts: 'read_only', commitments: 'none' });
    expect((await api(reader.token, 'POST', costs(), { amountCents: 1, incurredOn: '2025-01-02', vendor: 'X' })).status).toBe(403);
    expect((await api(reader.token, 'GET', costs())).status).toBe(200);
    const contact = await seedUser({ name: 'Owner rep' });
    await joinByInvitation(admin.token, prime.projectId, contact);
    await ok(200, admin.token, 'PATCH', `/api/v1/contracts/${prime.contractId}`, { invoiceContactUserIds: [contact.id] });
    expect((await api(contact.token, 'GET', costs())).status).toBe(403);
    expect((await api((await seedUser({ name: 'Stranger' })).token, 'GET', costs())).status).toBe(404);
  });

  it("an owner invoice created with includeBackup gets the period's approved subcontractor invoices (as PDFs) and receipts", async () => {
    const created = await ok(201, admin.token, 'POST', `/api/v1/contracts/${prime.contractId}/invoices`, {
      billingPeriodId: prime.periodIds[0],
      includeBackup: true,
    });
    const invoiceId = created.invoice.id;
    const list = await waitFor('the period backup', async () => {
      const r = await ok(200, admin.token, 'GET', `/api/v1/invoices/${invoiceId}/attachments`);
      return r.attachments.length >= 3 ? r.attachments : null;
    });
    // approved and approved-as-noted subcontractor invoices of January, then January's receipt; not the
    // invoice still under review, not February's receipt, not the cost without a receipt
    expect(list.map((a: any) => [a.source, a.origin, a.fileName, a.position])).toEqual([
      ['subcontractor_invoice', 'generated', 'Invoice 1 - Concrete subcontract.pdf', 0],
      ['subcontractor_invoice', 'generated', 'Invoice 1 - Steel subcontract.pdf', 1],
      ['direct_cost', 'upload', 'receipt-scan.png', 2],
    ]);
    const [generated] = await db().select().from(attachments).where(eq(attachments.id, list[0].id));
    const pdf = await readPdf(await (await env.FILES.get(generated!.r2Key))!.arrayBuffer());
    expect(pdf.pages[0]!.text).toContain('Concrete subcontract');
    expect(rowWith(pdf.pages[0]!.items, ['8. CURRENT PAYMENT DUE', '24,897.17'])).toBeDefined();

    // a redelivered job attaches nothing twice
    await runPeriodBackup({ type: PERIOD_BACKUP_JOB, invoiceId, userId: admin.id }, env, execCtx());
    const again = await ok(200, admin.token, 'GET', `/api/v1/invoices/${invoiceId}/attachments`);
    expect(again.attachments.map((a: any) => a.id)).toEqual(list.map((a: any) => a.id));

    // and the invoice's compiled backup contains them: cover + invoice (2) + 2 × subcontractor PDF (2) + receipt (1)
    const queued = await ok(202, admin.token, 'POST', `/api/v1/projects/${prime.projectId}/invoice-backups`, { invoiceIds: [invoiceId] });
    const job = await waitForBackup(admin.token, queued.id);
    expect(job.parts[0].pageCount).toBe(8);
    expect(job.parts[0].contents[0]).toMatchObject({ firstPage: 2, pageCount: 7, attachmentCount: 3 });
  });

  it('without includeBackup nothing is attached, even if a job for it arrives', async () => {
    const latest = (await ok(200, admin.token, 'GET', `/api/v1/contracts/${prime.contractId}/invoices`)).invoices.at(-1);
    await ok(200, admin.token, 'POST', `/api/v1/invoices/${latest.id}/status`, { status: 'under_review' });
    const second = await ok(201, admin.token, 'POST', `/api/v1/contracts/${prime.contractId}/invoices`, { billingPeriodId: prime.periodIds[1] });
    await runPeriodBackup({ type: PERIOD_BACKUP_JOB, invoiceId: second.invoice.id, userId: admin.id }, env, execCtx());
    expect((await ok(200, admin.token, 'GET', `/api/v1/invoices/${second.invoice.id}/attachments`)).attachments).toEqual([]);
  });

  it('attaching files by hand: appended in order, twice is a no-op, files of others are refused', async () => {
    const latest = (await ok(200, admin.token, 'GET', `/api/v1/contracts/${prime.contractId}/invoices`)).invoices.at(-1);
    const once = await ok(201, admin.token, 'POST', `/api/v1/invoices/${latest.id}/attachments`, { attachmentIds: [receiptFeb] });
    const twice = await ok(201, admin.token, 'POST', `/api/v1/invoices/${latest.id}/attachments`, { attachmentIds: [receiptFeb] });
    expect(twice.attachments).toEqual(once.attachments);
    const other = await seedUser({ name: 'Other admin' });
    await joinByInvitation(admin.token, prime.projectId, other, { primeContracts: 'admin', commitments: 'admin' });
    const foreign = await storeAttachment(prime.projectId, admin.id, 'private.pdf', 'application/pdf', dataUrlBytes(fixtureFiles.subInvoice.dataUrl));
    const refused = await api(other.token, 'POST', `/api/v1/invoices/${latest.id}/attachments`, { attachmentIds: [foreign] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'attachmentIds.0', code: 'UNKNOWN_ATTACHMENT' });
    // a file already on an invoice the other admin can see may be reused
    expect((await api(other.token, 'POST', `/api/v1/invoices/${latest.id}/attachments`, { attachmentIds: [receiptFeb] })).status).toBe(201);
    const reader = await seedUser({ name: 'Reader 2' });
    await joinByInvitation(admin.token, prime.projectId, reader, { primeContracts: 'read_only', commitments: 'none' });
    expect((await api(reader.token, 'POST', `/api/v1/invoices/${latest.id}/attachments`, { attachmentIds: [receiptFeb] })).status).toBe(403);
  });
});

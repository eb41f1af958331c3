import { createExecutionContext, env } from 'cloudflare:test';
import type { ExecutionContext } from '@cloudflare/workers-types';
import { attachments } from '../src/db/schema';
import { newId } from '../src/lib/ids';
import { db, ok, seedCompany } from './helpers';
// The worked example, inlined by Vite's JSON import (workerd has no file system).
import fixture from '../../fixtures/g702-two-periods.json';

// The fixture's supporting documents, inlined by Vite as data: URLs (workerd has no file system).
import corruptPdf from '../../fixtures/attachments/corrupt-truncated.pdf?inline';
import deliveryJpg from '../../fixtures/attachments/delivery-ticket.jpg?inline';
import lockedPdf from '../../fixtures/attachments/locked-needs-open-password.pdf?inline';
import receiptPng from '../../fixtures/attachments/receipt-scan.png?inline';
import signedPdf from '../../fixtures/attachments/signed-change-order-owner-encrypted.pdf?inline';
import subInvoicePdf from '../../fixtures/attachments/subcontractor-invoice-0042.pdf?inline';

export { fixture };

// Builders for the PDF and backup worker tests: the fixture's contract and invoices over HTTP (as fixture-api.test.ts
// does), as a prime contract or a commitment, and attachments stored straight into D1 + R2.

export type FixtureBuild = { projectId: string; contractId: string; periodIds: string[]; invoiceIds: string[] };

export type FixtureOptions = {
  /** an existing project (its periods are reused when periodIds is given) */
  projectId?: string;
  project?: { name: string; number: string };
  periodIds?: string[];
  kind?: 'prime' | 'commitment';
  title?: string;
  /** the owner (prime) or the subcontractor (commitment) */
  counterpartyName?: string;
  architect?: string;
  contractDate?: string;
  descriptions?: Record<string, string>;
  /** how many of the fixture's invoices to create (0, 1 or 2); the periods are created for both */
  invoiceCount?: number;
  /** where each invoice ends; under_review = submitted, not approved */
  finalStatus?: 'approved' | 'approved_as_noted' | 'under_review';
};

/** Builds the fixture's contract, periods, change orders and invoices (entered, submitted, approved) through the API. */
export async function buildFixtureInvoices(token: string, opts: FixtureOptions = {}): Promise<FixtureBuild> {
  const projectId =
    opts.projectId ??
    (await ok(201, token, 'POST', '/api/v1/projects', { name: opts.project?.name ?? 'Fixture project', number: opts.project?.number ?? 'F-1' })).id;
  const counterpartyCompanyId = opts.counterpartyName ? await seedCompany(opts.counterpartyName) : null;
  const contract = await ok(201, token, 'POST', `/api/v1/projects/${projectId}/contracts`, {
    kind: opts.kind ?? 'prime',
    accountingMethod: 'amount',
    title: opts.title ?? 'Prime contract',
    counterpartyCompanyId,
    architect: opts.architect ?? '',
    contractDate: opts.contractDate ?? null,
    workRetainageBps: fixture.contract.retainage.workRateBps,
    storedRetainageBps: fixture.contract.retainage.storedRateBps,
  });
  await ok(200, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, {
    lines: fixture.sovLines.map((l) => ({
      itemNo: l.itemNo,
      description: opts.descriptions?.[l.itemNo] ?? l.description,
      scheduledValueCents: l.scheduledValueCents,
    })),
  });
  await ok(200, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const invoices = fixture.invoices.slice(0, opts.invoiceCount ?? 2);
  const periodIds = opts.periodIds ?? [];
  if (!opts.periodIds) {
    for (const inv of fixture.invoices) {
      const p = await ok(201, token, 'POST', `/api/v1/projects/${projectId}/billing-periods`, {
        schedule: 'manual',
        start: inv.billingPeriod.start,
        end: inv.billingPeriod.end,
        due: inv.billingPeriod.end,
      });
      periodIds.push(p.billingPeriods[0].id);
    }
  }
  const approveCo = async (co: (typeof fixture.changeOrders)[number]) => {
    const created = await ok(201, token, 'POST', `/api/v1/contracts/${contract.id}/change-orders`, {
      title: co.title,
      lines: [{ itemNo: co.lineItemNo, amountCents: co.amountCents }],
    });
    await ok(200, token, 'POST', `/api/v1/change-orders/${created.id}/approve`, { approvedOn: co.approvedOn });
  };
  await approveCo(fixture.changeOrders[0]!);
  const invoiceIds: string[] = [];
  for (const [i, inv] of invoices.entries()) {
    if (i === 1) await approveCo(fixture.changeOrders[1]!);
    const created = await ok(201, token, 'POST', `/api/v1/contracts/${contract.id}/invoices`, { billingPeriodId: periodIds[i] });
    invoiceIds.push(created.invoice.id);
    const edits = inv.lines.map((l) => ({
      itemNo: l.itemNo,
      workCompletedThisPeriod: l.input.workCompletedThisPeriodCents / 100,
      materialsPresentlyStored: l.input.materialsPresentlyStoredCents / 100,
    }));
    await ok(200, token, 'PATCH', `/api/v1/invoices/${created.invoice.id}/lines`, { edits }, { 'if-match': String(created.invoice.version) });
    await ok(200, token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: 'under_review' });
    if (opts.finalStatus !== 'under_review')
      await ok(200, token, 'POST', `/api/v1/invoices/${created.invoice.id}/status`, { status: opts.finalStatus ?? 'approved' });
  }
  return { projectId, contractId: contract.id, periodIds, invoiceIds };
}

/** A data: URL (Vite's `?inline` import of a fixture file) → its bytes. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** An uploaded file, stored the way the upload route stores one: bytes in R2, a row in D1. */
export async function storeAttachment(projectId: string, uploadedBy: string, fileName: string, contentType: string, bytes: Uint8Array): Promise<string> {
  const id = newId('att');
  const r2Key = `projects/${projectId}/attachments/${id}/${fileName}`;
  await env.FILES.put(r2Key, bytes);
  await db().insert(attachments).values({ id, projectId, fileName, contentType, sizeBytes: bytes.byteLength, r2Key, origin: 'upload', uploadedBy });
  return id;
}

/** Polls until `check` returns a value (or the time runs out): queue work is asynchronous. */
export async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const fixtureFiles = {
  subInvoice: { fileName: 'subcontractor-invoice-0042.pdf', contentType: 'application/pdf', dataUrl: subInvoicePdf, pages: 2 },
  receipt: { fileName: 'receipt-scan.png', contentType: 'image/png', dataUrl: receiptPng, pages: 1 },
  signed: { fileName: 'signed-change-order-owner-encrypted.pdf', contentType: 'application/pdf', dataUrl: signedPdf, pages: 3 },
  corrupt: { fileName: 'corrupt-truncated.pdf', contentType: 'application/pdf', dataUrl: corruptPdf, pages: 0 },
  locked: { fileName: 'locked-needs-open-password.pdf', contentType: 'application/pdf', dataUrl: lockedPdf, pages: 0 },
  delivery: { fileName: 'delivery-ticket.jpg', contentType: 'image/jpeg', dataUrl: deliveryJpg, pages: 1 },
} as const;

export type BackupScenario = FixtureBuild & { subContractId: string; ids: { inv1: string; inv2: string; sub1: string } };

/**
 * Three invoices with attachments, attached through POST /invoices/:id/attachments:
 * owner invoice 1: a PDF (2 pages) and a PNG; owner invoice 2: an owner-password-encrypted PDF
 * (3 pages) and a corrupt file; subcontractor invoice 1: a PDF locked by an open password and a JPEG.
 */
export async function buildBackupScenario(token: string, userId: string): Promise<BackupScenario> {
  const owner = await buildFixtureInvoices(token, { counterpartyName: 'Springfield Health Partners LLC' });
  const sub = await buildFixtureInvoices(token, {
    projectId: owner.projectId,
    periodIds: owner.periodIds,
    kind: 'commitment',
    title: 'Concrete subcontract',
    counterpartyName: 'Acme Concrete',
    invoiceCount: 1,
  });
  const ids = { inv1: owner.invoiceIds[0]!, inv2: owner.invoiceIds[1]!, sub1: sub.invoiceIds[0]! };
  const attach = async (invoiceId: string, files: Array<keyof typeof fixtureFiles>) => {
    const attachmentIds = [];
    for (const f of files) {
      const file = fixtureFiles[f];
      attachmentIds.push(await storeAttachment(owner.projectId, userId, file.fileName, file.contentType, dataUrlBytes(file.dataUrl)));
    }
    await ok(201, token, 'POST', `/api/v1/invoices/${invoiceId}/attachments`, { attachmentIds });
  };
  await attach(ids.inv1, ['subInvoice', 'receipt']);
  await attach(ids.inv2, ['signed', 'corrupt']);
  await attach(ids.sub1, ['locked', 'delivery']);
  return { ...owner, subContractId: sub.contractId, ids };
}

/** Waits for a backup job to finish (done or failed) and returns its view. */
export async function waitForBackup(token: string, jobId: string): Promise<any> {
  return waitFor(`backup ${jobId}`, async () => {
    const job = await ok(200, token, 'GET', `/api/v1/invoice-backups/${jobId}`);
    return job.status === 'done' || job.status === 'failed' ? job : null;
  });
}

/** An ExecutionContext for calling a queue handler directly (as a redelivered message would run it). */
export const execCtx = () => createExecutionContext() as unknown as ExecutionContext;

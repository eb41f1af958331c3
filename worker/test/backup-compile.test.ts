import { env, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceBackupJobs } from '../src/db/schema';
import { readOutline } from '../src/pdf/outline';
import { backupPartKey, BACKUP_PART_JOB, runBackupPart } from '../src/services/backups/run-backup-part';
import { db, ok, seedCompany, seedUser } from './helpers';
import { buildBackupScenario, waitForBackup, type BackupScenario, execCtx } from './pdf-builders';
import { readPdf, rowWith } from './pdf-text';

// POST /projects/:id/invoice-backups → queue → one PDF: cover with contents and the files left
// out, each invoice's PDF then its attachments (the owner-password PDF included, images as
// pages), bookmarks per invoice; split into parts under a byte budget.

const download = async (token: string, path: string) => {
  const res = await SELF.fetch(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
};

describe('compiled invoice backup', () => {
  let admin: { token: string; id: string };
  let s: BackupScenario;
  let job: any;

  beforeAll(async () => {
    admin = await seedUser({ name: 'Ana Ruiz', companyId: await seedCompany('Northwind Builders Inc.') });
    s = await buildBackupScenario(admin.token, admin.id);
    const queued = await ok(202, admin.token, 'POST', `/api/v1/projects/${s.projectId}/invoice-backups`, {
      invoiceIds: [s.ids.inv1, s.ids.inv2, s.ids.sub1],
      timeZone: 'America/Chicago',
    });
    expect(queued.status).toBe('queued');
    job = await waitForBackup(admin.token, queued.id);
  });

  it('is done, with progress, readyAt and a file name without ":"', async () => {
    expect(job.status).toBe('done');
    expect(job.error).toBeNull();
    expect(job.progress).toEqual({ partsDone: 1, partCount: 1, invoicesDone: 3, invoicesTotal: 3, percent: 100 });
    expect(job.readyAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(job.fileName).toMatch(/^Invoice backup - Fixture project - F-1 - \d{4}-\d{2}-\d{2} - \d{2}\.\d{2}\.pdf$/);
    const mine = await ok(200, admin.token, 'GET', `/api/v1/invoice-backups?projectId=${s.projectId}`);
    expect(mine.backups.map((b: { id: string; readyAt: string }) => [b.id, b.readyAt])).toContainEqual([job.id, job.readyAt]);
  });

  it('holds cover + 3 × (invoice PDF + attachments): 14 pages, and lists the corrupt and the locked file as not included', async () => {
    const part = job.parts[0];
    expect(part.pageCount).toBe(14);
    expect(part.contents.map((e: any) => [e.invoiceNumber, e.contractTitle, e.firstPage, e.pageCount, e.attachmentCount])).toEqual([
      [1, 'Prime contract', 2, 5, 2], // G702 + G703 + 2-page PDF + PNG page
      [2, 'Prime contract', 7, 5, 1], // G702 + G703 + 3 pages of the encrypted PDF (the corrupt file is out)
      [1, 'Concrete subcontract', 12, 3, 1], // G702 + G703 + JPEG page (the locked PDF is out)
    ]);
    expect(part.notIncluded.map((x: any) => [x.invoiceNumber, x.fileName, x.reason.code])).toEqual([
      [2, 'corrupt-truncated.pdf', 'corrupt'],
      [1, 'locked-needs-open-password.pdf', 'needs_password'],
    ]);

    const { res, bytes } = await download(admin.token, part.downloadPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(job.fileName)}`);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    const { doc, pages } = await readPdf(bytes);
    expect(doc.getPageCount()).toBe(14);

    const cover = pages[0]!;
    expect(cover.text).toContain('INVOICE BACKUP');
    expect(rowWith(cover.items, ['Invoice #1', '#1 Prime contract', '01/01/2025 – 01/31/2025', '2 attachments', '2'])).toBeDefined();
    expect(rowWith(cover.items, ['Invoice #2', '#1 Prime contract', '02/01/2025 – 02/28/2025', '1 attachment', '7'])).toBeDefined();
    expect(rowWith(cover.items, ['Invoice #1', '#1 Concrete subcontract', '01/01/2025 – 01/31/2025', '1 attachment', '12'])).toBeDefined();
    expect(rowWith(cover.items, ['Invoice #2', 'corrupt-truncated.pdf', 'Not a readable PDF (damaged or truncated)'])).toBeDefined();
    expect(rowWith(cover.items, ['Invoice #1', 'locked-needs-open-password.pdf', 'Locked with an open password'])).toBeDefined();
    expect(cover.text).toContain('(America/Chicago)');

    expect(readOutline(doc)).toEqual([
      { title: 'CONTENTS', pageIndex: 0 },
      { title: 'Invoice #1 — #1 Prime contract (01/01/2025 – 01/31/2025)', pageIndex: 1 },
      { title: 'Invoice #2 — #1 Prime contract (02/01/2025 – 02/28/2025)', pageIndex: 6 },
      { title: 'Invoice #1 — #1 Concrete subcontract (01/01/2025 – 01/31/2025)', pageIndex: 11 },
    ]);
  });

  it('puts every page where the contents say: invoice PDFs, the PDF attachment, the decrypted e-signed pages, the images', async () => {
    const { bytes } = await download(admin.token, job.parts[0].downloadPath);
    const { pages } = await readPdf(bytes);
    expect(pages[1]!.text).toContain('APPLICATION AND CERTIFICATE FOR PAYMENT');
    expect(rowWith(pages[1]!.items, ['8. CURRENT PAYMENT DUE', '24,897.17'])).toBeDefined();
    expect(pages[2]!.text).toContain('CONTINUATION SHEET');
    expect(pages[3]!.text).toContain('Subcontractor invoice 0042 - Acme Concrete');
    expect(pages[3]!.text).toContain('Page 1 of 2');
    expect(pages[4]!.text).toContain('Page 2 of 2');
    // PNG 340 × 440 px on a portrait page, aspect kept
    expect(pages[5]!.images).toHaveLength(1);
    const png = pages[5]!.images[0]!;
    expect([png.width, png.height]).toEqual([340, 440]);
    expect(png.drawWidth / png.drawHeight).toBeCloseTo(340 / 440, 3);
    expect(pages[5]!.text).toContain('receipt-scan.png');
    expect(rowWith(pages[6]!.items, ['8. CURRENT PAYMENT DUE', '19,252.83'])).toBeDefined();
    for (const k of [1, 2, 3]) {
      expect(pages[7 + k]!.text, `encrypted page ${k}`).toContain('Signed change order 7 (e-signed copy)');
      expect(pages[7 + k]!.text).toContain(`Page ${k} of 3`);
    }
    expect(pages[11]!.text).toContain('TO CONTRACTOR:'); // a subcontractor invoice bills the contractor
    expect(pages[11]!.text).toContain('Acme Concrete');
    expect(pages[13]!.images.map((i) => [i.width, i.height])).toEqual([[340, 440]]);
  });

  it('a second delivery of a finished part does not compile it again (at-least-once queue)', async () => {
    const before = await env.FILES.head(backupPartKey({ projectId: s.projectId, id: job.id }, 1));
    await db().update(invoiceBackupJobs).set({ status: 'running' }).where(eq(invoiceBackupJobs.id, job.id));
    await runBackupPart({ type: BACKUP_PART_JOB, jobId: job.id, partNo: 1 }, env, execCtx());
    const after = await env.FILES.head(backupPartKey({ projectId: s.projectId, id: job.id }, 1));
    expect(after!.etag).toBe(before!.etag);
    expect(after!.uploaded.getTime()).toBe(before!.uploaded.getTime());
    const again = await ok(200, admin.token, 'GET', `/api/v1/invoice-backups/${job.id}`);
    expect(again.status).toBe('done');
  });

  it('splits into parts under a byte budget: "part n of N", continued invoices, every page once', async () => {
    const queued = await ok(202, admin.token, 'POST', `/api/v1/projects/${s.projectId}/invoice-backups`, {
      invoiceIds: [s.ids.inv1, s.ids.inv2, s.ids.sub1],
      maxPartBytes: 16 * 1024,
    });
    const split = await waitForBackup(admin.token, queued.id);
    expect(split.status).toBe('done');
    expect(split.progress.partCount).toBeGreaterThan(1);
    const n = split.progress.partCount;
    let contentPages = 0;
    const continued: number[] = [];
    for (const part of split.parts) {
      expect(part.fileName).toMatch(new RegExp(`^Invoice backup - Fixture project - F-1 - .* \\(part ${part.partNo} of ${n}\\)\\.pdf$`));
      const { bytes } = await download(admin.token, part.downloadPath);
      const { doc, pages } = await readPdf(bytes);
      expect(pages[0]!.text).toContain(`Part ${part.partNo} of ${n}`);
      expect(doc.getPageCount()).toBe(part.pageCount);
      contentPages += part.contents.reduce((sum: number, e: any) => sum + e.pageCount, 0);
      continued.push(...part.contents.filter((e: any) => e.isContinued).map((e: any) => e.invoiceNumber));
    }
    expect(contentPages).toBe(13); // the same 13 pages as the single file, each exactly once
    expect(continued.length).toBeGreaterThan(0);
    const corruptAndLocked = split.parts.flatMap((p: any) => p.notIncluded.map((x: any) => x.fileName)).sort();
    expect(corruptAndLocked).toEqual(['corrupt-truncated.pdf', 'locked-needs-open-password.pdf']);
  });
});

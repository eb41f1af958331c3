// compileVolume() in Node with the fixture's documents from an in-memory store (the worker uses
// R2 through the same BlobStore interface), read back by poppler and qpdf; and the pure pieces:
// volume planning, file names, content disposition, file type sniffing.
import { PDFDocument } from '@cantoo/pdf-lib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import { sniffKind } from '../../worker/src/pdf/backup/append-attachment';
import { compileVolume } from '../../worker/src/pdf/backup/compile-volume';
import { backupFileName, localDateTime } from '../../worker/src/pdf/backup/file-name';
import { estimateInvoicePdfBytes, planVolumes } from '../../worker/src/pdf/backup/plan-volumes';
import type { BackupAttachment, BackupInvoice } from '../../worker/src/pdf/backup/types';
import { contentDisposition } from '../../worker/src/lib/content-disposition';
import { readOutline } from '../../worker/src/pdf/outline';
import { nodeTtf } from './node-fonts';
import { hasTools, pdfInfo, pdfText, qpdfCheck, tempPdf } from './pdf-tools';
import { attachmentsDir, fixtureInvoices } from './sample-invoices';

const file = (name: string, contentType: string): BackupAttachment => ({
  id: name,
  fileName: name,
  contentType,
  sizeBytes: readFileSync(attachmentsDir + name).byteLength,
  r2Key: name,
});
const store = { get: async (key: string) => (key === 'gone.pdf' ? null : new Uint8Array(readFileSync(attachmentsDir + key))) };
const invoice = (n: number, contract: number, attachments: BackupAttachment[], lineCount = 3): BackupInvoice => ({
  invoiceId: `inv${n}-${contract}`,
  number: n,
  contractNumber: contract,
  contractTitle: contract === 1 ? 'Prime contract' : 'Concrete subcontract',
  periodStart: '2025-01-01',
  periodEnd: '2025-01-31',
  lineCount,
  attachments,
});

describe('compiled backup volume (Node, in-memory store)', () => {
  const invoices = [
    invoice(1, 1, [file('subcontractor-invoice-0042.pdf', 'application/pdf'), file('receipt-scan.png', 'image/png')]),
    invoice(2, 1, [
      file('signed-change-order-owner-encrypted.pdf', 'application/pdf'),
      file('corrupt-truncated.pdf', 'application/pdf'),
      { ...file('lien-waiver-conditional.pdf', 'application/pdf'), r2Key: 'gone.pdf', fileName: 'lien-waiver.pdf' },
    ]),
    invoice(1, 2, [
      file('locked-needs-open-password.pdf', 'application/pdf'),
      file('delivery-ticket.jpg', 'application/octet-stream'),
      { ...file('receipt-scan.png', 'text/plain'), fileName: 'notes.txt' },
    ]),
  ];
  const [i1, i2] = fixtureInvoices();
  const views = new Map([
    ['inv1-1', i1!],
    ['inv2-1', i2!],
    ['inv1-2', i1!],
  ]);
  const meta = {
    projectName: 'Riverside MOB',
    projectNumber: 'RMOB-2025',
    requestedBy: 'Ana Ruiz',
    compiledAt: { date: '2026-11-22', time: '14:05', timeZone: 'America/Chicago' },
    partNo: 1,
    partCount: 1,
  };
  const compile = async () => {
    const [plan] = planVolumes(invoices);
    return compileVolume({ invoices, plan: plan!, meta, labels: pdfLabels('en') }, { store, ttf: nodeTtf, loadInvoice: async (id) => views.get(id)! });
  };

  it('pages, contents, bookmarks and the files left out with their reasons', async () => {
    const r = await compile();
    expect(r.pageCount).toBe(14);
    expect(r.toc.map((e) => [e.invoiceNumber, e.contractNumber, e.firstPage, e.pageCount])).toEqual([
      [1, 1, 2, 5],
      [2, 1, 7, 5],
      [1, 2, 12, 3],
    ]);
    expect(r.excluded.map((x) => [x.fileName, x.reason.code])).toEqual([
      ['notes.txt', 'unsupported_type'], // left out at planning: not a PDF or an image
      ['corrupt-truncated.pdf', 'corrupt'],
      ['lien-waiver.pdf', 'missing'],
      ['locked-needs-open-password.pdf', 'needs_password'],
    ]);
    const doc = await PDFDocument.load(r.bytes);
    expect(readOutline(doc).map((o) => o.pageIndex)).toEqual([0, 1, 6, 11]);
  });

  it.skipIf(!hasTools)('is a valid PDF whose e-signed pages and images read back', async () => {
    const path = tempPdf((await compile()).bytes);
    expect(qpdfCheck(path).status).toBe(0);
    expect(pdfInfo(path).Pages).toBe('14');
    expect(pdfInfo(path).Encrypted).toBe('no');
    const pages = pdfText(path).split('\f');
    expect(pages[0]).toContain('INVOICE BACKUP');
    expect(pages[0]).toMatch(/Invoice #2\s+#1 Prime contract\s+corrupt-truncated\.pdf\s+Not a readable PDF/);
    expect(pages[0]).toMatch(/lien-waiver\.pdf\s+File is missing from storage/);
    expect(pages[0]).toMatch(/notes\.txt\s+File type not supported in a PDF backup \(text\/plain\)/);
    for (const k of [1, 2, 3]) expect(pages[7 + k]).toContain(`Signed change order 7 (e-signed copy)\nPage ${k} of 3`);
    expect(pages[5]).toContain('Invoice #1 attachment: receipt-scan.png');
    expect(pages[13]).toContain('Invoice #1 attachment: delivery-ticket.jpg');
  });
});

describe('volume planning', () => {
  const pdf = (id: string, sizeBytes: number): BackupAttachment => ({ id, fileName: `${id}.pdf`, contentType: 'application/pdf', sizeBytes, r2Key: id });
  const inv = estimateInvoicePdfBytes(3);

  it('keeps invoices whole when they fit, starts a new volume when the budget would be exceeded', () => {
    const plans = planVolumes([invoice(1, 1, [pdf('a', 1000)]), invoice(2, 1, [pdf('b', 1000)]), invoice(3, 1, [pdf('c', 1000)])], 2 * (inv + 1000));
    expect(plans.map((p) => p.segments.map((s) => [s.invoiceIndex, s.includesInvoicePdf, s.attachments.map((a) => a.id)]))).toEqual([
      [
        [0, true, ['a']],
        [1, true, ['b']],
      ],
      [[2, true, ['c']]],
    ]);
    expect(plans[0]!.estimatedBytes).toBe(2 * (inv + 1000));
  });

  it('continues an invoice whose attachments exceed the budget in the next volume; reports files larger than a volume', () => {
    const plans = planVolumes([invoice(1, 1, [pdf('a', 30_000), pdf('b', 30_000), pdf('huge', 50_001)])], 50_000);
    expect(plans.map((p) => p.segments.map((s) => [s.includesInvoicePdf, s.attachments.map((a) => a.id)]))).toEqual([[[true, ['a']]], [[false, ['b']]]]);
    expect(plans[0]!.excluded).toEqual([
      {
        invoiceNumber: 1,
        contractNumber: 1,
        contractTitle: 'Prime contract',
        attachmentId: 'huge',
        fileName: 'huge.pdf',
        reason: { code: 'too_large', sizeBytes: 50_001, limitBytes: 50_000 },
      },
    ]);
    expect(() => planVolumes([], 0)).toThrow(RangeError);
  });
});

describe('names and types', () => {
  it('backup file name: project, number, local date and time with a dot, part suffix', () => {
    const local = localDateTime(new Date('2026-11-22T20:05:00Z'), 'America/Chicago');
    expect(local).toEqual({ date: '2026-11-22', time: '14:05', timeZone: 'America/Chicago' });
    expect(backupFileName('Riverside: Phase 2/3', 'RMOB-2025', local)).toBe('Invoice backup - Riverside Phase 2 3 - RMOB-2025 - 2026-11-22 - 14.05.pdf');
    expect(backupFileName('Riverside', '', local, { no: 2, count: 3 })).toBe('Invoice backup - Riverside - 2026-11-22 - 14.05 (part 2 of 3).pdf');
    expect(localDateTime(new Date('2026-11-22T23:30:00Z'), 'Europe/Paris').date).toBe('2026-11-23');
  });

  it('content disposition: ASCII fallback and exact UTF-8 name', () => {
    expect(contentDisposition('Invoice 1 - Фаза "A".pdf', true)).toBe(
      `attachment; filename="Invoice 1 - ____ _A_.pdf"; filename*=UTF-8''Invoice%201%20-%20%D0%A4%D0%B0%D0%B7%D0%B0%20%22A%22.pdf`,
    );
  });

  it('sniffs what the bytes are, whatever the upload claimed', () => {
    const read = (name: string) => new Uint8Array(readFileSync(attachmentsDir + name));
    expect(sniffKind(read('receipt-scan.png'))).toBe('png');
    expect(sniffKind(read('delivery-ticket.jpg'))).toBe('jpeg');
    expect(sniffKind(read('corrupt-truncated.pdf'))).toBe('pdf');
    expect(sniffKind(new TextEncoder().encode('hello'))).toBeNull();
  });
});

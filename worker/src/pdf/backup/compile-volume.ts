import { PDFDocument } from '@cantoo/pdf-lib';
import { NO_YIELD_LOAD, NO_YIELD_SAVE } from '../pdf-speed';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { DocFonts } from '../fonts';
import { addOutline, type OutlineItem } from '../outline';
import { PORTRAIT } from '../page-parts';
import { renderInvoicePdf } from '../render-invoice';
import { appendAttachment } from './append-attachment';
import { coverPageCount, coverTexts, drawCover } from './cover-page';
import {
  type BackupInvoice,
  type CompileDeps,
  type Excluded,
  excludedEntry,
  type TocEntry,
  type VolumeMeta,
  type VolumePlan,
  type VolumeResult,
} from './types';

export type VolumeInput = { invoices: BackupInvoice[]; plan: VolumePlan; meta: VolumeMeta; labels: PdfLabels };

/**
 * Compiles one volume of an invoice backup: for each planned segment, the invoice's PDF then its
 * attachments in order; then the cover (table of contents, files not included) in front, and one
 * bookmark per invoice. Inputs are fetched and released one at a time: at any moment memory
 * holds the output document plus a single input, which is what the volume budget bounds.
 */
export async function compileVolume(input: VolumeInput, deps: CompileDeps): Promise<VolumeResult> {
  const { invoices, plan, meta, labels } = input;
  const doc = await PDFDocument.create();
  const fonts = await DocFonts.create(doc, deps.ttf);
  const toc: TocEntry[] = [];
  const excluded: Excluded[] = [...plan.excluded];

  for (const [segmentIndex, segment] of plan.segments.entries()) {
    const inv = invoices[segment.invoiceIndex];
    if (!inv) throw new RangeError(`Segment ${segmentIndex} names invoice #${segment.invoiceIndex}, which is not in the job`);
    const first = doc.getPageCount();
    if (segment.includesInvoicePdf) {
      // rendered on its own and copied in: the drawing's operator objects die with the small document
      const rendered = deps.renderedInvoice
        ? await deps.renderedInvoice(inv.invoiceId)
        : await renderInvoicePdf(await deps.loadInvoice(inv.invoiceId), labels, deps.ttf);
      const source = await PDFDocument.load(rendered, NO_YIELD_LOAD);
      for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
    }
    let included = 0;
    for (const a of segment.attachments) {
      const exclude = (reason: Excluded['reason']) => excluded.push(excludedEntry(inv, a, reason));
      const bytes = await deps.store.get(a.r2Key);
      if (!bytes) {
        exclude({ code: 'missing' });
        continue;
      }
      const result = await appendAttachment(doc, fonts, labels, bytes, { fileName: a.fileName, contentType: a.contentType, invoiceNumber: inv.number });
      if (result.isIncluded) included++;
      else exclude(result.reason);
    }
    const pageCount = doc.getPageCount() - first;
    toc.push({
      invoiceNumber: inv.number,
      contractNumber: inv.contractNumber,
      contractTitle: inv.contractTitle,
      periodStart: inv.periodStart,
      periodEnd: inv.periodEnd,
      isContinued: !segment.includesInvoicePdf,
      attachmentCount: included,
      firstPage: pageCount ? first + 1 : null,
      pageCount,
    });
    await deps.onSegmentDone?.(segmentIndex);
  }

  // The cover goes in front; its size is known only now (how many entries, what was left out).
  await fonts.prepare(coverTexts(labels, meta, toc, excluded));
  const coverCount = coverPageCount(labels, meta, toc, excluded);
  const coverPages = Array.from({ length: coverCount }, (_, i) => doc.insertPage(i, [PORTRAIT.width, PORTRAIT.height]));
  drawCover(coverPages, fonts, labels, meta, toc, excluded, coverCount, doc.getPageCount());
  const finalToc = toc.map((e) => ({ ...e, firstPage: e.firstPage === null ? null : e.firstPage + coverCount }));

  const outline: OutlineItem[] = [{ title: labels.backup.contents, pageIndex: 0 }];
  for (const e of finalToc) {
    if (e.firstPage === null) continue;
    const period = `${labels.date(e.periodStart)} – ${labels.date(e.periodEnd)}`;
    const title = `${labels.backup.invoice(e.invoiceNumber)}${e.isContinued ? ` ${labels.backup.continued}` : ''} — #${e.contractNumber} ${e.contractTitle} (${period})`;
    outline.push({ title, pageIndex: e.firstPage - 1 });
  }
  addOutline(doc, outline);

  const project = [meta.projectName, meta.projectNumber].filter(Boolean).join(' — ');
  doc.setTitle(`${labels.backup.title} — ${project}${meta.partCount > 1 ? ` — ${labels.backup.part(meta.partNo, meta.partCount)}` : ''}`);
  doc.setCreator('Progress Billing');
  doc.setLanguage(labels.locale);
  // Plain cross-reference table: object streams would cost CPU and a second copy while saving.
  const bytes = await doc.save({ ...NO_YIELD_SAVE, useObjectStreams: false });
  return { bytes, pageCount: doc.getPageCount(), toc: finalToc, excluded };
}

import { safeFileName } from '@shared/file-name';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { DocFonts, type TtfSource } from './fonts';
import { drawG702 } from './g702-page';
import { paginateG703 } from './g703-layout';
import { drawG703Page } from './g703-page';
import { beginBatch, endBatch, type OpsSlice } from './page-ops';
import { LANDSCAPE, PORTRAIT } from './page-parts';
import { NO_YIELD_SAVE } from './pdf-speed';
import { textsOf, type InvoicePdfInput } from './types';

/**
 * Appends one invoice (G702 page + G703 continuation pages) to `doc`. Pure: the figures come from
 * `input` as they are (the server's, to the cent), nothing is recomputed but page/group sums.
 * Returns where the invoice starts and how many pages it took.
 */
export async function drawInvoice(
  doc: PDFDocument,
  fonts: DocFonts,
  input: InvoicePdfInput,
  labels: PdfLabels,
): Promise<{ firstPageIndex: number; pageCount: number }> {
  await fonts.prepare(textsOf(input));
  const firstPageIndex = doc.getPageCount();
  const g703Pages = paginateG703(input.view.lines, fonts, labels);
  const pageCount = 1 + g703Pages.length;
  const g702 = doc.addPage([PORTRAIT.width, PORTRAIT.height]);
  beginBatch(g702);
  drawG702(g702, fonts, input, labels, 1, pageCount);
  endBatch(g702);
  // the head of a G703 page (title, facts, column heads) is the same on every page: drawn once
  let head: OpsSlice | undefined;
  for (const [i, g] of g703Pages.entries()) {
    const page = doc.addPage([LANDSCAPE.width, LANDSCAPE.height]);
    beginBatch(page);
    head = drawG703Page(page, g, {
      fonts,
      input,
      L: labels,
      pageNo: i + 2,
      pageCount,
      isLast: i === g703Pages.length - 1,
      showPageSubtotal: g703Pages.length > 1,
      head,
    });
    endBatch(page);
  }
  return { firstPageIndex, pageCount };
}

/** `Invoice <N> - <contract title>.pdf`, safe as a file name on every OS. */
export function invoicePdfFileName(input: Pick<InvoicePdfInput, 'view'>): string {
  return safeFileName(`Invoice ${input.view.invoice.number} - ${input.view.contract.title}`, 'Invoice') + '.pdf';
}

/** The invoice PDF as bytes: one document holding the G702 and the G703 pages. */
export async function renderInvoicePdf(input: InvoicePdfInput, labels: PdfLabels, ttf: TtfSource): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await DocFonts.create(doc, ttf);
  await drawInvoice(doc, fonts, input, labels);
  doc.setTitle(invoicePdfFileName(input).replace(/\.pdf$/, ''));
  doc.setAuthor(input.header.fromName);
  doc.setSubject(`${labels.g702.title} — ${input.header.projectName}`);
  doc.setCreator('Progress Billing');
  doc.setLanguage(labels.locale);
  return doc.save(NO_YIELD_SAVE);
}

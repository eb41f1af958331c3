import type { PDFPage } from '@cantoo/pdf-lib';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { box, drawFitted, drawText, fitText, gray, hLine, shade, type TextStyle } from '../draw';
import type { DocFonts } from '../fonts';
import { PORTRAIT } from '../page-parts';
import type { Excluded, ExclusionReason, TocEntry, VolumeMeta } from './types';

// The backup's cover: title block, table of contents (invoice → first page) and the attachments
// that are not included, with the reason. Rows flow onto further cover pages when needed.

const M = 36;
const RIGHT = PORTRAIT.width - M;
const TOP = 40;
const BOTTOM = PORTRAIT.height - 56; // leaves room for the footer
const ROW = 15;

type Cell = { text: string; x: number; width: number; align?: 'left' | 'right'; style?: TextStyle };
type Row = { height: number; kind: 'title' | 'heading' | 'header' | 'row' | 'note'; cells: Cell[]; repeatHeader?: Row };

const cell = (text: string, x: number, width: number, align: 'left' | 'right' = 'left', style?: TextStyle): Cell => ({ text, x, width, align, style });

export function reasonText(reason: ExclusionReason, L: PdfLabels): string {
  const r = L.backup.reasons;
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  switch (reason.code) {
    case 'corrupt':
      return r.corrupt;
    case 'needs_password':
      return r.needsPassword;
    case 'unsupported_type':
      return r.unsupportedType(reason.contentType);
    case 'too_large':
      return r.tooLarge(mb(reason.sizeBytes), mb(reason.limitBytes));
    case 'image_too_large':
      return r.imageTooLarge(reason.widthPx, reason.heightPx, reason.limitMegapixels);
    case 'missing':
      return r.missing;
  }
}

function rowsOf(L: PdfLabels, meta: VolumeMeta, toc: TocEntry[], excluded: Excluded[], pageOffset: number): Row[] {
  const b = L.backup;
  const bold: TextStyle = { size: 7.5, isBold: true };
  const compiled = `${L.date(meta.compiledAt.date)} ${meta.compiledAt.time} (${meta.compiledAt.timeZone})`;
  const project = [meta.projectName, meta.projectNumber].filter(Boolean).join(' — ');
  const rows: Row[] = [
    {
      kind: 'title',
      height: 24,
      cells: [
        cell(b.title, M, 360, 'left', { size: 16, isBold: true }),
        ...(meta.partCount > 1 ? [cell(b.part(meta.partNo, meta.partCount), RIGHT, 160, 'right', { size: 11, isBold: true })] : []),
      ],
    },
    { kind: 'note', height: 14, cells: [cell(b.project, M, 80, 'left', { size: 8, color: gray }), cell(project, M + 84, 420, 'left', { size: 9 })] },
    { kind: 'note', height: 14, cells: [cell(b.compiledAt, M, 80, 'left', { size: 8, color: gray }), cell(compiled, M + 84, 420, 'left', { size: 9 })] },
    {
      kind: 'note',
      height: 24,
      cells: [cell(b.requestedBy, M, 80, 'left', { size: 8, color: gray }), cell(meta.requestedBy, M + 84, 420, 'left', { size: 9 })],
    },
    { kind: 'heading', height: 22, cells: [cell(b.contents, M, 300, 'left', { size: 10, isBold: true })] },
  ];
  const tocHeader: Row = {
    kind: 'header',
    height: ROW,
    cells: [
      cell(b.invoiceColumn, M + 3, 90, 'left', bold),
      cell(b.contract, 134, 196, 'left', bold),
      cell(b.period, 334, 130, 'left', bold),
      cell('', 470, 50, 'right', bold),
      cell(b.page, RIGHT - 3, 50, 'right', bold),
    ],
  };
  rows.push(tocHeader);
  for (const e of toc) {
    const invoice = e.isContinued ? `${b.invoice(e.invoiceNumber)} ${b.continued}` : b.invoice(e.invoiceNumber);
    rows.push({
      kind: 'row',
      height: ROW,
      repeatHeader: tocHeader,
      cells: [
        cell(invoice, M + 3, 94, 'left'),
        cell(`#${e.contractNumber} ${e.contractTitle}`, 134, 196),
        cell(`${L.date(e.periodStart)} – ${L.date(e.periodEnd)}`, 334, 130),
        cell(e.attachmentCount ? b.attachments(e.attachmentCount) : '', 520, 60, 'right', { size: 7, color: gray }),
        cell(e.firstPage === null ? '—' : String(e.firstPage + pageOffset), RIGHT - 3, 40, 'right', bold),
      ],
    });
  }
  rows.push({ kind: 'note', height: 16, cells: [] });
  rows.push({ kind: 'heading', height: 22, cells: [cell(b.notIncludedTitle, M, 400, 'left', { size: 10, isBold: true })] });
  if (!excluded.length) {
    rows.push({ kind: 'note', height: ROW, cells: [cell(b.allIncluded, M, 400, 'left', { size: 8 })] });
    return rows;
  }
  const exHeader: Row = {
    kind: 'header',
    height: ROW,
    cells: [
      cell(b.invoiceColumn, M + 3, 72, 'left', bold),
      cell(b.contract, 114, 108, 'left', bold),
      cell(b.file, 226, 146, 'left', bold),
      cell(b.reason, 376, RIGHT - 376 - 3, 'left', bold),
    ],
  };
  rows.push(exHeader);
  for (const x of excluded) {
    rows.push({
      kind: 'row',
      height: ROW,
      repeatHeader: exHeader,
      cells: [
        cell(b.invoice(x.invoiceNumber), M + 3, 72),
        cell(`#${x.contractNumber} ${x.contractTitle}`, 114, 108),
        cell(x.fileName, 226, 146),
        cell(reasonText(x.reason, L), 376, RIGHT - 376 - 3),
      ],
    });
  }
  return rows;
}

/** Texts the cover draws (the caller prepares the fonts for them). */
export function coverTexts(L: PdfLabels, meta: VolumeMeta, toc: TocEntry[], excluded: Excluded[]): string[] {
  return rowsOf(L, meta, toc, excluded, 0).flatMap((r) => r.cells.map((c) => c.text));
}

/** Rows → cover pages. A table row continuing on a new page brings its table's header along. */
function paginate(rows: Row[]): Row[][] {
  const pages: Row[][] = [[]];
  let used = 0;
  for (const row of rows) {
    if (used + row.height > BOTTOM - TOP && pages.at(-1)!.length) {
      pages.push([]);
      used = 0;
      if (row.kind === 'row' && row.repeatHeader) {
        pages.at(-1)!.push(row.repeatHeader);
        used += row.repeatHeader.height;
      }
    }
    pages.at(-1)!.push(row);
    used += row.height;
  }
  return pages;
}

export function coverPageCount(L: PdfLabels, meta: VolumeMeta, toc: TocEntry[], excluded: Excluded[]): number {
  return paginate(rowsOf(L, meta, toc, excluded, 0)).length;
}

/**
 * Draws the cover on `pages` (as many as coverPageCount said). TOC page numbers are shifted by
 * `pageOffset` (the cover's own pages); footers count `totalPages`, the whole file's pages.
 */
export function drawCover(
  pages: PDFPage[],
  fonts: DocFonts,
  L: PdfLabels,
  meta: VolumeMeta,
  toc: TocEntry[],
  excluded: Excluded[],
  pageOffset: number,
  totalPages: number,
): void {
  const laidOut = paginate(rowsOf(L, meta, toc, excluded, pageOffset));
  if (laidOut.length !== pages.length) throw new Error(`Cover needs ${laidOut.length} page(s), got ${pages.length}`);
  laidOut.forEach((rows, i) => {
    const page = pages[i]!;
    const y = (t: number) => PORTRAIT.height - t;
    let t = TOP;
    for (const row of rows) {
      if (row.kind === 'header') box(page, M, y(t + row.height), RIGHT - M, row.height, { fill: shade });
      if (row.kind === 'row') hLine(page, M, RIGHT, y(t + row.height), 0.3);
      // text sits on the row's bottom, except notes: on their first line, the rest is spacing below
      const baseline = y(row.kind === 'note' ? t + 10 : t + row.height - (row.kind === 'title' ? 6 : 4.5));
      for (const c of row.cells) {
        const st = fitText(fonts, c.text, c.style ?? { size: 8 }, c.width, 6);
        drawText(page, fonts, st.text, c.x, baseline, st, c.align);
      }
      t += row.height;
    }
    const footer = [L.backup.title, meta.projectName, meta.partCount > 1 ? L.backup.part(meta.partNo, meta.partCount) : ''].filter(Boolean).join(' — ');
    hLine(page, M, RIGHT, 34, 0.4);
    drawFitted(page, fonts, footer, M, 24, { size: 7, color: gray }, RIGHT - M - 60);
    drawText(page, fonts, L.pageOf(i + 1, totalPages), RIGHT, 24, { size: 7 }, 'right');
  });
}

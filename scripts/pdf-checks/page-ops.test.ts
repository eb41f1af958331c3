// The invoice's pages are written as raw content-stream operators (worker/src/pdf/page-ops.ts):
// state left out when unchanged, Helvetica text as literal strings, boxes as pdf-lib draws them,
// the G703 head copied from the first page. The reference is the same drawing code on pages
// without a batch, where every primitive goes through pdf-lib's own drawText/drawLine/drawRectangle
// (fills in a content stream ahead of the rest: under text and rules, as page-ops.ts puts them):
// poppler must rasterise both to the same pixels, and read the same text from both.
import { PDFDocument, StandardFonts, type PDFPage } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfLabels, type PdfLabels } from '@shared/i18n/pdf-labels';
import { DocFonts } from '../../worker/src/pdf/fonts';
import { drawG702 } from '../../worker/src/pdf/g702-page';
import { paginateG703 } from '../../worker/src/pdf/g703-layout';
import { drawG703Page } from '../../worker/src/pdf/g703-page';
import { LANDSCAPE, PORTRAIT } from '../../worker/src/pdf/page-parts';
import { renderInvoicePdf } from '../../worker/src/pdf/render-invoice';
import { textsOf, type InvoicePdfInput } from '../../worker/src/pdf/types';
import { nodeTtf } from './node-fonts';
import { hasTools, pdfInfo, pdfPagePixels, pdfRawText, tempPdf } from './pdf-tools';
import { largeInvoice, sampleHeader } from './sample-invoices';

/** A page whose drawRectangle calls land in its first content stream, everything else in a second one. */
function fillsFirst(page: PDFPage): PDFPage {
  const p = page as unknown as { contentStream: unknown; getContentStream: (useExisting?: boolean) => unknown };
  const fills = p.getContentStream();
  const rest = p.getContentStream(false);
  const drawRectangle = page.drawRectangle.bind(page);
  page.drawRectangle = (options) => {
    p.contentStream = fills;
    drawRectangle(options);
    p.contentStream = rest;
  };
  return page;
}

/** The invoice drawn with pdf-lib's drawing methods only (no beginBatch). */
async function referencePdf(input: InvoicePdfInput, L: PdfLabels): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await DocFonts.create(doc, nodeTtf);
  await fonts.prepare(textsOf(input));
  const g703 = paginateG703(input.view.lines, fonts, L);
  const pageCount = 1 + g703.length;
  drawG702(fillsFirst(doc.addPage([PORTRAIT.width, PORTRAIT.height])), fonts, input, L, 1, pageCount);
  g703.forEach((g, i) =>
    drawG703Page(fillsFirst(doc.addPage([LANDSCAPE.width, LANDSCAPE.height])), g, {
      fonts,
      input,
      L,
      pageNo: i + 2,
      pageCount,
      isLast: i === g703.length - 1,
      showPageSubtotal: g703.length > 1,
    }),
  );
  return doc.save();
}

// Coordinates are written to 1/1000 pt (pdf-lib writes 724.0833333333334): a glyph edge may
// anti-alias one level apart. Measured: 0 pixels on the English pages, 8 on one French page. A
// wrong font, size or colour, a missing fill or rule changes hundreds of pixels at 50 dpi.
const MAX_DIFFERING_PIXELS = 30;

function differingPixels(a: string, b: string, page: number): number {
  const x = pdfPagePixels(a, page);
  const y = pdfPagePixels(b, page);
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let n = 0;
  for (let i = 0; i < x.rgb.length; i += 3) if (x.rgb[i] !== y.rgb[i] || x.rgb[i + 1] !== y.rgb[i + 1] || x.rgb[i + 2] !== y.rgb[i + 2]) n++;
  return n;
}

function withUnicode(input: InvoicePdfInput): InvoicePdfInput {
  input.header = { ...sampleHeader, toName: 'Ελένη Παπαδοπούλου Α.Ε.', fromName: 'Дмитрий Строй ООО', architect: 'Zoë Ærø — “Studio” (€) \\ 50%' };
  input.view.lines[3]!.description = 'Κατασκευή σκυροδέματος — бетон (phase 2), tab\there';
  input.view.lines[5]!.description = 'Façade: \\ back-slash, (parens), ¼ ½ ¾ × ÷ ÿ';
  return input;
}

describe.skipIf(!hasTools)('invoice pages as raw operators', () => {
  const cases: Array<[string, () => InvoicePdfInput, 'en' | 'es' | 'fr']> = [
    ['English, 130 lines in groups (several G703 pages, page subtotals, grand total)', () => largeInvoice(130), 'en'],
    ['French (U+202F thousands), Greek/Cyrillic subset font, Latin-1 and escapes', () => withUnicode(largeInvoice(70)), 'fr'],
  ];
  it.each(cases)(
    '%s: every page rasterises like pdf-lib drawing it, with the same text',
    async (_name, make, locale) => {
      const L = pdfLabels(locale);
      const ours = tempPdf(await renderInvoicePdf(make(), L, nodeTtf));
      const reference = tempPdf(await referencePdf(make(), L));
      const pages = Number(pdfInfo(ours).Pages);
      expect(pages).toBeGreaterThan(2);
      expect(pdfInfo(reference).Pages).toBe(String(pages));
      for (let p = 1; p <= pages; p++) {
        // -raw, not -layout: pdf-lib writes 433.59999999999997 where page-ops writes 433.6, and -layout
        // joins two G702 lines 3.6 pt apart at 7.2 pt (half the size, its threshold) in one and not the other
        expect(pdfRawText(ours, p), `text of page ${p}`).toBe(pdfRawText(reference, p));
        expect(differingPixels(ours, reference, p), `pixels of page ${p} that differ`).toBeLessThanOrEqual(MAX_DIFFERING_PIXELS);
      }
    },
    60_000,
  );
});

/** A PDF literal string's bytes (PDF 32000-1 §7.3.4.2), decoded independently of page-ops.ts. */
function literalBytes(s: string): number[] {
  expect(s.startsWith('(') && s.endsWith(')')).toBe(true);
  const out: number[] = [];
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    expect(ch === '(' || ch === ')', `unescaped ${ch} in ${s}`).toBe(false);
    if (ch !== '\\') out.push(ch.charCodeAt(0));
    else if (/[0-7]/.test(body[i + 1]!)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out.push(Number.parseInt(oct, 8));
      i += oct.length;
    } else out.push(body[++i]!.charCodeAt(0));
  }
  return out;
}

const hexBytes = (s: string) => (s.slice(1, -1).match(/../g) ?? []).map((h) => Number.parseInt(h, 16));

describe('Helvetica text as literal strings', () => {
  it("carries, for every printable Latin-1 character, the WinAnsi code pdf-lib's encodeText writes, in ASCII", async () => {
    const doc = await PDFDocument.create();
    const fonts = await DocFonts.create(doc, nodeTtf);
    const regular = fonts.pick('a');
    expect(regular.name).toBe(StandardFonts.Helvetica);
    let all = '';
    for (let cp = 0x20; cp <= 0xff; cp++) if (cp < 0x7f || cp >= 0xa0) all += String.fromCharCode(cp);
    for (const text of [all, '(1,234.56)', 'a\\b', ')(', '1\u00a0234,56', 'Zoë Ærø']) {
      const ours = fonts.encode(regular, text);
      expect(ours, text).toMatch(/^\([\x20-\x7e]*\)$/);
      expect(literalBytes(ours), text).toEqual(hexBytes(regular.encodeText(text).toString()));
    }
    // outside Latin-1 (em dash, curly quotes, euro) it is pdf-lib's own hex string
    expect(fonts.encode(regular, '— “x” €')).toBe(regular.encodeText('— “x” €').toString());
  });
});

import { PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import type { Locale } from '@shared/i18n/locales';
import { safeFileName } from '@shared/file-name';
import { waiverAuditLabels } from '@shared/waivers/audit-labels';
import { textsOfWaiver } from '@shared/waivers/index';
import type { WaiverBlock, WaiverDocument } from '@shared/waivers/types';
import { box, drawText, gray, hLine, shade, widthOf, wrapText, type TextStyle } from './draw';
import { DocFonts, type TtfSource } from './fonts';
import { drawFooter, PORTRAIT } from './page-parts';
import { NO_YIELD_SAVE } from './pdf-speed';

// One waiver on US Letter pages: the form's blocks top to bottom, wrapped to the text width, a new
// page whenever the next line would cross the bottom margin (nothing is cut or clipped). The
// statutory notice is set in the largest type on the form (Cal. Civ. Code §§ 8134 and 8138 ask for
// "at least as large a type as the largest type otherwise in the form"), so the title is no larger.

const MARGIN = 54;
const BOTTOM = 54; // above the footer rule (drawFooter draws at 24–34 pt)
const WIDTH = PORTRAIT.width - 2 * MARGIN;
const BIG = 11; // title and notice
const BODY = 9.5;
const LEADING = 1.32;
const NOTICE_PAD = 10; // text inset inside the notice's box
// pdf-lib's Helvetica widths apply kerning pairs the drawn text does not: a full line can come out
// ~0.4% wider than measured (poppler's boxes, scripts/pdf-checks/waiver-pdf.test.ts). Wrap short of it.
const SLACK = 4;

export type AuditEntry = { action: keyof ReturnType<typeof waiverAuditLabels>['actions']; at: string; by: string; detail: Array<[string, string]> };
export type WaiverAudit = { waiverId: string; formSha256: string; entries: AuditEntry[] };

class Flow {
  pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: DocFonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PORTRAIT.width, PORTRAIT.height]);
    this.pages.push(this.page);
    this.y = PORTRAIT.height - MARGIN;
  }

  /** Moves down `h` points, first starting a page when they do not fit above the bottom margin. */
  private room(h: number): void {
    if (this.y - h < BOTTOM) this.newPage();
  }

  gap(h: number): void {
    if (this.y !== PORTRAIT.height - MARGIN) this.y -= h;
  }

  /** Wrapped lines at `x`, each line kept whole on a page. */
  lines(text: string, style: TextStyle, x = MARGIN, width = WIDTH, align: 'left' | 'center' = 'left'): void {
    const lh = style.size * LEADING;
    for (const line of wrapText(this.fonts, text, style, width - SLACK)) {
      this.room(lh);
      this.y -= lh;
      drawText(this.page, this.fonts, line, align === 'center' ? x + width / 2 : x, this.y + lh * 0.22, style, align);
    }
  }

  /** A shaded box around wrapped bold text (the statutory notice); kept on one page. */
  notice(text: string): void {
    const style = { size: BIG, isBold: true };
    const lh = BIG * LEADING;
    const lines = wrapText(this.fonts, text, style, WIDTH - 2 * NOTICE_PAD - SLACK);
    const h = lines.length * lh + 12;
    this.room(h);
    box(this.page, MARGIN, this.y - h, WIDTH, h, { fill: shade, border: gray });
    let y = this.y - 6;
    for (const line of lines) {
      y -= lh;
      drawText(this.page, this.fonts, line, MARGIN + NOTICE_PAD, y + lh * 0.22, style);
    }
    this.y -= h;
  }

  /** "Label: value": the value beside the label when the label is short, wrapped under its own column; otherwise below. */
  field(label: string, value: string, opts: { valueSize?: number; underline?: boolean } = {}): void {
    const labelStyle = { size: BODY, isBold: true };
    const valueStyle = { size: opts.valueSize ?? BODY };
    const lw = label ? widthOf(this.fonts, label, labelStyle) + 6 : 0;
    const beside = lw <= WIDTH * 0.45;
    const vx = beside ? MARGIN + lw : MARGIN + 12;
    const vw = WIDTH - (vx - MARGIN);
    const lh = Math.max(BODY, valueStyle.size) * LEADING;
    if (!beside) this.lines(label, labelStyle);
    const values = wrapText(this.fonts, value, valueStyle, vw - SLACK);
    values.forEach((line, i) => {
      this.room(lh);
      this.y -= lh;
      const base = this.y + lh * 0.22;
      if (i === 0 && beside && label) drawText(this.page, this.fonts, label, MARGIN, base, labelStyle);
      drawText(this.page, this.fonts, line, vx, base, valueStyle);
      if (opts.underline) hLine(this.page, vx, MARGIN + WIDTH, base - 2.5, 0.5);
    });
  }

  block(b: WaiverBlock): void {
    switch (b.kind) {
      case 'title':
        this.gap(4);
        this.lines(b.text, { size: BIG, isBold: true }, MARGIN, WIDTH, 'center');
        this.gap(6);
        return;
      case 'notice':
        this.gap(4);
        this.notice(b.text);
        this.gap(8);
        return;
      case 'heading':
        this.gap(8);
        this.lines(b.text, { size: BODY + 0.5, isBold: true });
        this.gap(2);
        return;
      case 'field':
        this.field(b.label, b.value);
        this.gap(1.5);
        return;
      case 'para':
        this.gap(2);
        this.lines(b.text, { size: BODY });
        this.gap(5);
        return;
      case 'signature':
        this.gap(6);
        for (const l of b.lines) {
          this.field(l.label, l.value, { valueSize: l.isSignature ? BIG : BODY, underline: true });
          this.gap(7);
        }
        return;
    }
  }
}

function drawAudit(flow: Flow, doc: WaiverDocument, audit: WaiverAudit, locale: Locale): void {
  const L = waiverAuditLabels(locale);
  flow.newPage();
  flow.lines(L.auditTitle, { size: BIG, isBold: true });
  flow.gap(4);
  flow.lines(L.auditIntro, { size: BODY, color: gray });
  flow.gap(8);
  flow.field(`${L.waiverId}:`, audit.waiverId);
  flow.field(`${L.document}:`, `${doc.title}. ${doc.citation}`);
  flow.field(`${L.fingerprint}:`, audit.formSha256);
  for (const e of audit.entries) {
    flow.gap(10);
    flow.lines(`${L.actions[e.action]}: ${e.at}`, { size: BODY + 0.5, isBold: true });
    flow.field(`${L.by}:`, e.by);
    for (const [label, value] of e.detail) flow.field(`${label}:`, value);
  }
  flow.gap(10);
  flow.lines(L.later, { size: BODY, color: gray });
}

/**
 * The waiver as PDF bytes. `audit` appends the signature audit page (signed waivers); `isDraft`
 * marks an unsigned preview. `locale` is the language of our own words (draft mark, audit page,
 * page numbers); a statutory form's text is English whatever it is.
 */
export async function renderWaiverPdf(
  doc: WaiverDocument,
  opts: { ttf: TtfSource; locale: Locale; audit?: WaiverAudit; isDraft?: boolean; author?: string },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = await DocFonts.create(pdf, opts.ttf);
  const L = waiverAuditLabels(opts.locale);
  const auditTexts = opts.audit ? opts.audit.entries.flatMap((e) => [e.by, ...e.detail.flat()]) : [];
  await fonts.prepare([...textsOfWaiver(doc), ...auditTexts, L.draft]);
  const flow = new Flow(pdf, fonts);
  if (opts.isDraft) {
    flow.lines(L.draft, { size: BODY, isBold: true, color: gray });
    flow.gap(4);
  }
  for (const b of doc.blocks) flow.block(b);
  if (opts.audit) drawAudit(flow, doc, opts.audit, opts.locale);
  const pageLabels = pdfLabels(opts.locale);
  flow.pages.forEach((page, i) => drawFooter(page, fonts, pageLabels, doc.citation, i + 1, flow.pages.length, PORTRAIT));
  pdf.setTitle(doc.title);
  if (opts.author) pdf.setAuthor(opts.author);
  pdf.setSubject(doc.citation);
  pdf.setCreator('Progress Billing');
  pdf.setLanguage(doc.locale);
  return pdf.save(NO_YIELD_SAVE);
}

/** "Lien waiver - Invoice 3 - Conditional Waiver and Release on Progress Payment.pdf" */
export function waiverPdfFileName(doc: WaiverDocument, invoiceNumber: number): string {
  return `${safeFileName(`Lien waiver - Invoice ${invoiceNumber} - ${doc.title}`, 'Lien waiver')}.pdf`;
}

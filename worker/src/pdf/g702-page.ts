import type { PDFPage } from '@cantoo/pdf-lib';
import { formatCents } from '@shared/money';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { generalInfoLabels } from '@shared/i18n/general-info-labels';
import { g702TitleFor } from '@shared/i18n/release-labels';
import { retainageRates } from '@shared/engine/g702-rates';
import { box, drawFitted, drawText, fitFigure, fitText, gray, hLine, shade, vLine, widthOf, wrapText, type TextStyle } from './draw';
import type { DocFonts } from './fonts';
import { drawFooter, drawHeaderField, PORTRAIT } from './page-parts';
import type { InvoicePdfInput } from './types';

// The G702 summary on a portrait Letter page (612 × 792 pt). Left half: the application (lines
// 1–9, change order summary); right half: the certification and the architect's certificate.
// Coordinates are measured from the top (t) and converted with y().

const M = 36;
const W = PORTRAIT.width;
const y = (t: number) => PORTRAIT.height - t;
const LEFT_END = 300; // right edge of the application's amount column
const INNER_END = 232; // right edge of the 5a/5b amount column (left of the totals column, as on the form)
const RIGHT_X = 318; // right half starts here
const RIGHT_END = W - M;

const label7: TextStyle = { size: 7.5 };
const note: TextStyle = { size: 6.2, color: gray };
const amount: TextStyle = { size: 9 };

export function drawG702(page: PDFPage, fonts: DocFonts, input: InvoicePdfInput, L: PdfLabels, pageNo: number, pageCount: number): void {
  const { view, header } = input;
  const party = view.contract.kind === 'prime' ? L.prime : L.commitment;
  const money = (cents: number) => formatCents(cents, L.locale);

  // The release title is longer than the form's: it may use the page's width and shrink to 10 pt
  // rather than be cut (the form's own title fits at 13 pt either way).
  drawFitted(
    page,
    fonts,
    g702TitleFor(view.invoice.kind ?? 'progress', L.locale, 'pdf', L.g702.title),
    M,
    y(50),
    { size: 13, isBold: true },
    RIGHT_END - M,
    10,
  );
  hLine(page, M, RIGHT_END, y(58), 1);

  // Header: parties (left), project and contract (middle), application facts (right).
  drawHeaderField(page, fonts, party.to, header.toName, M, 72, 200);
  drawHeaderField(page, fonts, party.from, header.fromName, M, 100, 200);
  drawHeaderField(page, fonts, L.g702.viaArchitect, header.architect || '—', M, 128, 200);
  const projectLines = [header.projectName, header.projectAddress].filter(Boolean).join(' — ');
  drawHeaderField(page, fonts, L.g702.project, projectLines, 246, 72, 170, 2);
  drawHeaderField(page, fonts, L.g702.contractFor, header.contractFor ?? `#${view.contract.number} ${view.contract.title}`, 246, 110, 170, 2);
  const p = view.invoice.billingPeriod;
  const facts: Array<[string, string]> = [
    [L.g702.applicationNo, String(view.invoice.number)],
    ...(header.applicationDate ? [[pdfLabel(generalInfoLabels(L.locale).applicationDate, L.locale), L.date(header.applicationDate)] as [string, string]] : []),
    [L.g702.periodFrom, L.date(p.start)],
    [L.g702.periodTo, L.date(p.end)],
    [L.g702.dueDate, L.date(p.due)],
    [L.g702.contractDate, header.contractDate ? L.date(header.contractDate) : '—'],
    [L.g702.projectNo, header.projectNumber || '—'],
    [L.g702.statusLabel, L.status[view.invoice.status] ?? view.invoice.status],
  ];
  facts.forEach(([k, v], i) => {
    const t = 76 + i * (facts.length > 7 ? 10.5 : 11.5);
    const valueStyle = fitText(fonts, v, { size: 7.5, isBold: i === 0 }, 70);
    drawFitted(page, fonts, k, 432, y(t), { size: 6.5, color: gray }, RIGHT_END - 432 - widthOf(fonts, valueStyle.text, valueStyle) - 4);
    drawText(page, fonts, valueStyle.text, RIGHT_END, y(t), valueStyle, 'right');
  });
  hLine(page, M, RIGHT_END, y(160), 1);
  vLine(page, RIGHT_X - 9, y(166), y(742));

  drawApplication(page, fonts, input, L, money);
  drawCertificates(page, fonts, input, L, money, party);
  drawFooter(page, fonts, L, `#${view.contract.number} ${view.contract.title}`, pageNo, pageCount, PORTRAIT);
}

type Money = (cents: number) => string;

/** A field name in the PDF header's style: "APPLICATION DATE:" / "DATE DE LA DEMANDE :". */
const pdfLabel = (name: string, locale: string) => `${name.toUpperCase()}${locale === 'fr' ? ' :' : ':'}`;

function drawApplication(page: PDFPage, fonts: DocFonts, input: InvoicePdfInput, L: PdfLabels, money: Money): void {
  const g = input.view.g702;
  drawFitted(page, fonts, L.g702.applicationTitle, M, y(178), { size: 9, isBold: true }, LEFT_END - M);
  let t = 190;
  for (const line of wrapText(fonts, L.g702.applicationIntro, note, LEFT_END - M, 2)) {
    drawText(page, fonts, line, M, y(t), note);
    t += 8;
  }
  t += 8;
  // One row: label at x, figure right-aligned at `end`; an optional note under the label.
  const row = (label: string, cents: number | null, opts: { x?: number; end?: number; isBold?: boolean; sub?: string; boxed?: boolean } = {}) => {
    const x = opts.x ?? M;
    const end = opts.end ?? LEFT_END;
    const fig = cents === null ? '' : money(cents);
    const figStyle = fitFigure(fonts, fig, { ...amount, isBold: opts.isBold }, 90);
    const figWidth = fig ? widthOf(fonts, fig, figStyle) : 0;
    const ruleWidth = fig ? Math.max(figWidth, 60) : 0; // the figure's underline
    const labelStyle = fitText(fonts, label, { ...label7, isBold: opts.isBold }, end - ruleWidth - 6 - x, 5.5);
    drawText(page, fonts, labelStyle.text, x, y(t), labelStyle);
    if (fig) {
      if (opts.boxed) box(page, end - 96, y(t) - 4, 98, 14, { fill: shade, border: gray });
      drawText(page, fonts, fig, end, y(t), figStyle, 'right');
      hLine(page, end - ruleWidth, end, y(t) - 2.5, 0.3);
    }
    if (opts.sub) drawFitted(page, fonts, opts.sub, x + 8, y(t + 8), note, end - ruleWidth - 6 - x - 8, 5);
    t += opts.sub ? 25 : 19;
  };
  row(L.g702.line1, g.line1OriginalContractSumCents);
  row(L.g702.line2, g.line2NetChangeByChangeOrdersCents);
  row(L.g702.line3, g.line3ContractSumToDateCents, { isBold: true });
  row(L.g702.line4, g.line4TotalCompletedAndStoredCents, { sub: L.g702.line4Note });
  row(L.g702.line5, null);
  t -= 3;
  // The rate each holds ("10.00% of completed work"): the effective rate, shared/engine/g702-rates.ts.
  const rates = retainageRates(input.view.totals, g);
  const GI = generalInfoLabels(L.locale);
  row(L.g702.line5a, g.line5aWorkRetainageCents, { x: M + 8, end: INNER_END, sub: GI.workRate(rates.work) });
  row(L.g702.line5b, g.line5bStoredRetainageCents, { x: M + 8, end: INNER_END, sub: GI.storedRate(rates.stored) });
  row(L.g702.line5Total, g.line5TotalRetainageCents, { x: M + 8 });
  row(L.g702.line6, g.line6TotalEarnedLessRetainageCents, { sub: L.g702.line6Note });
  row(L.g702.line7, g.line7PreviousCertificatesCents, { sub: L.g702.line7Note });
  t += 2;
  row(L.g702.line8, g.line8CurrentPaymentDueCents, { isBold: true, boxed: true });
  t += 2;
  row(L.g702.line9, g.line9BalanceToFinishInclRetainageCents, { sub: L.g702.line9Note });
  drawChangeOrderSummary(page, fonts, input, L, money, t + 16);
}

function drawChangeOrderSummary(page: PDFPage, fonts: DocFonts, input: InvoicePdfInput, L: PdfLabels, money: Money, top: number): void {
  const s = input.view.changeOrderSummary;
  const addEnd = 236;
  const dedEnd = LEFT_END - 4;
  const labelEnd = 168;
  const rowH = 16;
  const rows: Array<[string, number | null, number | null, boolean]> = [
    [L.g702.coPrevious, s.previousAdditionsCents, s.previousDeductionsCents, false],
    [L.g702.coThisPeriod, s.thisPeriodAdditionsCents, s.thisPeriodDeductionsCents, false],
    [L.g702.coTotals, s.totalAdditionsCents, s.totalDeductionsCents, true],
    [L.g702.coNet, s.netChangesCents, null, true],
  ];
  const height = rowH * (rows.length + 1);
  box(page, M, y(top + height), LEFT_END - M, height, { border: gray });
  box(page, M, y(top + rowH), LEFT_END - M, rowH, { fill: shade, border: gray });
  const head: TextStyle = { size: 6.5, isBold: true };
  drawFitted(page, fonts, L.g702.coTitle, M + 3, y(top + 11), head, labelEnd - M - 6, 5);
  drawFitted(page, fonts, L.g702.coAdditions, addEnd - 3, y(top + 11), head, addEnd - labelEnd - 6, 5, 'right');
  drawFitted(page, fonts, L.g702.coDeductions, dedEnd - 1, y(top + 11), head, dedEnd - addEnd - 4, 5, 'right');
  vLine(page, labelEnd, y(top), y(top + height));
  vLine(page, addEnd + 2, y(top), y(top + height));
  rows.forEach(([label, add, ded, isBold], i) => {
    const base = top + rowH * (i + 1);
    if (i > 0) hLine(page, M, LEFT_END, y(base), 0.4);
    const st = fitText(fonts, label, { size: 6.5, isBold }, labelEnd - M - 6, 5);
    drawText(page, fonts, st.text, M + 3, y(base + 11), st);
    if (add !== null)
      drawText(page, fonts, money(add), addEnd - 3, y(base + 11), fitFigure(fonts, money(add), { size: 7.5, isBold }, addEnd - labelEnd - 8), 'right');
    if (ded !== null)
      drawText(page, fonts, money(ded), dedEnd - 1, y(base + 11), fitFigure(fonts, money(ded), { size: 7.5, isBold }, dedEnd - addEnd - 6), 'right');
  });
}

function drawCertificates(page: PDFPage, fonts: DocFonts, input: InvoicePdfInput, L: PdfLabels, money: Money, party: PdfLabels['prime']): void {
  const width = RIGHT_END - RIGHT_X;
  const para: TextStyle = { size: 7.2 };
  let t = 178;
  const title = (text: string) => {
    drawFitted(page, fonts, text, RIGHT_X, y(t), { size: 9, isBold: true }, width);
    t += 13;
  };
  const paragraph = (text: string) => {
    for (const line of wrapText(fonts, text, para, width)) {
      drawText(page, fonts, line, RIGHT_X, y(t), para);
      t += 9.6;
    }
  };
  const signature = (who: string, name: string) => {
    t += 8;
    drawText(page, fonts, who, RIGHT_X, y(t), { size: 7, isBold: true });
    const whoWidth = widthOf(fonts, who, { size: 7, isBold: true });
    drawFitted(page, fonts, name, RIGHT_X + whoWidth + 6, y(t), { size: 8 }, width - whoWidth - 6);
    t += 28;
    drawText(page, fonts, L.g702.by, RIGHT_X, y(t), label7);
    hLine(page, RIGHT_X + 22, RIGHT_X + 160, y(t) - 2, 0.6, gray);
    drawText(page, fonts, L.g702.dateLabel, RIGHT_X + 168, y(t), label7);
    hLine(page, RIGHT_X + 196, RIGHT_END, y(t) - 2, 0.6, gray);
    t += 24;
  };
  title(party.certificationTitle);
  paragraph(party.certificationText);
  signature(party.signatory, input.header.fromName);
  hLine(page, RIGHT_X, RIGHT_END, y(t - 6), 0.5);
  t += 8;
  title(L.g702.architectTitle);
  paragraph(L.g702.architectText);
  t += 10;
  // The amount certified starts as the amount applied for (line 8); the architect may change it.
  const certified = money(input.view.g702.line8CurrentPaymentDueCents);
  const certStyle = fitFigure(fonts, certified, { size: 10, isBold: true }, 110);
  box(page, RIGHT_END - 118, y(t) - 5, 118, 17, { fill: shade, border: gray });
  drawFitted(page, fonts, L.g702.amountCertified, RIGHT_X, y(t), { size: 8, isBold: true }, width - 126);
  drawText(page, fonts, certified, RIGHT_END - 4, y(t), certStyle, 'right');
  t += 16;
  for (const line of wrapText(fonts, L.g702.amountCertifiedNote, note, width)) {
    drawText(page, fonts, line, RIGHT_X, y(t), note);
    t += 8;
  }
  signature(L.g702.architect, input.header.architect);
  t += 4;
  for (const line of wrapText(fonts, L.g702.notNegotiable, note, width)) {
    drawText(page, fonts, line, RIGHT_X, y(t), note);
    t += 8;
  }
}

import type { PDFPage } from '@cantoo/pdf-lib';
import { formatCents, percentDisplay } from '@shared/money';
import type { PdfLabels } from '@shared/i18n/pdf-labels';
import { box, drawFitted, drawText, fitFigure, fitText, gray, hLine, shade, vLine, widthOf, wrapText, type TextStyle } from './draw';
import type { DocFonts } from './fonts';
import { bodyStyle, G703_COLUMNS, G703_GEOMETRY, G703_MARGIN, type Column, type ColumnKey, type G703Page, type Sums } from './g703-layout';
import { appendOps, isBatched, markOps, opsSince, type OpsSlice } from './page-ops';
import { drawFooter, LANDSCAPE } from './page-parts';
import type { InvoicePdfInput } from './types';

// One landscape G703 page: header and column heads (repeated on every page), the rows, the
// page subtotal (when there is more than one G703 page) and, on the last page, the grand total.

const H = LANDSCAPE.height;
const y = (t: number) => H - t;
const RIGHT = LANDSCAPE.width - G703_MARGIN;
const col = (key: ColumnKey): Column => G703_COLUMNS.find((c) => c.key === key)!;
const moneyKeys = ['c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;

export type G703PageContext = {
  fonts: DocFonts;
  input: InvoicePdfInput;
  L: PdfLabels;
  pageNo: number;
  pageCount: number;
  isLast: boolean;
  showPageSubtotal: boolean;
  /** The head as drawn on an earlier page of this invoice (page-ops.ts), copied instead of drawn again. */
  head?: OpsSlice;
};

/** Draws the page; on a batched page (page-ops.ts) returns its head's operators for the next page's `ctx.head`. */
export function drawG703Page(page: PDFPage, g: G703Page, ctx: G703PageContext): OpsSlice | undefined {
  const { fonts, L } = ctx;
  let head = ctx.head;
  // unbatched, every primitive goes through pdf-lib (the reference of scripts/pdf-checks/page-ops.test.ts)
  if (!isBatched(page)) drawHead(page, ctx);
  else if (head) appendOps(page, head);
  else {
    const mark = markOps(page);
    drawHead(page, ctx);
    head = opsSince(page, mark);
  }
  const { bodyTop, bodyBottom } = G703_GEOMETRY;
  let t = bodyTop;
  // Column rules are drawn per run of rows: all columns beside lines, from C on beside group
  // subtotals, none across a group heading (its name spans A and B).
  const runs: Array<{ from: number; to: number; firstCol: number }> = [];
  const addRun = (from: number, to: number, firstCol: number) => {
    const last = runs.at(-1);
    if (last && last.to === from && last.firstCol === firstCol) last.to = to;
    else if (firstCol < G703_COLUMNS.length) runs.push({ from, to, firstCol });
  };
  for (const row of g.rows) {
    addRun(t, t + row.height, row.kind === 'line' ? 1 : row.kind === 'groupTotal' ? 2 : G703_COLUMNS.length);
    if (row.kind === 'group') {
      box(page, G703_MARGIN, y(t + row.height), RIGHT - G703_MARGIN, row.height, { fill: shade });
      const text = row.isContinued ? `${row.name} ${L.backup.continued}` : row.name;
      const st = fitText(fonts, text, { size: 7.5, isBold: true }, col('b').x + col('b').width - G703_MARGIN - 6);
      drawText(page, fonts, st.text, G703_MARGIN + 3, y(t + 8.6), st);
    } else if (row.kind === 'groupTotal') {
      drawSumsRow(page, ctx, t, row.height, L.g703.groupSubtotal(row.name), row.sums, { size: 7, isBold: true });
      hLine(page, col('c').x, RIGHT, y(t), 0.6);
    } else {
      const l = row.line;
      const baseline = y(t + 8.6);
      const itemStyle = fitText(fonts, l.itemNo, bodyStyle, col('a').width - 6, 5.5);
      drawText(page, fonts, itemStyle.text, col('a').x + 3, baseline, itemStyle);
      row.description.forEach((text, i) => drawText(page, fonts, text, col('b').x + 3, baseline - i * 8.5, bodyStyle));
      if (row.unitText) {
        const sub: TextStyle = { size: 6, color: gray };
        const st = fitText(fonts, row.unitText, sub, col('b').width - 10, 5);
        drawText(page, fonts, st.text, col('b').x + 8, baseline - row.description.length * 8.5 + 1, st);
      }
      const values: Record<(typeof moneyKeys)[number], number> = {
        c: l.scheduledValueCents,
        d: l.workCompletedPreviousCents,
        e: l.workCompletedThisPeriodCents,
        f: l.materialsPresentlyStoredCents,
        g: l.totalCompletedAndStoredCents,
        h: l.balanceToFinishCents,
        i: l.retainageCents,
      };
      for (const k of moneyKeys) drawFigure(page, ctx, k, baseline, formatCents(values[k], L.locale), bodyStyle);
      drawFigure(page, ctx, 'percent', baseline, percentText(l.percentCompleteDisplay, L), bodyStyle);
    }
    t += row.height;
    hLine(page, G703_MARGIN, RIGHT, y(t), 0.2);
  }
  // Empty rows down to the end of the body keep their rules, so short pages still read as a table.
  const end = bodyBottom;
  addRun(t, end, 1);
  for (const run of runs) for (const c of G703_COLUMNS.slice(run.firstCol)) vLine(page, c.x, y(run.from), y(run.to), 0.3);
  vLine(page, G703_MARGIN, y(G703_GEOMETRY.headTop), y(end), 0.5);
  vLine(page, RIGHT, y(G703_GEOMETRY.headTop), y(end), 0.5);
  hLine(page, G703_MARGIN, RIGHT, y(end), 0.5);
  let totalsTop = end;
  if (ctx.showPageSubtotal) {
    drawSumsRow(page, ctx, totalsTop, G703_GEOMETRY.totalRowHeight, L.g703.pageSubtotal, g.sums, { size: 7, isBold: true }, true);
    totalsTop += G703_GEOMETRY.totalRowHeight;
  }
  if (ctx.isLast) {
    const tot = ctx.input.view.totals;
    const sums: Sums = {
      c: tot.scheduledValueCents,
      d: tot.workCompletedPreviousCents,
      e: tot.workCompletedThisPeriodCents,
      f: tot.materialsPresentlyStoredCents,
      g: tot.totalCompletedAndStoredCents,
      h: tot.balanceToFinishCents,
      i: tot.retainageCents,
    };
    hLine(page, G703_MARGIN, RIGHT, y(totalsTop) - 1.5, 0.5);
    drawSumsRow(page, ctx, totalsTop + 1.5, G703_GEOMETRY.totalRowHeight + 1, L.g703.grandTotal, sums, { size: 7.5, isBold: true }, true);
  }
  const v = ctx.input.view;
  drawFooter(page, fonts, L, `#${v.contract.number} ${v.contract.title}`, ctx.pageNo, ctx.pageCount, LANDSCAPE);
  return head;
}

function percentText(display: string, L: PdfLabels): string {
  return `${L.locale === 'en' ? display : display.replace('.', ',')}%`;
}

function drawFigure(page: PDFPage, ctx: G703PageContext, key: ColumnKey, baseline: number, text: string, style: TextStyle): void {
  const c = col(key);
  drawText(page, ctx.fonts, text, c.x + c.width - 3, baseline, fitFigure(ctx.fonts, text, style, c.width - 6), 'right');
}

function drawSumsRow(page: PDFPage, ctx: G703PageContext, top: number, height: number, label: string, sums: Sums, style: TextStyle, isShaded = false): void {
  if (isShaded) box(page, G703_MARGIN, y(top + height), RIGHT - G703_MARGIN, height, { fill: shade, border: gray, thickness: 0.4 });
  const baseline = y(top + height - 4);
  const labelStyle = fitText(ctx.fonts, label, style, col('c').x - G703_MARGIN - 6, 5.5);
  drawText(page, ctx.fonts, labelStyle.text, G703_MARGIN + 3, baseline, labelStyle);
  for (const k of moneyKeys) drawFigure(page, ctx, k, baseline, formatCents(sums[k], ctx.L.locale), style);
  drawFigure(page, ctx, 'percent', baseline, percentText(percentDisplay(sums.g, sums.c), ctx.L), style);
}

function drawHead(page: PDFPage, ctx: G703PageContext): void {
  const { fonts, L, input } = ctx;
  const v = input.view;
  drawFitted(page, fonts, L.g703.title, G703_MARGIN, y(36), { size: 12, isBold: true }, 300);
  drawFitted(page, fonts, L.g703.intro, G703_MARGIN, y(47), { size: 6.5, color: gray }, 400);
  const project = [input.header.projectName, input.header.projectNumber].filter(Boolean).join(' — ');
  drawFitted(page, fonts, project, G703_MARGIN, y(60), { size: 8 }, 400);
  const facts: Array<[string, string]> = [
    [L.g702.applicationNo, String(v.invoice.number)],
    [L.g702.periodTo, L.date(v.invoice.billingPeriod.end)],
    [L.g702.contractFor, `#${v.contract.number} ${v.contract.title}`],
  ];
  facts.forEach(([k, val], i) => {
    const valStyle = fitText(fonts, val, { size: 8, isBold: i === 0 }, 200);
    drawText(page, fonts, valStyle.text, RIGHT, y(36 + i * 11), valStyle, 'right');
    const valWidth = widthOf(fonts, valStyle.text, valStyle);
    drawText(page, fonts, k, RIGHT - valWidth - 5, y(36 + i * 11), { size: 6.5, color: gray }, 'right');
  });
  // Column heads: the letter, then the name wrapped into up to 4 lines.
  const { headTop, bodyTop } = G703_GEOMETRY;
  box(page, G703_MARGIN, y(bodyTop), RIGHT - G703_MARGIN, bodyTop - headTop, { fill: shade, border: gray });
  const headStyle: TextStyle = { size: 5.6, isBold: true };
  for (const c of G703_COLUMNS) {
    if (c.x > G703_MARGIN) vLine(page, c.x, y(headTop), y(bodyTop), 0.4, gray);
    drawText(page, fonts, c.letter, c.x + c.width / 2, y(headTop + 9), { size: 7.5, isBold: true }, 'center');
    const lines = wrapText(fonts, L.g703.columns[c.key], headStyle, c.width - 4, 5);
    lines.forEach((line, i) => drawText(page, fonts, line, c.x + c.width / 2, y(headTop + 17 + i * 6.4), headStyle, 'center'));
  }
}

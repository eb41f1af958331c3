// The invoice renderer in Node, read back by independent readers: poppler's pdftotext (layout
// mode keeps table rows on one line) and pdfjs-dist. Figures come from the billing engine on the
// fixture (what getInvoice returns); the worker tests check the same through the HTTP route.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfLabels } from '@shared/i18n/pdf-labels';
import { formatCents } from '@shared/money';
import { renderInvoicePdf } from '../../worker/src/pdf/render-invoice';
import type { InvoicePdfInput } from '../../worker/src/pdf/types';
import { nodeTtf } from './node-fonts';
import { hasTools, pdfFonts, pdfInfo, pdfText, qpdfCheck, tempPdf } from './pdf-tools';
import { fixture, fixtureInvoices, largeInvoice, sampleHeader } from './sample-invoices';

const require = createRequire(import.meta.url);

type Expected = {
  expectedG702: Record<string, number>;
  lines: Array<{ itemNo: string; expected: Record<string, number | string> }>;
  expectedTotals: Record<string, number>;
};
const expected = (fixture as unknown as { invoices: Expected[] }).invoices;

/** The text lines of a page that contain every one of `cells`, in this left-to-right order. */
const lineWith = (text: string, cells: string[]) =>
  text.split('\n').find((line) => {
    let at = 0;
    for (const c of cells) {
      const i = line.indexOf(c, at);
      if (i < 0) return false;
      at = i + c.length;
    }
    return true;
  });

async function pdfjsText(bytes: Uint8Array): Promise<string[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${dirname(require.resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).filter(Boolean));
  }
  return pages;
}

describe('invoice PDF renderer (Node)', () => {
  let inv2: InvoicePdfInput;
  let bytes: Uint8Array;

  beforeAll(async () => {
    inv2 = fixtureInvoices()[1]!;
    bytes = await renderInvoicePdf(inv2, pdfLabels('en'), nodeTtf);
  });

  it('pdfjs-dist finds every G702 figure of fixture invoice 2 on page 1 and every line figure on page 2', async () => {
    const [g702, g703] = await pdfjsText(bytes);
    for (const cents of Object.values(expected[1]!.expectedG702)) expect(g702).toContain(formatCents(cents));
    for (const l of expected[1]!.lines) {
      for (const [k, v] of Object.entries(l.expected)) {
        if (k === 'workRetainageCents' || k === 'storedRetainageCents') continue; // I prints their net sum
        expect(g703, `line ${l.itemNo} ${k}`).toContain(typeof v === 'number' ? formatCents(v) : `${v}%`);
      }
    }
  });

  it.skipIf(!hasTools)('pdftotext: G702 rows read label → amount; G703 rows read A → I in column order', () => {
    const path = tempPdf(bytes);
    expect(qpdfCheck(path).status).toBe(0);
    expect(pdfInfo(path).Pages).toBe('2');
    const g702 = pdfText(path, 1);
    expect(lineWith(g702, ['8. CURRENT PAYMENT DUE', '19,252.83'])).toBeDefined();
    expect(lineWith(g702, ['7. LESS PREVIOUS CERTIFICATES FOR PAYMENT', '24,897.17'])).toBeDefined();
    expect(lineWith(g702, ['9. BALANCE TO FINISH, INCLUDING RETAINAGE', '58,850.00'])).toBeDefined();
    expect(lineWith(g702, ['AMOUNT CERTIFIED', '19,252.83'])).toBeDefined();
    const g703 = pdfText(path, 2);
    for (const l of expected[1]!.lines) {
      const e = l.expected;
      const row = [
        l.itemNo,
        ...(
          [
            'scheduledValueCents',
            'workCompletedPreviousCents',
            'workCompletedThisPeriodCents',
            'materialsPresentlyStoredCents',
            'totalCompletedAndStoredCents',
          ] as const
        ).map((k) => formatCents(e[k] as number)),
        `${e.percentCompleteDisplay}%`,
        formatCents(e.balanceToFinishCents as number),
        formatCents(e.retainageCents as number),
      ];
      expect(lineWith(g703, row), row.join(' ')).toBeDefined();
    }
    const t = expected[1]!.expectedTotals;
    expect(
      lineWith(g703, ['GRAND TOTAL', formatCents(t.scheduledValueCents!), formatCents(t.totalCompletedAndStoredCents!), formatCents(t.retainageCents!)]),
    ).toBeDefined();
  });

  it.skipIf(!hasTools)('only the standard fonts for Latin text; DejaVu Sans, subset, for Cyrillic and Greek names', async () => {
    expect(
      pdfFonts(tempPdf(bytes))
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Helvetica', 'Helvetica-Bold']);
    const [unicode] = fixtureInvoices({ ...sampleHeader, toName: 'Дмитрий Иванов Development', architect: 'Ελένη Παπαδοπούλου' }, { '2': 'Земляные работы' });
    const out = await renderInvoicePdf(unicode!, pdfLabels('en'), nodeTtf);
    const path = tempPdf(out);
    const fonts = pdfFonts(path);
    expect(fonts.filter((f) => f.name.startsWith('DejaVuSans')).every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => f.name.startsWith('DejaVuSans'))).toBe(true);
    // subset: the whole DejaVuSans.ttf alone is 757 KB
    expect(out.byteLength).toBeLessThan(120_000);
    const text = pdfText(path);
    for (const name of ['Дмитрий Иванов Development', 'Ελένη Παπαδοπούλου', 'Земляные работы']) expect(text).toContain(name);
  });

  it.skipIf(!hasTools)('Spanish and French labels and numbers', async () => {
    const es = pdfText(tempPdf(await renderInvoicePdf(inv2, pdfLabels('es'), nodeTtf)));
    expect(lineWith(es, ['8. PAGO ACTUAL ADEUDADO', '19.252,83'])).toBeDefined();
    expect(es).toContain('HOJA DE CONTINUACIÓN');
    const fr = pdfText(tempPdf(await renderInvoicePdf(inv2, pdfLabels('fr'), nodeTtf)));
    expect(lineWith(fr.replace(/\u00a0/g, ' '), ['8. PAIEMENT COURANT DÛ', '19 252,83'])).toBeDefined();
    expect(fr).toContain('FEUILLE DE CONTINUATION');
  });

  it.skipIf(!hasTools)(
    '2,000 lines: header on every G703 page, page subtotals that add up to the grand total, each line once',
    async () => {
      const big = largeInvoice(2000);
      const path = tempPdf(await renderInvoicePdf(big, pdfLabels('en'), nodeTtf));
      const pageCount = Number(pdfInfo(path).Pages);
      expect(pageCount).toBeGreaterThan(50);
      const cents = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
      let sumC = 0;
      let sumI = 0;
      const items: string[] = [];
      const pages = pdfText(path).split('\f'); // pdftotext ends every page with a form feed
      for (let p = 2; p <= pageCount; p++) {
        const text = pages[p - 1]!;
        expect(text, `page ${p}`).toContain('CONTINUATION SHEET');
        expect(text).toContain('SCHEDULED VALUE');
        expect(text).toContain(`Page ${p} of ${pageCount}`);
        const sub = text.split('\n').find((l) => l.includes('PAGE SUBTOTAL'))!;
        const figures = sub.match(/-?[\d,]+\.\d{2}(?!%)/g)!;
        expect(figures, `page ${p} subtotal`).toHaveLength(7);
        sumC += cents(figures[0]!);
        sumI += cents(figures[6]!);
        for (const m of text.matchAll(/^\s{0,3}(\d{3}(?:\.\d+)?)\s{2,}/gm)) items.push(m[1]!);
      }
      expect(sumC).toBe(big.view.totals.scheduledValueCents);
      expect(sumI).toBe(big.view.totals.retainageCents);
      expect(items).toHaveLength(2000);
      expect(new Set(items).size).toBe(2000);
      const last = pages[pageCount - 1]!;
      const t = big.view.totals;
      expect(
        lineWith(last, [
          'GRAND TOTAL',
          formatCents(t.scheduledValueCents),
          formatCents(t.workCompletedThisPeriodCents),
          `${percentOf(t.totalCompletedAndStoredCents, t.scheduledValueCents)}%`,
        ]),
      ).toBeDefined();
      const all = pages.join('\n');
      expect(all).toMatch(/Subtotal 03 Concrete/);
      expect(all).toMatch(/\(continued\)/);
    },
    120_000,
  );
});

/**
 * G ÷ C as the PDF prints it, "31.17", computed here with exact integers rather than with the
 * percentDisplay the PDF code calls: hundredths of a percent = G × 10 000 ÷ C, half away from zero.
 */
function percentOf(g: number, c: number): string {
  if (c === 0) return '0.00';
  const sign = g < 0 !== c < 0 ? '-' : '';
  const [absG, absC] = [BigInt(Math.abs(g)), BigInt(Math.abs(c))];
  const hundredths = (absG * 20_000n + absC) / (2n * absC); // floor(x + ½) of a non-negative x
  return `${sign}${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

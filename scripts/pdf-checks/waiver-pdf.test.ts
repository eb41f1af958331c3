// Every lien waiver form rendered in Node, read back with poppler's pdftotext, and written with its
// page images (pdftoppm -png -r 60) to test-artifacts/waivers/ to be looked at: generic en/es/fr,
// California §§ 8132–8138 and Texas § 53.284(b)–(e), each for every waiver type where it applies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@shared/i18n/locales';
import { formatCents, formatMoney } from '@shared/money';
import { waiverDocument } from '@shared/waivers/index';
import { WAIVER_TYPES, type WaiverFill, type WaiverForm, type WaiverType } from '@shared/waivers/types';
import { renderWaiverPdf } from '../../worker/src/pdf/render-waiver';
import { nodeTtf } from './node-fonts';
import { hasTools, pdfInfo, pdfText, qpdfCheck } from './pdf-tools';

const OUT = join(process.cwd(), 'test-artifacts', 'waivers');

// Long values on purpose: the layout must wrap them, never run past the margin.
const fill: WaiverFill = {
  claimant: 'Northbridge Mechanical & Electrical Contractors, Inc.',
  customer: 'Harbor View Residences Development Company LLC',
  owner: 'Harbor View Residences Development Company LLC',
  jobName: 'Harbor View Residences, Phase II (Buildings C and D)',
  jobNumber: '2026-118',
  jobLocation: '1450 Embarcadero Boulevard, Suite 300, San Francisco, CA 94107',
  jobDescription: 'HVAC, plumbing and electrical rough-in and finish',
  makerOfCheck: 'Harbor View Residences Development Company LLC',
  payableTo: 'Northbridge Mechanical & Electrical Contractors, Inc.',
  amountCents: 123_456_789,
  throughDate: '2026-10-31',
  exceptions: 'Change order request #14 (disputed, $18,250.00) pending the owner’s decision',
  disputedClaimsCents: 1_825_000,
  priorUnpaid: [{ signedOn: '2026-09-30', unpaidCents: 4_500_000 }],
  signerName: 'María-José Fernández-Ortega',
  signerTitle: 'Chief Financial Officer and Authorized Signatory',
  signedOn: '2026-11-30',
};

const cases: Array<{ form: WaiverForm; locale: Locale; heading: (t: WaiverType) => string }> = [
  {
    form: 'generic',
    locale: 'en',
    heading: (t) =>
      ({
        conditional_progress: 'CONDITIONAL LIEN WAIVER AND RELEASE ON PROGRESS PAYMENT',
        unconditional_progress: 'UNCONDITIONAL LIEN WAIVER AND RELEASE ON PROGRESS PAYMENT',
        conditional_final: 'CONDITIONAL LIEN WAIVER AND RELEASE ON FINAL PAYMENT',
        unconditional_final: 'UNCONDITIONAL LIEN WAIVER AND RELEASE ON FINAL PAYMENT',
      })[t],
  },
  {
    form: 'generic',
    locale: 'es',
    heading: (t) => (t.startsWith('conditional') ? 'RENUNCIA Y LIBERACIÓN CONDICIONAL' : 'RENUNCIA Y LIBERACIÓN INCONDICIONAL'),
  },
  { form: 'generic', locale: 'fr', heading: (t) => (t.startsWith('conditional') ? 'RENONCIATION CONDITIONNELLE' : 'RENONCIATION INCONDITIONNELLE') },
  {
    form: 'us-ca',
    locale: 'en',
    heading: (t) =>
      t
        .replace(/_/g, ' ')
        .toUpperCase()
        .replace(/ (PROGRESS|FINAL)$/, ' WAIVER AND RELEASE ON $1 PAYMENT'),
  },
  {
    form: 'us-tx',
    locale: 'en',
    heading: (t) =>
      t
        .replace(/_/g, ' ')
        .toUpperCase()
        .replace(/ (PROGRESS|FINAL)$/, ' WAIVER AND RELEASE ON $1 PAYMENT'),
  },
];

/**
 * Every word's box (pdftotext -bbox, in points from the top-left corner) lies inside the text
 * margins (54 pt), give or take 1 pt of poppler's glyph boxes against pdf-lib's advance widths; the
 * footer line, below 756 pt, inside its own 36 pt margins. Returns the words that do not.
 */
function wordsOutside(path: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const out: string[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const margin = yMin > 756 ? 36 : 54;
    if (xMin < margin - 1 || xMax > 612 - margin + 1 || yMin < 36 || yMax > 792) out.push(`${m[5]} (${xMin}..${xMax}, ${yMin}..${yMax})`);
  }
  return out;
}

/** pdftotext wraps lines where the PDF does: compare with all whitespace as single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!hasTools)('lien waiver PDFs (Node, poppler)', () => {
  mkdirSync(OUT, { recursive: true });
  for (const c of cases) {
    for (const type of WAIVER_TYPES) {
      it(`${c.form} ${c.locale} ${type}: heading, amount and signature are printed; pages written to test-artifacts`, async () => {
        const doc = waiverDocument(c.form, type, fill, c.locale);
        const audit = {
          waiverId: 'lw_example',
          formSha256: 'a'.repeat(64),
          entries: [
            { action: 'created' as const, at: '2026-11-30T10:00:00.000Z', by: 'Ana Ruiz <ana@example.com>', detail: [] as Array<[string, string]> },
            {
              action: 'signed' as const,
              at: '2026-11-30T10:05:00.000Z',
              by: 'Ana Ruiz <ana@example.com>',
              detail: [
                ['IP address', '203.0.113.7'],
                [
                  'Browser (user agent)',
                  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
                ],
              ] as Array<[string, string]>,
            },
          ],
        };
        const bytes = await renderWaiverPdf(doc, { ttf: nodeTtf, locale: c.locale, audit });
        const name = `${c.form}-${c.locale}-${type}`;
        const path = join(OUT, `${name}.pdf`);
        writeFileSync(path, bytes);
        execFileSync('pdftoppm', ['-png', '-r', '60', path, join(OUT, name)]);
        expect(qpdfCheck(path).status === 0 || qpdfCheck(path).status === 3).toBe(true);
        expect(wordsOutside(path)).toEqual([]);
        const text = flat(pdfText(path));
        expect(text).toContain(c.heading(type));
        // the amount: the generic form writes it in the locale's money format; the statutes after their own "$",
        // except the statutory unconditional final forms, which print none ("The claimant has been paid in full.")
        if (c.form === 'generic') expect(text).toContain(flat(formatMoney(fill.amountCents, c.locale)));
        else if (type !== 'unconditional_final') expect(text).toContain(`$${formatCents(fill.amountCents)}`);
        expect(text).toContain('/s/ María-José Fernández-Ortega');
        // the audit page is the last page
        const pages = Number(pdfInfo(path).Pages);
        expect(flat(pdfText(path, pages))).toContain('203.0.113.7');
      });
    }
  }

  it('California statutory notices are printed word for word', async () => {
    const cond = flat(pdfText(join(OUT, 'us-ca-en-conditional_progress.pdf')));
    expect(cond).toContain(
      'NOTICE: THIS DOCUMENT WAIVES THE CLAIMANT’S LIEN, STOP PAYMENT NOTICE, AND PAYMENT BOND RIGHTS EFFECTIVE ON RECEIPT OF PAYMENT. A PERSON SHOULD NOT RELY ON THIS DOCUMENT UNLESS SATISFIED THAT THE CLAIMANT HAS RECEIVED PAYMENT.',
    );
    const uncond = flat(pdfText(join(OUT, 'us-ca-en-unconditional_final.pdf')));
    expect(uncond).toContain('NOTICE TO CLAIMANT: THIS DOCUMENT WAIVES AND RELEASES LIEN, STOP PAYMENT NOTICE, AND PAYMENT BOND RIGHTS UNCONDITIONALLY');
    expect(uncond).toContain('The claimant has been paid in full.');
    expect(uncond).toContain('Disputed claims for extras in the amount of: $18,250.00');
  });
});

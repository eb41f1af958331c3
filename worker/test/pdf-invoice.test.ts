import { SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCents } from '@shared/money';
import { users } from '../src/db/schema';
import { verifySignedPath } from '../src/services/pdf/signed-links';
import { env } from 'cloudflare:test';
import { api, db, ok, seedCompany, seedUser, joinByInvitation } from './helpers';
import { buildFixtureInvoices, fixture, type FixtureBuild } from './pdf-builders';
import { readPdf, rowWith } from './pdf-text';

// GET /api/v1/invoices/:id/pdf on the fixture's invoices: the figures of the G702 page and every
// SOV line of the G703 page, read back out of the PDF, to the cent; languages; names in other
// scripts; who may get it; signed links.

const getPdf = async (token: string | null, path: string) => {
  const res = await SELF.fetch(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
};
const fr = (cents: number) => formatCents(cents, 'fr').replace(/\u202f/g, '\u00a0');

describe('invoice PDF', () => {
  let admin: { token: string; id: string };
  let built: FixtureBuild;

  beforeAll(async () => {
    const gc = await seedCompany('Northwind Builders Inc.');
    admin = await seedUser({ name: 'Ana Ruiz', companyId: gc });
    built = await buildFixtureInvoices(admin.token, {
      counterpartyName: 'Springfield Health Partners LLC',
      architect: 'Ruiz & Partners Architects',
      contractDate: '2024-12-02',
    });
  });

  it('invoice 2: the G702 page carries every line 1–9, 5a/5b and the change order summary to the cent', async () => {
    const { res, bytes } = await getPdf(admin.token, `/api/v1/invoices/${built.invoiceIds[1]}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Invoice 2 - Prime contract.pdf"; filename*=UTF-8''Invoice%202%20-%20Prime%20contract.pdf`,
    );
    const { pages } = await readPdf(bytes);
    expect(pages).toHaveLength(2);
    expect([pages[0]!.width, pages[0]!.height]).toEqual([612, 792]); // G702 portrait
    expect([pages[1]!.width, pages[1]!.height]).toEqual([792, 612]); // G703 landscape
    const g702 = pages[0]!;
    const expected = fixture.invoices[1]!;
    for (const [line, cents] of Object.entries(expected.expectedG702)) {
      expect(
        g702.items.map((i) => i.text),
        `${line} = ${formatCents(cents)}`,
      ).toContain(formatCents(cents));
    }
    expect(rowWith(g702.items, ['8. CURRENT PAYMENT DUE', '19,252.83'])).toBeDefined();
    expect(rowWith(g702.items, ['7. LESS PREVIOUS CERTIFICATES FOR PAYMENT', '24,897.17'])).toBeDefined();
    expect(rowWith(g702.items, ['AMOUNT CERTIFIED', '19,252.83'])).toBeDefined();
    const co = expected.expectedChangeOrderSummary;
    expect(
      rowWith(g702.items, ['Total changes approved in previous months', formatCents(co.previousAdditionsCents), formatCents(co.previousDeductionsCents)]),
    ).toBeDefined();
    expect(
      rowWith(g702.items, ['Total approved this month', formatCents(co.thisPeriodAdditionsCents), formatCents(co.thisPeriodDeductionsCents)]),
    ).toBeDefined();
    expect(rowWith(g702.items, ['NET CHANGES by Change Order', formatCents(co.netChangesCents)])).toBeDefined();
    for (const header of [
      'Fixture project',
      'Springfield Health Partners LLC',
      'Northwind Builders Inc.',
      'Ruiz & Partners Architects',
      '#1 Prime contract',
      '02/28/2025',
      '12/02/2024',
      'F-1',
    ]) {
      expect(g702.text, header).toContain(header);
    }
  });

  it('invoice 2: the G703 page has every SOV line with columns A–I and the grand total', async () => {
    const { bytes } = await getPdf(admin.token, `/api/v1/invoices/${built.invoiceIds[1]}/pdf`);
    const g703 = (await readPdf(bytes)).pages[1]!;
    for (const letter of ['A', 'B', 'C', 'D', 'E', 'F', 'G', '%', 'H', 'I']) expect(g703.items.map((i) => i.text)).toContain(letter);
    const inv = fixture.invoices[1]!;
    for (const l of inv.lines) {
      const e = l.expected;
      const description = fixture.sovLines.find((s) => s.itemNo === l.itemNo)!.description;
      const cells = [
        l.itemNo,
        description,
        ...[
          e.scheduledValueCents,
          e.workCompletedPreviousCents,
          e.workCompletedThisPeriodCents,
          e.materialsPresentlyStoredCents,
          e.totalCompletedAndStoredCents,
        ].map((c) => formatCents(c)),
        `${e.percentCompleteDisplay}%`,
        formatCents(e.balanceToFinishCents),
        formatCents(e.retainageCents),
      ];
      expect(rowWith(g703.items, cells), `line ${l.itemNo}: ${cells.join(' | ')}`).toBeDefined();
    }
    const t = inv.expectedTotals;
    const totals = [
      t.scheduledValueCents,
      t.workCompletedPreviousCents,
      t.workCompletedThisPeriodCents,
      t.materialsPresentlyStoredCents,
      t.totalCompletedAndStoredCents,
      t.balanceToFinishCents,
      t.retainageCents,
    ].map((c) => formatCents(c));
    expect(rowWith(g703.items, ['GRAND TOTAL', ...totals, '47.57%'])).toBeDefined();
    // one G703 page: no page subtotal row (it would repeat the grand total)
    expect(g703.text).not.toContain('PAGE SUBTOTAL');
  });

  it('invoice 1 shows its own figures: line 6 and 8 = 24,897.17, line 7 = 0.00', async () => {
    const { bytes } = await getPdf(admin.token, `/api/v1/invoices/${built.invoiceIds[0]}/pdf?download=1`);
    const g702 = (await readPdf(bytes)).pages[0]!;
    expect(rowWith(g702.items, ['6. TOTAL EARNED LESS RETAINAGE', '24,897.17'])).toBeDefined();
    expect(rowWith(g702.items, ['8. CURRENT PAYMENT DUE', '24,897.17'])).toBeDefined();
    expect(rowWith(g702.items, ['a. Of completed work (Columns D + E)', '1,658.02'])).toBeDefined();
    expect(rowWith(g702.items, ['b. Of stored material (Column F)', '525.01'])).toBeDefined();
  });

  it('?download=1 asks the browser to save the file', async () => {
    const { res } = await getPdf(admin.token, `/api/v1/invoices/${built.invoiceIds[0]}/pdf?download=1`);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Invoice 1 - Prime contract\.pdf"/);
  });

  it('Spanish and French: labels and number formats; the default is the user language', async () => {
    const es = await readPdf((await getPdf(admin.token, `/api/v1/invoices/${built.invoiceIds[1]}/pdf?locale=es`)).bytes);
    expect(es.pages[0]!.text).toContain('SOLICITUD Y CERTIFICADO DE PAGO');
    expect(rowWith(es.pages[0]!.items, ['8. PAGO ACTUAL ADEUDADO', '19.252,83'])).toBeDefined();
    expect(es.pages[1]!.text).toContain('HOJA DE CONTINUACIÓN');
    expect(es.pages[1]!.text).toContain('54,29%');

    const french = await seedUser({ name: 'Élodie Martin' });
    await db().update(users).set({ locale: 'fr' }).where(eq(users.id, french.id));
    await joinByInvitation(admin.token, built.projectId, french, { primeContracts: 'read_only', commitments: 'none' });
    const { res, bytes } = await getPdf(french.token, `/api/v1/invoices/${built.invoiceIds[1]}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('fr');
    const frPdf = await readPdf(bytes);
    expect(frPdf.pages[0]!.text).toContain('DEMANDE ET CERTIFICAT DE PAIEMENT');
    expect(rowWith(frPdf.pages[0]!.items, ['8. PAIEMENT COURANT DÛ', fr(1925283)])).toBeDefined();
    expect(rowWith(frPdf.pages[1]!.items, ['TOTAL GÉNÉRAL', fr(10300000), fr(4900000)])).toBeDefined();
  });

  it('names in other scripts are drawn with the embedded Unicode font; file names lose ":" and "/"', async () => {
    const built2 = await buildFixtureInvoices(admin.token, {
      projectId: built.projectId,
      periodIds: built.periodIds,
      title: 'Фаза 1: Core/Shell',
      counterpartyName: 'Дмитрий Иванов Development',
      architect: 'Ελένη Παπαδοπούλου',
      descriptions: { '2': 'Земляные работы — Site Work' },
      invoiceCount: 1,
    });
    const { res, bytes } = await getPdf(admin.token, `/api/v1/invoices/${built2.invoiceIds[0]}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Invoice 1 - Фаза 1 Core Shell.pdf')}`);
    const { pages } = await readPdf(bytes);
    const named = (page: (typeof pages)[number], text: string) => page.items.find((i) => i.text.includes(text));
    for (const name of ['Дмитрий Иванов Development', 'Ελένη Παπαδοπούλου']) {
      expect(named(pages[0]!, name)?.font, name).toMatch(/^DejaVuSans/);
    }
    expect(named(pages[1]!, 'Земляные работы — Site Work')?.font).toMatch(/^DejaVuSans/);
    // figures keep the standard font
    expect(pages[0]!.items.find((i) => i.text === '24,897.17')?.font).toBe('Helvetica');
  });

  it('who may see the invoice may get it; others get 404, anonymous 401; a bad locale is 422', async () => {
    const stranger = await seedUser({ name: 'Outsider' });
    const hidden = await api(stranger.token, 'GET', `/api/v1/invoices/${built.invoiceIds[0]}/pdf`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    expect((await api(null, 'GET', `/api/v1/invoices/${built.invoiceIds[0]}/pdf`)).status).toBe(401);
    const bad = await api(admin.token, 'GET', `/api/v1/invoices/${built.invoiceIds[0]}/pdf?locale=de`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('locale');
  });

  it('a signed link opens the PDF without a header, for 5 minutes, only for its path', async () => {
    const link = await ok(200, admin.token, 'POST', `/api/v1/invoices/${built.invoiceIds[1]}/pdf-link?locale=es&download=1`);
    const url = new URL(link.url);
    const { res, bytes } = await getPdf(null, `${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await readPdf(bytes)).pages[0]!.text).toContain('SOLICITUD Y CERTIFICADO DE PAGO');

    const tampered = new URL(link.url);
    // change the FIRST character: every bit of it counts (the last base64url character of a 32-byte
    // MAC carries padding bits a decoder may ignore, and the old "…AA" tamper was a no-op when the
    // signature already ended that way)
    const sig = tampered.searchParams.get('sig')!;
    tampered.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    expect((await api(null, 'GET', `${tampered.pathname}${tampered.search}`)).status).toBe(401);
    const otherInvoice = `/api/v1/invoices/${built.invoiceIds[0]}/pdf${url.search}`;
    expect((await api(null, 'GET', otherInvoice)).status).toBe(401);
    const q = Object.fromEntries(url.searchParams);
    await expect(verifySignedPath(env, url.pathname, q, Date.now() + 6 * 60_000)).rejects.toThrow(/expired/);
    await expect(verifySignedPath(env, url.pathname, q)).resolves.toBe(admin.id);

    // the link acts as its user: a user who cannot see the invoice gets nothing from their own link
    const stranger = await seedUser({ name: 'Outsider 2' });
    expect((await api(stranger.token, 'POST', `/api/v1/invoices/${built.invoiceIds[1]}/pdf-link`)).status).toBe(404);
  });
});

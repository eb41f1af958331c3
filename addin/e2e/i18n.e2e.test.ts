// The pane in Spanish and in French opens an invoice: the G703 and G702 sheets are written in the
// pane's language (header block, column headers, G702 labels) and an edit typed into column E is
// still saved and reflected in the sheet's G702 line 8. Expected texts are literals.
import { expect, it } from 'vitest';
import { G702_LINE_ROWS } from '../src/excel/g702-plan';
import { computedCellToCents } from '../src/excel/units';
import type { InvoiceView } from '../src/api/types';
import { describeBrowser, env, screenshot, sheetNamed, useBrowser } from './fixtures';
import { api, cellValue, createLargeInvoice, openHarness, pasteTsv, waitForStatus } from './harness-driver.mjs';

const FIRST_DATA_ROW = 8; // G703 header block rows 1–6, table header row 7

const expected = {
  es: {
    g703Title: 'HOJA DE CONTINUACIÓN (AIA G703)',
    status: 'Estado: borrador (editable)',
    e: 'E · Obra ejecutada este período',
    g: 'G · Total ejecutado y almacenado a la fecha (D+E+F)',
    g702Title: 'SOLICITUD Y CERTIFICADO DE PAGO (AIA G702)',
    line8: '8. Pago actual adeudado',
  },
  fr: {
    g703Title: 'FEUILLE DE CONTINUATION (AIA G703)',
    status: 'Statut : brouillon (modifiable)',
    e: 'E · Travaux exécutés cette période',
    g: 'G · Total exécuté et stocké à ce jour (D+E+F)',
    g702Title: 'DEMANDE ET CERTIFICAT DE PAIEMENT (AIA G702)',
    line8: '8. Paiement courant dû',
  },
} as const;

describeBrowser('the sheets in the pane’s language', () => {
  const browser = useBrowser();

  for (const lang of ['es', 'fr'] as const) {
    it(`${lang}: G703 and G702 labels are translated, and an edit is saved`, async () => {
      const want = expected[lang];
      const { invoiceId } = await createLargeInvoice({
        baseUrl: env.baseUrl,
        token: env.tokens.admin!,
        projectId: env.projectId,
        lines: 5,
        title: `Sheets in ${lang}`,
      });
      const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, invoiceId, lang });
      const g703 = await sheetNamed(page, 'G703 #');
      const g702 = await sheetNamed(page, 'G702 #');
      expect(await cellValue(page, g703, 'A1')).toBe(want.g703Title);
      expect(await cellValue(page, g703, 'A6')).toBe(want.status);
      expect(await cellValue(page, g703, 'E7')).toBe(want.e);
      expect(await cellValue(page, g703, 'G7')).toBe(want.g);
      const line8Row = G702_LINE_ROWS.line8CurrentPaymentDueCents + 1;
      expect(await cellValue(page, g702, 'A1')).toBe(want.g702Title);
      expect(await cellValue(page, g702, `A${line8Row}`)).toBe(want.line8);

      await pasteTsv(page, g703, `E${FIRST_DATA_ROW}`, '1500\n');
      await expect
        .poll(
          async () =>
            (await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${invoiceId}`)).lines.find((l) => l.itemNo === '00001')
              ?.workCompletedThisPeriodCents,
          {
            timeout: 20_000,
          },
        )
        .toBe(150_000);
      await waitForStatus(page, (s) => s.kind === 'saved', 30_000);
      const view = await api<InvoiceView>(env.baseUrl, env.tokens.admin!, 'GET', `/invoices/${invoiceId}`);
      expect(computedCellToCents(await cellValue(page, g702, `B${line8Row}`))).toBe(view.g702.line8CurrentPaymentDueCents);
      await screenshot(page, `i18n-${lang}-g703`);
      await page.locator(`[data-testid="sheet-tab-${g702}"]`).click();
      await screenshot(page, `i18n-${lang}-g702`);
      await page.context().close();
    });
  }
});

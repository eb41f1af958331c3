// A user sorts the G703 table (Data ▸ Sort, the harness's "Sort Z→A") and then types: the edit is
// saved on the line whose row it is now, not on the line that row held before, and the add-in's
// write-back and a Refresh leave every other line alone (rows are mapped by line id).
import { expect, it } from 'vitest';
import { centsOf, describeBrowser, env, screenshot, sheetNamed, useBrowser } from './fixtures';
import { api, cellValue, createLargeInvoice, openHarness, selectCell, waitForStatus } from './harness-driver.mjs';
import type { InvoiceView } from '../src/api/types';

const FIRST_DATA_ROW = 8;

describeBrowser('sorting the G703 sheet', () => {
  const browser = useBrowser();

  it('an edit after a Z→A sort lands on the line shown in that row; nothing else changes', async () => {
    const token = env.tokens.admin!;
    const { invoiceId } = await createLargeInvoice({ baseUrl: env.baseUrl, token, projectId: env.projectId, lines: 12, title: 'E2E sort' });
    const page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token, invoiceId });
    const sheet = await sheetNamed(page, 'G703 #');
    expect(await cellValue(page, sheet, `A${FIRST_DATA_ROW}`)).toBe('00001');

    await selectCell(page, sheet, `B${FIRST_DATA_ROW}`);
    await page.getByTestId('sort-desc').click();
    await page.waitForFunction(({ sheet, row }) => window.__workbook.getSheetSnapshot(sheet).values[row - 1][0] === '00012', { sheet, row: FIRST_DATA_ROW });

    await selectCell(page, sheet, `E${FIRST_DATA_ROW}`);
    await page.keyboard.type('1234.56');
    await page.keyboard.press('Enter');
    await page.keyboard.type('78.90');
    await page.keyboard.press('Enter');
    await waitForStatus(page, (s) => s.text === 'Saved', 30_000, 300);

    const byItem = async () =>
      Object.fromEntries(
        (await api<InvoiceView>(env.baseUrl, token, 'GET', `/invoices/${invoiceId}`)).lines.map((l) => [l.itemNo, l.workCompletedThisPeriodCents]),
      );
    const saved = await byItem();
    expect(saved['00012']).toBe(centsOf('1234.56'));
    expect(saved['00011']).toBe(centsOf('78.90'));
    expect(
      Object.entries(saved)
        .filter(([item]) => item !== '00012' && item !== '00011')
        .every(([, cents]) => cents === 0),
    ).toBe(true);

    // The rows still show their own lines, and a Refresh sends nothing.
    expect(await cellValue(page, sheet, `E${FIRST_DATA_ROW}`)).toBe(1234.56);
    expect(await cellValue(page, sheet, `A${FIRST_DATA_ROW + 11}`)).toBe('00001');
    await page
      .getByRole('button', { name: /refresh/i })
      .first()
      .click();
    await waitForStatus(page, (s) => s.text === 'Saved', 30_000, 300);
    expect(await byItem()).toEqual(saved);
    await screenshot(page, 'sort-then-edit');
  });
});

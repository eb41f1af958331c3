// Loading a schedule of values from Excel, as an accountant does it in the harness: paste a 200-line
// export into a new sheet, select it, read it in the pane, see the one bad cell named by row and
// column, fix it in the sheet, read again, import (one request), edit it on a sheet and save, approve;
// then the SOV is read-only.
// The API is called only to create the draft contract and to read results.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { centsOf, describeBrowser, env, screenshot, useBrowser } from './fixtures';
import { api, extendSelectionTo, openHarness, pasteTsv, selectCell } from './harness-driver.mjs';

const LINES = 200;
const BAD_INDEX = 56; // the 57th line: sheet row 58 (row 1 is the header)
/** Exact decimal text for line i; the expected cents come from this text (centsOf), not from the pane's code. */
const valueText = (i: number) => `${1_000 + ((i * 379) % 90_000)}.${String((i * 13) % 100).padStart(2, '0')}`;
const header = ['Item No.', 'Cost Code', 'Description', 'Scheduled Value', 'Section'];
/** "$1,234,567.89" from cents, by integer arithmetic. */
const dollars = (cents: number) => `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
const rowOf = (i: number) => [
  `A-${String(i + 1).padStart(3, '0')}`,
  `0${(i % 16) + 1}-100`,
  `Work item ${i + 1}`,
  valueText(i),
  `Area ${Math.floor(i / 50) + 1}`,
];

describeBrowser('SOV import from a selected range', () => {
  const browser = useBrowser();
  let page: Page;
  let contractId: string;
  const puts: string[] = [];

  beforeAll(async () => {
    const contract = await api(env.baseUrl, env.tokens.admin!, 'POST', `/projects/${env.projectId}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: 'E2E SOV import',
      workRetainageBps: 1000,
    });
    contractId = contract.id;
    page = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, lang: 'en' });
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes(`/contracts/${contractId}/sov`)) puts.push(r.url());
    });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('names the bad cell, imports 200 lines in one request once it is fixed, and approves', async () => {
    // The pane: project → the new contract → its schedule-of-values tab.
    await page.locator('select[name="project"]').selectOption(env.projectId);
    await page.locator(`[data-testid="contract-row"][data-contract-id="${contractId}"]`).click();
    await page.getByTestId('contract-tab-sov').click();
    await expect.poll(() => page.getByTestId('sov-status-note').textContent()).toMatch(/^Draft/);
    // Approving with no lines is refused, and the pane says why.
    await page.getByTestId('sov-approve').click();
    await expect
      .poll(() => page.getByTestId('sov-error').textContent())
      .toBe('A contract needs at least one schedule of values line before it can be approved');

    // The export pasted into a new sheet, one value mistyped ("1O0.00": a letter O), then selected.
    await page.getByTestId('add-sheet').click();
    const sheet = 'Sheet1';
    const rows = Array.from({ length: LINES }, (_, i) => rowOf(i));
    rows[BAD_INDEX]![3] = '1O0.00';
    await pasteTsv(page, sheet, 'A1', [header, ...rows].map((r) => r.join('\t')).join('\n'));
    await selectCell(page, sheet, 'A1');
    await extendSelectionTo(page, sheet, `E${LINES + 1}`);
    expect(await page.getByTestId('namebox').textContent()).toBe(`A1:E${LINES + 1}`);

    await page.getByTestId('sov-read-selection').click();
    await expect.poll(() => page.getByTestId('sov-source').textContent(), { timeout: 30_000 }).toBe(`${sheet}!A1:E${LINES + 1} · 200 lines`);
    // every column guessed from the export's headers
    for (const [field, col] of [
      ['itemNo', '0'],
      ['costCode', '1'],
      ['description', '2'],
      ['scheduledValueCents', '3'],
      ['group', '4'],
    ])
      expect(await page.getByTestId(`sov-map-${field}`).inputValue(), field).toBe(col);
    const problems = page.getByTestId('sov-problem');
    await expect.poll(() => problems.allTextContents()).toEqual(['Row 58, column D (Scheduled Value): “1O0.00” is not a number']);
    expect(await page.getByTestId('sov-problems').textContent()).toContain('1 problem: nothing is imported until it is fixed');
    expect(await page.getByTestId('sov-import-button').isDisabled()).toBe(true);
    const preview = await page.locator('[data-testid="sov-preview"] tbody tr').first().locator('td').allTextContents();
    expect(preview).toEqual(['A-001', 'Work item 1', '1,000.00', 'Area 1']);
    await selectCell(page, sheet, 'D58'); // the user goes to the cell the pane named
    expect(await page.getByTestId('formula-bar').textContent()).toBe('1O0.00');
    await screenshot(page, 'sov-import-bad-cell');

    // Fixed in the sheet, read again: the same place keeps the mapping; no problem left.
    // (the selection is now on D58, the cell just fixed: "Read again" reads the same block)
    await pasteTsv(page, sheet, 'D58', '100.00');
    expect(await page.getByTestId('namebox').textContent()).toBe('D58');
    await page.getByTestId('sov-read-again').click();
    await expect.poll(() => page.getByTestId('sov-problems').count()).toBe(0);
    expect(await page.getByTestId('sov-import-button').textContent()).toBe('Import 200 lines');
    await page.getByTestId('sov-import-button').click();
    await expect.poll(() => page.getByTestId('sov-done').textContent(), { timeout: 30_000 }).toBe('200 lines imported');
    expect(puts).toHaveLength(1);
    await screenshot(page, 'sov-imported');

    const sov = await api(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${contractId}/sov`);
    const expected = rows.map((r, i) => (i === BAD_INDEX ? 10_000 : centsOf(r[3]!)));
    expect(sov.lines.map((l: { scheduledValueCents: number }) => l.scheduledValueCents)).toEqual(expected);
    expect(sov.lines.map((l: { itemNo: string }) => l.itemNo)).toEqual(rows.map((r) => r[0]));
    expect(sov.groups.map((g: { name: string }) => g.name)).toEqual(['Area 1', 'Area 2', 'Area 3', 'Area 4']);
    const total = expected.reduce((a, b) => a + b, 0);
    await expect.poll(() => page.getByTestId('contract-revised-sum').textContent()).toBe(dollars(total));

    // Edit while a draft: the pane writes the SOV to a sheet, the user changes a line and adds one,
    // "Save from sheet" reads it back through the same checks and replaces the SOV.
    await page.getByTestId('sov-edit-in-sheet').click();
    const sovSheet = `SOV #${(await api(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${contractId}`)).number}`;
    // the block written is what Excel now has selected (Range.select after Worksheet.activate)
    await expect
      .poll(() => page.evaluate(() => (window.__workbook.book as unknown as { selection: unknown }).selection))
      .toEqual({ sheet: sovSheet, address: `A1:G${LINES + 1}` });
    await pasteTsv(page, sovSheet, 'C3', 'Site clearing');
    // a new line under the last one (pasted with the last row: the harness grid ends at the used range)
    const last = [...rows[LINES - 1]!];
    await pasteTsv(page, sovSheet, `A${LINES + 1}`, `${last.join('\t')}\nA-201\t99-100\tExtra line\t1234.56\tArea 5`);
    await screenshot(page, 'sov-edit-in-sheet');
    await page.getByTestId('sov-save-from-sheet').click();
    await expect.poll(() => page.getByTestId('sov-done').textContent(), { timeout: 30_000 }).toBe('201 lines imported');
    expect(puts).toHaveLength(2);
    const edited = await api(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${contractId}/sov`);
    expect(edited.lines).toHaveLength(201);
    expect([edited.lines[1].description, edited.lines[1].scheduledValueCents]).toEqual(['Site clearing', expected[1]]);
    expect([edited.lines[200].itemNo, edited.lines[200].costCode, edited.lines[200].scheduledValueCents]).toEqual(['A-201', '99-100', 123_456]);
    expect(edited.lines.slice(0, 200).map((l: { scheduledValueCents: number }) => l.scheduledValueCents)).toEqual(expected);

    // Approve: the SOV turns read-only.
    await page.getByTestId('sov-approve').click();
    await expect.poll(() => page.getByTestId('contract-screen').getAttribute('data-status')).toBe('approved');
    expect(await page.getByTestId('sov-status-note').textContent()).toBe('Approved: the schedule of values now changes only through change orders.');
    expect(await page.getByTestId('sov-read-selection').count()).toBe(0);
    expect(await page.getByTestId('sov-approve').count()).toBe(0);
    expect(await page.getByTestId('sov-total').textContent()).toBe(dollars(total + 123_456));
    const contract = await api(env.baseUrl, env.tokens.admin!, 'GET', `/contracts/${contractId}`);
    expect([contract.status, contract.originalContractSumCents, contract.lineCount]).toEqual(['approved', total + 123_456, 201]);
    await screenshot(page, 'sov-approved');
  });
  for (const [lang, headers, problem, tab] of [
    ['es', ['Partida', 'Código', 'Descripción', 'Importe', 'Capítulo'], 'Fila 3, columna D (Importe): «12,34x» no es un número', 'Partidas'],
    ['fr', ['N°', 'Code', 'Désignation', 'Montant', 'Lot'], 'Ligne 3, colonne D (Montant)\u00a0: « 12,34x » n’est pas un nombre', 'Postes'],
  ] as const) {
    it(`speaks ${lang}: headers mapped, a bad cell named, numbers read in the ${lang} notation`, async () => {
      const c = await api(env.baseUrl, env.tokens.admin!, 'POST', `/projects/${env.projectId}/contracts`, {
        kind: 'prime',
        accountingMethod: 'amount',
        title: `E2E SOV ${lang}`,
      });
      const p = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token: env.tokens.admin!, lang });
      try {
        await p.locator('select[name="project"]').selectOption(env.projectId);
        await p.locator(`[data-testid="contract-row"][data-contract-id="${c.id}"]`).click();
        expect(await p.getByRole('tab', { name: tab, exact: true }).getAttribute('data-testid')).toBe('contract-tab-sov');
        await p.getByTestId('contract-tab-sov').click();
        await p.getByTestId('add-sheet').click();
        // typed into an es/fr Excel: "1.234,50" / "1 234,50" become numbers; "12,34x" stays text
        const amount = lang === 'es' ? '1.234,50' : '1 234,50';
        const block = [headers, ['1', '01', 'Excavación', amount, 'A'], ['2', '02', 'Relleno', '12,34x', 'A'], ['3', '03', 'Hormigón', '7,5', 'B']];
        await pasteTsv(p, 'Sheet1', 'A1', block.map((r) => r.join('\t')).join('\n'));
        await selectCell(p, 'Sheet1', 'A1');
        await extendSelectionTo(p, 'Sheet1', 'E4');
        await p.getByTestId('sov-read-selection').click();
        await expect.poll(() => p.getByTestId('sov-problem').allTextContents()).toEqual([problem]);
        expect(await p.getByTestId('sov-map-group').inputValue()).toBe('4');
        const first = await p.locator('[data-testid="sov-preview"] tbody tr').first().locator('td').allTextContents();
        expect(first[2]).toBe(lang === 'es' ? '1.234,50' : '1\u202f234,50');
        await screenshot(p, `sov-import-${lang}`);
      } finally {
        await p.context().close();
      }
    });
  }
});

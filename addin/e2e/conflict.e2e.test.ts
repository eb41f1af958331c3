// Two people on the same invoice (two browser contexts = two computers): the second one's save
// makes the first one's next PATCH a 409; the first one's edits that do not collide are
// reapplied and saved, the one that collides is shown (status line, details, amber cell + note).
import { expect, it } from 'vitest';
import { centsOf, describeBrowser, env, screenshot, sheetNamed, useBrowser } from './fixtures';
import { api, cellValue, openHarness, pasteTsv, selectCell, waitForStatus } from './harness-driver.mjs';

/** Polls the API until the first n lines' E values are as expected (the resend may still be in flight). */
async function waitForLines(get: () => Promise<Array<{ workCompletedThisPeriodCents: number }>>, n: number, expected: number[]) {
  const deadline = Date.now() + 15_000;
  let got: number[] = [];
  while (Date.now() < deadline) {
    got = (await get()).slice(0, n).map((l) => l.workCompletedThisPeriodCents);
    if (JSON.stringify(got) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(got).toEqual(expected);
}
import type { InvoiceView } from '../src/api/types';

describeBrowser('two users editing the same invoice', () => {
  const browser = useBrowser();

  it('reapplies the non-colliding edits after a version conflict and shows the colliding one', async () => {
    const invoiceId = env.invoiceIds['3']!;
    const token = env.tokens.admin!;
    const getLines = async () =>
      [...(await api<InvoiceView>(env.baseUrl, token, 'GET', `/invoices/${invoiceId}`)).lines].sort((a, b) => a.position - b.position);

    const alice = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token, invoiceId });
    const bob = await openHarness(await browser.context(), { baseUrl: env.baseUrl, token, invoiceId });
    const sheet = await sheetNamed(alice, 'G703 #');

    // Bob saves lines 001 and 002 first; Alice's copy is now one version behind.
    await pasteTsv(bob, sheet, 'E8', '111.11\n222.22\n');
    await waitForStatus(bob, (s) => s.text === 'Saved');

    // Alice, unaware, types over line 002 (collides with Bob) and line 003 (does not).
    await selectCell(alice, sheet, 'E9');
    await alice.keyboard.type('333.33');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('444.44');
    await alice.keyboard.press('Enter');
    // the non-colliding edit is re-sent after the 409; then the collision is what remains
    const status = await waitForStatus(alice, (s) => s.kind === 'conflict', 30_000, 500);
    expect(status.text).toBe('1 of your edits collided with a change made by someone else');
    await waitForLines(() => getLines(), 3, [centsOf('111.11'), centsOf('222.22'), centsOf('444.44')]);

    const lines = await getLines();
    expect(lines.slice(0, 3).map((l) => l.workCompletedThisPeriodCents)).toEqual([centsOf('111.11'), centsOf('222.22'), centsOf('444.44')]);

    // Alice's sheet shows the server's value for the collision, marked with a note, and her
    // reapplied edit; Bob's line 001 arrived too.
    expect(await cellValue(alice, sheet, 'E9')).toBe(222.22);
    expect(await cellValue(alice, sheet, 'E10')).toBe(444.44);
    expect(await cellValue(alice, sheet, 'E8')).toBe(111.11);
    const collided = alice.locator(`[data-sheet="${sheet}"] [data-a1="E9"]`);
    expect(await collided.getAttribute('data-note')).toMatch(/someone else.*222\.22.*333\.33/);

    // The details list says which edit lost and to what.
    await alice.getByRole('button', { name: 'Review' }).last().click();
    expect(await alice.getByTestId('sync-details').textContent()).toMatch(/002 .*yours 333\.33, now 222\.22/);
    await selectCell(alice, sheet, 'E9');
    await screenshot(alice, 'conflict-first-user');

    // Bob refreshes and sees Alice's reapplied edit without losing anything.
    await bob.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => cellValue(bob, sheet, 'E10'), { timeout: 15_000 }).toBe(444.44);
    await waitForStatus(bob, (s) => s.text === 'Saved');
    await screenshot(bob, 'conflict-second-user');

    await alice.context().close();
    await bob.context().close();
  });
});

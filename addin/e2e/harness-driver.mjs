// Drives the browser harness with playwright-core: shared by the end-to-end tests and by
// scripts/bench/addin-paste.mjs (plain JS so the benchmark runs with `node`; types in the .d.mts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** null when Chromium is installed, else the reason the browser tests cannot run. */
export function chromiumMissingReason() {
  return existsSync(CHROMIUM_PATH) ? null : `Chromium not found at ${CHROMIUM_PATH} (Debian: apt-get install -y chromium)`;
}

/** A browser on a fresh user-data dir (no profile state leaks between runs). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'pb-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1500, height: 900 },
  });
  // The persistent context is only the launcher; tests open isolated contexts from its browser.
  const browser = context.browser();
  if (!browser) throw new Error('the persistent Chromium context has no browser handle');
  return {
    browser,
    /** a new isolated context (its own localStorage): one "user" at their own computer */
    newContext: (options = {}) => browser.newContext({ viewport: { width: 1500, height: 900 }, ...options }),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the harness signed in (the token is put in the pane's storage, as sign-in would) and,
 * with invoiceId, opens that invoice; waits until the sheets are rendered and the line says Saved.
 */
export async function openHarness(context, { baseUrl, token, invoiceId = null, lang = 'en', waitSaved = true }) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[harness page error] ${e.message}`));
  if (token) {
    await page.addInitScript(
      ({ serverUrl, token }) => {
        if (!localStorage.getItem('progress-billing.token')) {
          localStorage.setItem('progress-billing.serverUrl', serverUrl);
          localStorage.setItem('progress-billing.token', token);
        }
      },
      { serverUrl: baseUrl, token },
    );
  }
  const q = new URLSearchParams(invoiceId ? { lang, invoice: invoiceId } : { lang });
  await page.goto(`${baseUrl}/harness.html?${q}`);
  await recordStatuses(page);
  if (invoiceId && waitSaved) await waitForStatus(page, (s) => s.kind === 'saved', 60_000);
  return page;
}

/** Keeps every status-line change (text, kind, time) in the page, so quick transitions are not missed. */
export async function recordStatuses(page) {
  await page.evaluate(() => {
    if (window.__statusLog) return;
    const log = (window.__statusLog = []);
    let last = '';
    const read = () => {
      const el = document.querySelector('[data-testid=sync-status]');
      const entry = el ? { text: el.textContent ?? '', kind: el.getAttribute('data-kind') ?? '' } : null;
      const key = entry ? `${entry.kind}|${entry.text}` : '';
      if (entry && key !== last) {
        last = key;
        log.push({ ...entry, at: performance.now() });
      }
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-kind'],
    });
    read();
  });
}

export async function statusLog(page) {
  return page.evaluate(() => window.__statusLog ?? []);
}

/** Text and kind read together (two separate reads could straddle a change). */
export async function currentStatus(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid=sync-status]');
    return el ? { text: el.textContent ?? '', kind: el.getAttribute('data-kind') ?? '' } : null;
  });
}

/**
 * Waits until the status line matches. With holdMs, the match must last that long: the line
 * passes through states (saving → conflict → saving → conflict) and a glimpse is not the outcome.
 */
export async function waitForStatus(page, predicate, timeoutMs = 30_000, holdMs = 0) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  let since = null;
  while (Date.now() < deadline) {
    last = await currentStatus(page).catch(() => null);
    if (last && predicate(last)) {
      since ??= Date.now();
      if (Date.now() - since >= holdMs) return last;
    } else {
      since = null;
    }
    await page.waitForTimeout(25);
  }
  throw new Error(`Status line never matched within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

/**
 * Through the pane's screens as a user would: the project (chosen by its name when there are
 * several), the contract whose card shows `contract`, then the invoice's card on the contract's
 * Invoices tab, which gets selected (its status actions and "Open in workbook" appear). Returns
 * the selected invoice card.
 */
export async function pickInvoice(page, { project = null, contract, invoiceNo }) {
  await page.getByTestId('project-screen').waitFor();
  if (project) {
    const option = page.locator('select[name=project] option', { hasText: project }).first();
    await option.waitFor({ state: 'attached' });
    await page.selectOption('select[name=project]', (await option.getAttribute('value')) ?? '');
  }
  await page.getByTestId('contract-row').filter({ hasText: contract }).first().click();
  await page.getByTestId('contract-screen').waitFor();
  const card = page.locator(`[data-testid=invoice-row][aria-label="Invoice #${invoiceNo}"]`);
  await card.click();
  await page.locator(`[data-testid=invoice-row][aria-label="Invoice #${invoiceNo}"][data-selected=true]`).waitFor();
  return card;
}

/** A cell of the windowed grid, scrolled into the rendered window first (≈ 20 px per row) when needed. */
async function gridCell(page, sheet, a1) {
  const row = Number(/\d+/.exec(a1)?.[0]);
  const cell = page.locator(`[data-sheet="${sheet}"] [data-a1="${a1}"]`);
  if (!(await cell.count())) {
    await page.locator(`[data-sheet="${sheet}"]`).evaluate((el, r) => {
      el.scrollTop = Math.max(0, (r - 12) * 20);
    }, row);
  }
  return cell;
}

/** Shows a sheet by its tab and selects a cell (scrolling the grid to it if needed). */
export async function selectCell(page, sheet, a1) {
  await page.locator(`[data-testid="sheet-tab-${sheet}"]`).click();
  await (await gridCell(page, sheet, a1)).click();
}

/** Shift+click extends the selection from the active cell to `a1`, as in Excel. */
export async function extendSelectionTo(page, sheet, a1) {
  await (await gridCell(page, sheet, a1)).click({ modifiers: ['Shift'] });
}

/** A real paste event with text/plain data on the grid, as Ctrl+V from Excel or a text editor. */
export async function pasteTsv(page, sheet, a1, text) {
  await selectCell(page, sheet, a1);
  return page.locator(`[data-sheet="${sheet}"]`).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const at = performance.now();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return at;
  }, text);
}

/** The computed value of a cell in the in-memory workbook (what the grid shows, unformatted). */
export async function cellValue(page, sheet, a1) {
  return page.evaluate(
    ({ sheet, a1 }) => {
      const snap = window.__workbook.getSheetSnapshot(sheet);
      const m = /^([A-Z]+)(\d+)$/.exec(a1);
      if (!m) throw new Error(`not an A1 address: ${a1}`);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return snap.values[Number(m[2]) - 1]?.[col] ?? null;
    },
    { sheet, a1 },
  );
}

/** JSON from the API with a bearer token. */
export async function api(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A prime contract with `lines` SOV lines ($10,000.00 each) and its first invoice, in draft:
 * the demo's 64-line invoice is too small for the 500- and 5,000-cell pastes.
 */
export async function createLargeInvoice({ baseUrl, token, projectId, lines, title }) {
  const { billingPeriods } = await api(baseUrl, token, 'GET', `/projects/${projectId}/billing-periods`);
  const contract = await api(baseUrl, token, 'POST', `/projects/${projectId}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: title ?? `Large SOV (${lines} lines)`,
    workRetainageBps: 1000,
    storedRetainageBps: 500,
  });
  const sov = Array.from({ length: lines }, (_, i) => ({
    itemNo: String(i + 1).padStart(5, '0'),
    description: `Work item ${i + 1}`,
    group: `Area ${1 + Math.floor(i / 100)}`,
    scheduledValueCents: 1_000_000,
  }));
  await api(baseUrl, token, 'PUT', `/contracts/${contract.id}/sov`, { lines: sov });
  await api(baseUrl, token, 'POST', `/contracts/${contract.id}/approve`);
  const invoice = await api(baseUrl, token, 'POST', `/contracts/${contract.id}/invoices`, { billingPeriodId: billingPeriods[0].id });
  return { contractId: contract.id, invoiceId: invoice.invoice.id };
}

// Benchmark: importing a 5,000-line schedule of values from a selected range in the browser harness
// (headless Chromium, the real task pane, the in-memory workbook, the real local worker): read the
// selection from Excel, map and check every cell, send it — and how many requests that took.
// The time split comes from the pane's own User Timing measures (ui/sov/use-sov-import.ts:
// sov:read, sov:validate, sov:request). Baseline in the same run: the same lines as ONE direct PUT
// from Node, no browser and no workbook.
//
//   node scripts/bench/sov-import.mjs    (or `npm run bench sov`) → builds the add-in privately,
//   starts a local worker on a fresh database, seeds the demo, runs, prints, stops.
import { pathToFileURL } from 'node:url';
import { startPrivateWorker } from '../../addin/e2e/private-worker.mjs';
import { api, chromiumMissingReason, launchBrowser, openHarness } from '../../addin/e2e/harness-driver.mjs';

const LINES = Number(process.env.BENCH_SOV_LINES ?? 5_000);
const header = ['Item No.', 'Cost Code', 'Description', 'Scheduled Value', 'Section'];
const valueText = (i) => `${1_000 + ((i * 379) % 90_000)}.${String((i * 13) % 100).padStart(2, '0')}`;
const rowOf = (i) => [
  `A-${String(i + 1).padStart(5, '0')}`,
  `${String((i % 48) + 1).padStart(2, '0')}-100`,
  `Work item ${i + 1} of the estimate`,
  valueText(i),
  `Area ${Math.floor(i / 50) + 1}`,
];
/** cents of "1234.56", by integer arithmetic */
const centsOf = (t) => {
  const [a, b = ''] = t.split('.');
  return Number(a) * 100 + Number(b.padEnd(2, '0'));
};

async function draftContract(baseUrl, token, projectId, title) {
  return api(baseUrl, token, 'POST', `/projects/${projectId}/contracts`, { kind: 'prime', accountingMethod: 'amount', title });
}

/** @param {{ baseUrl: string; token: string; projectId: string; lines?: number }} o */
export async function run({ baseUrl, token, projectId, lines = LINES }) {
  const missing = chromiumMissingReason();
  if (missing) throw new Error(`sov-import bench needs a browser: ${missing}`);
  const rows = Array.from({ length: lines }, (_, i) => rowOf(i));
  const contract = await draftContract(baseUrl, token, projectId, `Bench SOV import ${lines}`);
  const launched = await launchBrowser();
  try {
    const page = await openHarness(await launched.newContext(), { baseUrl, token });
    await page.locator('select[name="project"]').selectOption(projectId);
    await page.locator(`[data-testid="contract-row"][data-contract-id="${contract.id}"]`).click();
    await page.getByTestId('contract-tab-sov').click();
    await page.getByTestId('sov-read-selection').waitFor();
    // The export, typed into a new sheet as a paste would (en-US conversions), then selected.
    await page.getByTestId('add-sheet').click();
    await page.evaluate(
      async ({ block }) => {
        const wb = /** @type {any} */ (window).__workbook;
        await wb.setValuesAsUser('Sheet1', 'A1', block);
        wb.select('Sheet1', `A1:E${block.length}`);
        wb.resetStats();
        performance.clearMeasures();
      },
      { block: [header, ...rows] },
    );
    const requests = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/')) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    const wallStart = Date.now();
    await page.getByTestId('sov-read-selection').click();
    const button = page.getByTestId('sov-import-button');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="sov-import-button"]')?.textContent === `Import ${n} lines`,
      lines.toLocaleString('en-US'),
      {
        timeout: 120_000,
      },
    );
    const problems = await page.getByTestId('sov-problem').count();
    if (problems) throw new Error(`${problems} problems reported on a clean export`);
    const isCounting = requests.length;
    await button.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sov-done"]') !== null, null, { timeout: 120_000 });
    const wallMs = Date.now() - wallStart;
    const sent = requests.slice(isCounting);
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('sov:'))
        .map((m) => ({ name: m.name, ms: m.duration })),
    );
    const stats = await page.evaluate(() => {
      const s = /** @type {any} */ (window).__workbook.stats;
      return { syncs: s.syncCount, maxResponseKB: Math.round(s.maxResponseBytes / 1024), maxRequestKB: Math.round(s.maxRequestBytes / 1024) };
    });
    const sum = (name) => measures.filter((m) => m.name === name).reduce((n, m) => n + m.ms, 0);
    const count = (name) => measures.filter((m) => m.name === name).length;

    const saved = await api(baseUrl, token, 'GET', `/contracts/${contract.id}/sov`);
    const isSavedOk = saved.lines.length === lines && saved.lines.every((l, i) => l.itemNo === rows[i][0] && l.scheduledValueCents === centsOf(rows[i][3]));

    // Baseline: the same 5,000 lines as one PUT straight from Node.
    const base = await draftContract(baseUrl, token, projectId, `Bench SOV baseline ${lines}`);
    const body = JSON.stringify({
      lines: rows.map((r) => ({ itemNo: r[0], costCode: r[1], description: r[2], scheduledValueCents: centsOf(r[3]), group: r[4] })),
    });
    const apiStart = Date.now();
    const res = await fetch(`${baseUrl}/api/v1/contracts/${base.id}/sov`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    await res.text();
    const apiOnlyMs = Date.now() - apiStart;
    if (!res.ok) throw new Error(`baseline PUT → ${res.status}`);
    return {
      lines,
      wallMs,
      readMs: sum('sov:read'),
      validateMs: sum('sov:validate'),
      validateRuns: count('sov:validate'),
      requestMs: sum('sov:request'),
      apiOnlyMs,
      putRequests: sent.filter((r) => r.startsWith('PUT ')).length,
      requestsAfterImport: sent,
      excelSyncs: stats.syncs,
      maxExcelResponseKB: stats.maxResponseKB,
      isSavedOk,
    };
  } finally {
    await launched.close();
  }
}

async function standalone() {
  console.log('building the add-in and starting a local worker on a fresh database…');
  const worker = await startPrivateWorker();
  try {
    const r = await run({ baseUrl: worker.baseUrl, token: worker.demo.tokens.admin, projectId: worker.demo.projectId });
    const ms = (n) => `${Math.round(n)} ms`;
    console.log(`
# SOV import from a selected range (${r.lines.toLocaleString('en')} lines × 5 columns, harness in headless Chromium, local worker)
  read the selection from Excel   ${ms(r.readMs)}   (${r.excelSyncs} Excel syncs, largest response ${r.maxExcelResponseKB} KB by the double's measure; Excel on the web refuses > 5,120 KB)
  map + parse + check every cell  ${ms(r.validateMs)}   (${r.validateRuns} run${r.validateRuns === 1 ? '' : 's'})
  the import request (PUT)        ${ms(r.requestMs)}   (baseline: the same lines as one PUT from Node ${ms(r.apiOnlyMs)}; ×${(r.requestMs / Math.max(1, r.apiOnlyMs)).toFixed(2)})
  click "Read selection" → "imported"  ${ms(r.wallMs)} wall clock (includes React rendering and the contract reload)
  import requests                 ${r.putRequests} PUT   (goal: 1 ${r.putRequests === 1 ? '✓' : '✗'}); all API requests after the click: ${r.requestsAfterImport.join(', ')}
  saved on the server             ${r.isSavedOk ? 'yes, every line and amount' : 'NO'}
`);
    if (!r.isSavedOk || r.putRequests !== 1) process.exitCode = 1;
  } finally {
    await worker.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  standalone().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

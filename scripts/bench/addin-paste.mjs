// Benchmark: a 5,000-cell paste in the browser harness (headless Chromium, the real task pane and
// sync code against the in-memory workbook) until the status line says "Saved", against the real
// local worker; and how many HTTP requests that took.
//
//   run({ baseUrl, token, invoiceId })  → figures (the invoice should have ≥ 5,000 lines)
//   node scripts/bench/addin-paste.mjs   → standalone: builds the add-in (privately), starts a local
//                                          worker on a fresh database, seeds the demo, creates a
//                                          5,000-line invoice, runs, prints, stops.
import { pathToFileURL } from 'node:url';
import { startPrivateWorker } from '../../addin/e2e/private-worker.mjs';
import {
  api,
  chromiumMissingReason,
  createLargeInvoice,
  launchBrowser,
  openHarness,
  pasteTsv,
  statusLog,
  waitForStatus,
} from '../../addin/e2e/harness-driver.mjs';

const DEFAULT_CELLS = 5_000;
const FIRST_DATA_ROW = 8; // G703: header block rows 1–6, table header row 7

/** @param {{ baseUrl: string; token: string; invoiceId: string; cells?: number; log?: (message: string) => void }} options */
export async function run({ baseUrl, token, invoiceId, cells = DEFAULT_CELLS, log = () => undefined }) {
  const missing = chromiumMissingReason();
  if (missing) throw new Error(`addin-paste bench needs a browser: ${missing}`);
  const getStart = Date.now();
  const view = await api(baseUrl, token, 'GET', `/invoices/${invoiceId}`);
  const getMs = Date.now() - getStart; // the open's baseline: the API read alone, same run
  if (!view.invoice.isEditable) throw new Error(`Invoice ${invoiceId} is not editable: ${view.invoice.notEditableReason}`);
  // Column E of consecutive lines; with fewer lines than cells, column F of the same lines too.
  const rows = Math.min(view.lines.length, cells);
  const columns = Math.min(2, Math.ceil(cells / rows));
  const amount = (i, c) => `${(i % 900) + 100 + c}.${String((i * 13 + c) % 100).padStart(2, '0')}`;
  const tsv = `${Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, c) => amount(i, c)).join('\t')).join('\n')}\n`;

  const launched = await launchBrowser();
  try {
    const context = await launched.newContext();
    const openStart = Date.now();
    const page = await openHarness(context, { baseUrl, token, invoiceId });
    const openMs = Date.now() - openStart;
    const stats0 = await page.evaluate(() => ({ syncs: window.__workbook.stats.syncCount }));
    // Where the open's time went, from the page's own clock (ms since navigation start): page
    // ready, the invoice GET(s) and GET /me sent → answered, "Saved"; and what the open asked of
    // the workbook. A GET sent before page ready was started by the page's first script
    // (addin/src/api/early-reads.ts), not by the app.
    const open = await page.evaluate(() => {
      const s = window.__workbook.stats;
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
      const gets = resources.filter((e) => /\/api\/v1\/invoices\/[^/]+$/.test(new URL(e.name).pathname));
      const me = resources.find((e) => new URL(e.name).pathname.endsWith('/api/v1/me'));
      const saved = (window.__statusLog ?? []).filter((e) => e.kind === 'saved').at(0);
      return {
        pageReadyMs: Math.round(nav.domContentLoadedEventEnd),
        invoiceGets: gets.length,
        firstGetStartMs: Math.round(Math.min(...gets.map((e) => e.startTime))),
        lastGetEndMs: Math.round(Math.max(0, ...gets.map((e) => e.responseEnd))),
        meMs: me ? `${Math.round(me.startTime)} → ${Math.round(me.responseEnd)}` : '—',
        savedAtMs: saved ? Math.round(saved.at) : null,
        syncs: s.syncCount,
        operations: s.requests.reduce((n, r) => n + r.ops, 0),
        maxRequestKB: Math.round(s.maxRequestBytes / 1024),
      };
    });
    log(`opened ${view.lines.length} lines in ${openMs} ms; pasting ${rows} × ${columns} cells`);

    const requests = [];
    let isCounting = false;
    page.on('request', (r) => {
      if (isCounting) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    const sheet = (await page.evaluate(() => window.__workbook.sheetNames())).find((n) => n.startsWith('G703 #'));
    if (!sheet) throw new Error('the harness shows no G703 sheet');
    isCounting = true;
    const wallStart = Date.now();
    const pastedAt = await pasteTsv(page, sheet, `E${FIRST_DATA_ROW}`, tsv);
    await waitForStatus(page, (s) => s.kind === 'saved', 180_000, 300);
    isCounting = false;
    const wallMs = Date.now() - wallStart;

    // In-page timestamps (same clock as the paste): first "Saved" after a "Saving…" state.
    const entries = (await statusLog(page)).filter((e) => e.at >= pastedAt);
    const firstSaving = entries.findIndex((e) => e.kind === 'saving');
    const saved = entries.find((e, i) => i > firstSaving && e.kind === 'saved');
    const stats = await page.evaluate(() => ({ syncs: window.__workbook.stats.syncCount, maxRequestBytes: window.__workbook.stats.maxRequestBytes }));
    let after = await api(baseUrl, token, 'GET', `/invoices/${invoiceId}`);
    const ordered = [...after.lines].sort((a, b) => a.position - b.position);
    const savedOk = ordered.slice(0, rows).every((l, i) => l.workCompletedThisPeriodCents === Math.round(Number(amount(i, 0)) * 100));

    // Someone else changes 10 lines; this user presses Refresh. Count what the add-in writes on
    // the G703: only the cells of those 10 lines (in place, no re-render, no sheet rebuild).
    const changed = ordered.filter((_, i) => i % Math.max(1, Math.floor(rows / 10)) === 0).slice(0, 10);
    await fetch(`${baseUrl}/api/v1/invoices/${invoiceId}/lines`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': String(after.invoice.version) },
      body: JSON.stringify({ edits: changed.map((l) => ({ lineId: l.lineId, materialsPresentlyStored: 12.34 })) }),
    }).then((r) => {
      if (!r.ok) throw new Error(`other user's PATCH → ${r.status}`);
      return r.text();
    });
    await page.evaluate(() => window.__workbook.resetStats());
    await page
      .getByRole('button', { name: /refresh/i })
      .first()
      .click();
    await page.waitForFunction(
      ({ sheet, want }) => {
        const snap = window.__workbook.getSheetSnapshot(sheet);
        return snap.values.flat().filter((v) => v === 12.34).length >= want;
      },
      { sheet, want: changed.length },
      { timeout: 60_000 },
    );
    await waitForStatus(page, (s) => s.kind === 'saved', 60_000, 300);
    const refresh = await page.evaluate(
      (sheet) => ({
        cells: window.__workbook.stats.cellsWritten?.[sheet] ?? 0,
        rows: [...new Set(window.__workbook.stats.rowsWritten?.[sheet] ?? [])].length,
        maxRequestBytes: window.__workbook.stats.maxRequestBytes,
      }),
      sheet,
    );
    after = await api(baseUrl, token, 'GET', `/invoices/${invoiceId}`);
    await context.close();

    // Baseline in the same run: the same number of cells as ONE direct PATCH from Node (no
    // browser, no workbook), so the ratio shows what the add-in adds on top of the API.
    const edits = ordered.slice(0, rows).map((l, i) => ({ lineId: l.lineId, workCompletedThisPeriod: Number(amount(i, 3)) }));
    const apiStart = Date.now();
    await fetch(`${baseUrl}/api/v1/invoices/${invoiceId}/lines`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': String(after.invoice.version) },
      body: JSON.stringify({ edits }),
    }).then((r) => {
      if (!r.ok) throw new Error(`baseline PATCH → ${r.status}`);
      return r.text();
    });
    const apiOnlyMs = Date.now() - apiStart;
    return {
      cells: rows * columns,
      lines: view.lines.length,
      pasteToSavedMs: saved ? Math.round(saved.at - pastedAt) : wallMs,
      wallMs,
      httpRequests: requests.length,
      patchRequests: requests.filter((r) => r.startsWith('PATCH ')).length,
      requests,
      statuses: entries.map((e) => e.text),
      openMs,
      getMs,
      open,
      excelSyncsForPaste: stats.syncs - stats0.syncs,
      maxExcelRequestKB: Math.round(Math.max(stats.maxRequestBytes, refresh.maxRequestBytes) / 1024),
      refreshLinesChanged: changed.length,
      refreshCellsWritten: refresh.cells,
      refreshRowsWritten: refresh.rows,
      isSavedOnServer: savedOk,
      apiOnlyMs,
      ratioToApiOnly: Math.round(((saved ? saved.at - pastedAt : wallMs) / Math.max(1, apiOnlyMs)) * 100) / 100,
    };
  } finally {
    await launched.close();
  }
}

/**
 * More first opens of the same invoice, each in a browser launched for it (no code cache, no warm
 * JIT: what a user gets when Excel starts the task pane), timed as run() times its first open:
 * from the new page to "Saved". One cold open varies by ±0.3 s on this machine (the browser's
 * own start competes for the same cores), so the target is checked on their median.
 */
export async function coldOpens({ baseUrl, token, invoiceId, count }) {
  const opens = [];
  let warmUpMs = 0;
  // i = -1: one open not counted, for the local server rather than the browser (wrangler dev has
  // just started and written the invoice; a deployed worker is warm), each browser still cold.
  for (let i = -1; i < count; i++) {
    const launched = await launchBrowser();
    try {
      const context = await launched.newContext();
      const start = Date.now();
      await openHarness(context, { baseUrl, token, invoiceId });
      if (i < 0) warmUpMs = Date.now() - start;
      else opens.push(Date.now() - start);
    } finally {
      await launched.close();
    }
  }
  const sorted = [...opens].sort((a, b) => a - b);
  return { opens, warmUpMs, medianMs: sorted[Math.floor(sorted.length / 2)], fastestMs: sorted[0], slowestMs: sorted.at(-1) };
}

async function standalone() {
  const lines = Number(process.env.BENCH_LINES ?? DEFAULT_CELLS);
  console.log('building the add-in and starting a local worker on a fresh database…');
  const worker = await startPrivateWorker();
  try {
    const token = worker.demo.tokens.admin;
    console.log(`creating a ${lines}-line invoice…`);
    const { invoiceId } = await createLargeInvoice({ baseUrl: worker.baseUrl, token, projectId: worker.demo.projectId, lines, title: `Bench ${lines} lines` });
    // The opens first, on a quiet server: after the paste and the baseline PATCHes the worker is
    // still busy for a while (seen as +0.3–0.4 s on the next two opens).
    const count = Number(process.env.BENCH_OPENS ?? 5);
    console.log(`${count} cold opens, a fresh browser each…`);
    const cold = await coldOpens({ baseUrl: worker.baseUrl, token, invoiceId, count });
    const r = await run({ baseUrl: worker.baseUrl, token, invoiceId, log: (m) => console.log(m) });
    console.log(`
addin paste bench (${r.lines}-line invoice, harness in headless Chromium, local worker)
  cells pasted                 ${r.cells}
  paste → "Saved"              ${r.pasteToSavedMs} ms   (wall clock ${r.wallMs} ms)
  baseline: one direct PATCH   ${r.apiOnlyMs} ms   (ratio paste→Saved / PATCH alone: ${r.ratioToApiOnly}×)
  HTTP requests                ${r.httpRequests}   (PATCH: ${r.patchRequests})
  Excel syncs for the paste    ${r.excelSyncsForPaste}   (largest request ${r.maxExcelRequestKB} KB by the double's measure, 400 B/op + arguments; goal < 1,024 KB, Excel on the web refuses > 5,120 KB)
  Refresh after ${r.refreshLinesChanged} lines changed  ${r.refreshCellsWritten} G703 cells written on ${r.refreshRowsWritten} rows (goal: those ${r.refreshLinesChanged} lines' rows only)
  goals                        ${[r.pasteToSavedMs <= 1500 ? 'paste→Saved ≤ 1.5 s ✓' : 'paste→Saved > 1.5 s ✗', r.httpRequests === 1 ? '1 HTTP request ✓' : `${r.httpRequests} HTTP requests ✗`, r.maxExcelRequestKB < 1024 ? 'every Excel request < 1 MB ✓' : 'an Excel request ≥ 1 MB ✗', r.refreshRowsWritten === r.refreshLinesChanged ? 'Refresh wrote only the changed lines ✓' : 'Refresh wrote other rows ✗'].join(' · ')}
  open (render ${r.lines} lines) median ${cold.medianMs} ms of ${cold.opens.length} cold opens, a fresh browser each (fastest ${cold.fastestMs}, slowest ${cold.slowestMs}: ${cold.opens.join(', ')} ms; the uncounted first, warming the server: ${cold.warmUpMs} ms)   (baseline: GET of the same invoice alone ${r.getMs} ms; target ≤ 1,500 ms: ${cold.medianMs <= 1500 ? 'met' : 'NOT met'})
  one more cold open, then the paste below (this row's figure before) ${r.openMs} ms
  open, in the page            page ready ${r.open.pageReadyMs} ms · invoice GET sent ${r.open.firstGetStartMs} → answered ${r.open.lastGetEndMs} ms (${r.open.invoiceGets} GET${r.open.invoiceGets === 1 ? '' : 's'}; /me ${r.open.meMs}) · "Saved" ${r.open.savedAtMs ?? '—'} ms (render and checks after the GET: ${r.open.savedAtMs === null ? '—' : r.open.savedAtMs - r.open.lastGetEndMs} ms)
  open, Excel requests         ${r.open.syncs} syncs (context.sync round trips), ${r.open.operations} operations, largest ${r.open.maxRequestKB} KB
  saved on the server          ${r.isSavedOnServer ? 'yes' : 'NO'}
  status line                  ${r.statuses.join(' → ')}
  requests                     ${r.requests.join(', ')}
`);
    if (!r.isSavedOnServer) process.exitCode = 1;
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

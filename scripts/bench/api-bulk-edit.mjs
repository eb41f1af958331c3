// Issue 2 benchmark: one PATCH /invoices/:id/lines of all 5,000 lines through the real worker on
// local D1, against the same edit sent line by line (the baseline, measured in the same run).
const json = (res) => res.json();

async function call(baseUrl, token, method, path, body, headers = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 500)}`);
  return json(res);
}

async function buildInvoice(baseUrl, token, lineCount, periodStart) {
  const project = await call(baseUrl, token, 'POST', '/api/v1/projects', { name: `Bench ${lineCount}` });
  const contract = await call(baseUrl, token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
    kind: 'prime', accountingMethod: 'amount', title: 'Bench', workRetainageBps: 1000, storedRetainageBps: 500,
  });
  const lines = Array.from({ length: lineCount }, (_, i) => ({ itemNo: String(i + 1).padStart(5, '0'), description: `Line ${i + 1}`, group: `Group ${Math.floor(i / 100)}`, scheduledValueCents: 10_000_000 + i }));
  const sov = await call(baseUrl, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, { lines });
  await call(baseUrl, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const periods = await call(baseUrl, token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'manual', start: periodStart, end: periodStart.replace(/-01$/, '-28'), due: periodStart.replace(/-01$/, '-28') });
  const invoice = await call(baseUrl, token, 'POST', `/api/v1/contracts/${contract.id}/invoices`, { billingPeriodId: periods.billingPeriods[0].id });
  return { invoiceId: invoice.invoice.id, version: invoice.invoice.version, lineIds: sov.lines.map((l) => l.id) };
}

/**
 * Returns figures; prints nothing. `sampleLines` bounds the line-by-line baseline: each request
 * recomputes the whole 5,000-line invoice, so sending all 5,000 would take minutes. The baseline
 * is the measured mean per request × 5,000 (set sampleLines = lineCount for the full run).
 */
export async function run({ baseUrl, token, lineCount = 5000, sampleLines = 200 }) {
  const bulk = await buildInvoice(baseUrl, token, lineCount, '2026-01-01');
  const editsFor = (lineIds) => lineIds.map((lineId, i) => ({ lineId, workCompletedThisPeriod: 1000 + (i % 97) + 0.25 }));
  const edits = editsFor(bulk.lineIds);
  const t0 = performance.now();
  const out = await call(baseUrl, token, 'PATCH', `/api/v1/invoices/${bulk.invoiceId}/lines`, { edits }, { 'if-match': String(bulk.version) });
  const bulkMs = performance.now() - t0;
  if (out.changedLineCount !== lineCount) throw new Error(`bulk edit changed ${out.changedLineCount} lines, expected ${lineCount}`);

  const single = await buildInvoice(baseUrl, token, lineCount, '2026-02-01');
  let version = single.version;
  const singleEdits = editsFor(single.lineIds);
  const n = Math.min(sampleLines, lineCount);
  const t1 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await call(baseUrl, token, 'PATCH', `/api/v1/invoices/${single.invoiceId}/lines`, { edits: [singleEdits[i]] }, { 'if-match': String(version) });
    version = r.version;
  }
  const perLineMs = (performance.now() - t1) / n;
  const lineByLineMs = perLineMs * lineCount;
  return { lineCount, bulkMs, perLineMs, sampled: n, lineByLineMs, ratio: lineByLineMs / bulkMs, line8Cents: out.g702.line8CurrentPaymentDueCents };
}

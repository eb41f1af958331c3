// Issue 2 benchmark: one PATCH /invoices/:id/lines of all 5,000 lines through the real worker on
// local D1, against the same edit sent line by line (the baseline, measured in the same run).
// Also: D1 statements per request (X-D1-Statements, counted by worker/src/lib/d1-count.ts in
// DEV_MODE) for opening an invoice and for a PATCH of 50, 500 and 5,000 lines, and one PATCH of
// 5,000 lines against a GET of the same invoice in the same run.

/** Fetches, checks the status, and returns the parsed body with the D1 counts and the time. */
async function request(baseUrl, token, method, path, body, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 500)}`);
  const data = await res.json();
  const ms = performance.now() - t0;
  const statements = Number(res.headers.get('x-d1-statements') ?? NaN);
  const roundTrips = Number(res.headers.get('x-d1-round-trips') ?? NaN);
  return { data, ms, statements, roundTrips };
}

const call = async (...args) => (await request(...args)).data;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function buildInvoice(baseUrl, token, lineCount, periodStart) {
  const project = await call(baseUrl, token, 'POST', '/api/v1/projects', { name: `Bench ${lineCount}` });
  const contract = await call(baseUrl, token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
    kind: 'prime',
    accountingMethod: 'amount',
    title: 'Bench',
    workRetainageBps: 1000,
    storedRetainageBps: 500,
  });
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    itemNo: String(i + 1).padStart(5, '0'),
    description: `Line ${i + 1}`,
    group: `Group ${Math.floor(i / 100)}`,
    scheduledValueCents: 10_000_000 + i,
  }));
  const sov = await call(baseUrl, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, { lines });
  await call(baseUrl, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
  const periods = await call(baseUrl, token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, {
    schedule: 'manual',
    start: periodStart,
    end: periodStart.replace(/-01$/, '-28'),
    due: periodStart.replace(/-01$/, '-28'),
  });
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
  const editsFor = (lineIds, bump = 0) => lineIds.map((lineId, i) => ({ lineId, workCompletedThisPeriod: 1000 + bump + (i % 97) + 0.25 }));
  const edits = editsFor(bulk.lineIds);
  const first = await request(baseUrl, token, 'PATCH', `/api/v1/invoices/${bulk.invoiceId}/lines`, { edits }, { 'if-match': String(bulk.version) });
  const out = first.data;
  const bulkMs = first.ms;
  if (out.changedLineCount !== lineCount) throw new Error(`bulk edit changed ${out.changedLineCount} lines, expected ${lineCount}`);

  // PATCH of every line vs GET of the same invoice: alternated, 5 each, medians compared.
  const gets = [];
  const patches = [];
  let version = out.version;
  for (let round = 1; round <= 5; round++) {
    gets.push(await request(baseUrl, token, 'GET', `/api/v1/invoices/${bulk.invoiceId}`));
    const p = await request(
      baseUrl,
      token,
      'PATCH',
      `/api/v1/invoices/${bulk.invoiceId}/lines`,
      { edits: editsFor(bulk.lineIds, round) },
      { 'if-match': String(version) },
    );
    if (p.data.changedLineCount !== lineCount) throw new Error(`PATCH round ${round} changed ${p.data.changedLineCount} lines`);
    version = p.data.version;
    patches.push(p);
  }
  const statementCounts = [{ lines: lineCount, get: gets[0], patch: patches[0] }];
  for (const n of [500, 50]) {
    const inv = await buildInvoice(baseUrl, token, n, `2026-0${n === 500 ? 3 : 4}-01`);
    const get = await request(baseUrl, token, 'GET', `/api/v1/invoices/${inv.invoiceId}`);
    const patch = await request(
      baseUrl,
      token,
      'PATCH',
      `/api/v1/invoices/${inv.invoiceId}/lines`,
      { edits: editsFor(inv.lineIds) },
      { 'if-match': String(inv.version) },
    );
    statementCounts.unshift({ lines: n, get, patch });
  }
  const getMs = median(gets.map((g) => g.ms));
  const patchMs = median(patches.map((p) => p.ms));

  const single = await buildInvoice(baseUrl, token, lineCount, '2026-02-01');
  version = single.version;
  const singleEdits = editsFor(single.lineIds);
  const n = Math.min(sampleLines, lineCount);
  const t1 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await call(baseUrl, token, 'PATCH', `/api/v1/invoices/${single.invoiceId}/lines`, { edits: [singleEdits[i]] }, { 'if-match': String(version) });
    version = r.version;
  }
  const perLineMs = (performance.now() - t1) / n;
  const lineByLineMs = perLineMs * lineCount;
  return {
    lineCount,
    bulkMs,
    perLineMs,
    sampled: n,
    lineByLineMs,
    ratio: lineByLineMs / bulkMs,
    line8Cents: out.g702.line8CurrentPaymentDueCents,
    getMs,
    patchMs,
    patchOverGet: patchMs / getMs,
    statementCounts: statementCounts.map(({ lines, get, patch }) => ({
      lines,
      getStatements: get.statements,
      getRoundTrips: get.roundTrips,
      patchStatements: patch.statements,
      patchRoundTrips: patch.roundTrips,
    })),
  };
}

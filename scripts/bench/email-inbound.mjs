// Issue 4 benchmark: 1,000 Postmark-format replies posted to the inbound webhook of a running local
// worker with bounded concurrency. Prints webhook throughput and p50/p99 latency, against a
// baseline measured in the same run (the same webhook refusing wrong credentials: routing and the
// auth check, nothing stored), and the time from each reply's arrival (the webhook's 200) to its
// appearance on its invoice's Emails tab (polled through the API).
//
// Starts nothing: BENCH_URL (default http://127.0.0.1:8787, loopback only), BENCH_TOKEN (an API
// token of a user who may create projects), and the webhook credentials BENCH_WEBHOOK_USER /
// BENCH_WEBHOOK_PASSWORD (or INBOUND_WEBHOOK_USER / INBOUND_WEBHOOK_PASSWORD) of that worker.
//   node scripts/bench/email-inbound.mjs
import { pathToFileURL } from 'node:url';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'.padEnd(1024, ' '));
// reply texts and the classification each must get: the bench checks every reply was processed right
const REPLIES = [
  ['Aprobado, gracias. Procedemos con el pago esta semana.', 'approval'],
  ['Rejected – see line 2', 'rejection'],
  ['Approuvée, merci.', 'approval'],
  ['Received, will forward to accounting.', 'other'],
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function call(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 500)}`);
  return res.json();
}

/**
 * The Emails tab refresh's own cost, quiet (after the burst, one request at a time): wall time and
 * the D1 statements / round trips the worker reports in DEV_MODE (worker/src/lib/d1-count.ts).
 * "cursor": ?since=<newest>, the pane's usual refresh (only the newest message comes back);
 * "nothing new": ?since= just after it; "full": no since (the tab's first read, every thread's messages).
 */
async function refreshCost(baseUrl, token, invoiceId, cursor, n = 30) {
  const later = new Date(Date.parse(cursor) + 1).toISOString();
  const kinds = { cursor: `?since=${encodeURIComponent(cursor)}`, nothingNew: `?since=${encodeURIComponent(later)}`, full: '' };
  /** @type {Record<string, { ms: number; statements: number; roundTrips: number }>} */
  const out = {};
  for (const [kind, query] of Object.entries(kinds)) {
    const ms = [];
    let statements = NaN;
    let roundTrips = NaN;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/v1/invoices/${invoiceId}/emails${query}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`refresh ${kind} → ${res.status}`);
      await res.arrayBuffer();
      ms.push(performance.now() - t0);
      statements = Number(res.headers.get('x-d1-statements'));
      roundTrips = Number(res.headers.get('x-d1-round-trips'));
    }
    out[kind] = {
      ms: pct(
        ms.sort((a, b) => a - b),
        50,
      ),
      statements,
      roundTrips,
    };
  }
  return out;
}

/** One project, `threadCount` approved prime contracts each with invoice #1 emailed once: a thread each. */
async function buildThreads(baseUrl, token, threadCount) {
  const project = await call(baseUrl, token, 'POST', '/api/v1/projects', { name: 'Bench inbound mail' });
  const period = await call(baseUrl, token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, {
    schedule: 'manual',
    start: '2025-03-01',
    end: '2025-03-31',
    due: '2025-04-10',
  });
  /** @type {{ invoiceId: string; threadId: string; replyAddress: string; messageId: string; cursor?: string }[]} */
  const threads = [];
  for (let i = 0; i < threadCount; i++) {
    const contract = await call(baseUrl, token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: `Bench ${i + 1}`,
      workRetainageBps: 1000,
    });
    await call(baseUrl, token, 'PUT', `/api/v1/contracts/${contract.id}/sov`, {
      lines: [1, 2, 3].map((n) => ({ itemNo: String(n), description: `Line ${n}`, scheduledValueCents: 1_000_000 * n })),
    });
    await call(baseUrl, token, 'POST', `/api/v1/contracts/${contract.id}/approve`);
    const invoice = await call(baseUrl, token, 'POST', `/api/v1/contracts/${contract.id}/invoices`, { billingPeriodId: period.billingPeriods[0].id });
    const sent = await call(baseUrl, token, 'POST', `/api/v1/invoices/${invoice.invoice.id}/emails`, {
      to: [{ email: 'maria.gomez@owner-example.com', name: 'María Gómez' }],
    });
    threads.push({
      invoiceId: invoice.invoice.id,
      threadId: sent.thread.id,
      replyAddress: sent.thread.replyAddress,
      messageId: `<${sent.email.id}@${sent.thread.replyAddress.split('@')[1]}>`,
    });
  }
  return threads;
}

/** A reply in the shape of fixtures/postmark-inbound-reply.json. */
function replyPayload(thread, i) {
  const [text] = REPLIES[i % REPLIES.length];
  const id = crypto.randomUUID();
  const token = thread.replyAddress.slice('reply+'.length, thread.replyAddress.indexOf('@'));
  return {
    FromName: 'María Gómez',
    MessageStream: 'inbound',
    From: 'maria.gomez@owner-example.com',
    FromFull: { Email: 'maria.gomez@owner-example.com', Name: 'María Gómez', MailboxHash: '' },
    To: `"Ana Ruiz via Progress Billing" <${thread.replyAddress}>`,
    ToFull: [{ Email: thread.replyAddress, Name: 'Ana Ruiz via Progress Billing', MailboxHash: token }],
    Cc: '',
    CcFull: [],
    Bcc: '',
    BccFull: [],
    OriginalRecipient: thread.replyAddress,
    Subject: 'RE: Invoice #1 for Prime Contract #1 – 2025-03-01 – 2025-03-31',
    MessageID: id,
    ReplyTo: '',
    MailboxHash: token,
    Date: new Date().toUTCString(),
    TextBody: `${text}\n\nMaría\n\nOn Mon, Mar 31, 2025 at 4:02 PM Ana Ruiz via Progress Billing <${thread.replyAddress}> wrote:\n> Please find invoice #1.\n`,
    HtmlBody: `<html><body><p>${text}</p><p>María</p><img src=x onerror="alert(1)"><script>alert('x')</script><blockquote>Please find invoice #1.</blockquote></body></html>`,
    StrippedTextReply: `${text}\n\nMaría`,
    Tag: '',
    Headers: [
      { Name: 'Message-ID', Value: `<${id}@mail.owner-example.com>` },
      { Name: 'In-Reply-To', Value: thread.messageId },
      { Name: 'References', Value: thread.messageId },
    ],
    Attachments: [{ Name: 'lien-waiver.pdf', Content: PDF.toString('base64'), ContentType: 'application/pdf', ContentLength: PDF.length, ContentID: '' }],
  };
}

/** Runs `jobs` with at most `concurrency` in flight; returns each job's [startMs, endMs, status]. */
async function pool(jobs, concurrency, work) {
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        const t0 = performance.now();
        const status = await work(jobs[i]);
        out[i] = [t0, performance.now(), status];
      }
    }),
  );
  return out;
}

/** The webhook's HTTP status, or 0 when the connection failed (counted as not delivered, as Postmark would retry). */
function post(baseUrl, authorization, payload) {
  return fetch(`${baseUrl}/webhooks/postmark/inbound`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  })
    .then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    })
    .catch(() => 0);
}

/**
 * Arrival → on the thread for single replies on an idle worker: post one, poll its thread (with
 * ?since=) every `pollMs` until it shows, then the next. The burst's figures include its backlog.
 */
async function probe(baseUrl, token, auth, thread, n, pollMs) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const payload = replyPayload(thread, i);
    if ((await post(baseUrl, auth, payload)) !== 200) throw new Error('A probe reply was not accepted');
    const acked = performance.now();
    const deadline = acked + 60_000;
    for (;;) {
      const list = await call(
        baseUrl,
        token,
        'GET',
        `/api/v1/invoices/${thread.invoiceId}/emails${thread.cursor ? `?since=${encodeURIComponent(thread.cursor)}` : ''}`,
      );
      if (list.threads.some((t) => t.messages.some((m) => m.providerMessageId === payload.MessageID))) {
        times.push(performance.now() - acked);
        thread.cursor = list.cursor ?? thread.cursor;
        break;
      }
      if (performance.now() > deadline) throw new Error(`Probe reply ${payload.MessageID} did not appear within 60 s`);
      await sleep(pollMs);
    }
  }
  return times.sort((x, y) => x - y);
}

export async function run(opts = {}) {
  const baseUrl = (opts.baseUrl ?? process.env.BENCH_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
  const token = opts.token ?? process.env.BENCH_TOKEN;
  const user = opts.webhookUser ?? process.env.BENCH_WEBHOOK_USER ?? process.env.INBOUND_WEBHOOK_USER;
  const password = opts.webhookPassword ?? process.env.BENCH_WEBHOOK_PASSWORD ?? process.env.INBOUND_WEBHOOK_PASSWORD;
  // drainTimeoutMs: how long after the last webhook answer replies may take to appear before the run fails
  const {
    count = 1000,
    concurrency = 16,
    threadCount = 10,
    baselineCount = 200,
    probeCount = 20,
    pollMs = 100,
    drainTimeoutMs = 300_000,
    print = false,
  } = opts;
  if (!LOOPBACK.has(new URL(baseUrl).hostname)) throw new Error(`The inbound benchmark only runs against a loopback worker, not ${baseUrl}`);
  if (!token) throw new Error('Give an API token: run({ token }) or BENCH_TOKEN');
  if (!user || !password)
    throw new Error('Give the webhook credentials of the running worker: run({ webhookUser, webhookPassword }) or BENCH_WEBHOOK_USER / BENCH_WEBHOOK_PASSWORD');
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  const threads = await buildThreads(baseUrl, token, threadCount);
  const payloads = Array.from({ length: count }, (_, i) => ({ i, thread: threads[i % threadCount], payload: replyPayload(threads[i % threadCount], i) }));

  // baseline: the same webhook, same concurrency, wrong credentials (401: nothing read or stored)
  const wrong = `Basic ${Buffer.from(`${user}:not-the-password`).toString('base64')}`;
  const base = await pool(payloads.slice(0, baselineCount), concurrency, (p) => post(baseUrl, wrong, p.payload));
  if (base.some(([, , s]) => s !== 401)) throw new Error('The baseline expected 401 for wrong credentials');

  // the pollers: first time each reply is seen on its thread, until all are or the timeout. Each
  // Emails tab refreshes on its own (GET, then pollMs, then GET …), as ten users' panes would: a
  // reply counts as seen when its own tab's answer arrives, not when the slowest of ten does.
  const appearedAt = new Map();
  const ackedAt = new Map();
  let posting = true;
  let lastAck = performance.now();
  let polls = 0;
  /** @type {string[]} */
  const pollErrors = [];
  let pollTotalMs = 0;
  const allSeen = () => payloads.every((p) => !ackedAt.has(p.payload.MessageID) || appearedAt.has(p.payload.MessageID));
  const poller = Promise.all(
    threads.map(async (t) => {
      while (posting || performance.now() - lastAck < drainTimeoutMs) {
        const t0 = performance.now();
        // incremental, as the Emails tab refreshes: only messages at or after the previous cursor
        let list;
        try {
          list = await call(baseUrl, token, 'GET', `/api/v1/invoices/${t.invoiceId}/emails${t.cursor ? `?since=${encodeURIComponent(t.cursor)}` : ''}`);
        } catch (err) {
          pollErrors.push(err instanceof Error ? err.message : String(err));
          await sleep(pollMs);
          continue;
        }
        t.cursor = list.cursor ?? t.cursor;
        const now = performance.now();
        polls++;
        pollTotalMs += now - t0;
        for (const th of list.threads)
          for (const m of th.messages) {
            if (m.direction === 'inbound' && !appearedAt.has(m.providerMessageId))
              appearedAt.set(m.providerMessageId, { at: now, classification: m.classification?.kind, html: m.html });
          }
        if (!posting && allSeen()) return;
        await sleep(pollMs);
      }
    }),
  );

  const t0 = performance.now();
  // The refused baseline under the same load: one more connection posting with wrong credentials,
  // back to back, for as long as the burst lasts. It meets the same queue consumer, poller and
  // machine load as the accepted replies, so accepted ÷ refused is what storing and queueing cost,
  // not what the rest of the process was doing meanwhile. It is not counted in the throughput.
  /** @type {[number, number, number][]} */
  const loadedBase = [];
  const refusedLane = (async () => {
    for (let k = 0; posting; k++) {
      const a = performance.now();
      const status = await post(baseUrl, wrong, payloads[k % count].payload);
      loadedBase.push([a, performance.now(), status]);
    }
  })();
  const timings = await pool(payloads, concurrency, async (p) => {
    const status = await post(baseUrl, auth, p.payload);
    if (status === 200) ackedAt.set(p.payload.MessageID, (lastAck = performance.now()));
    return status;
  });
  const postedMs = performance.now() - t0;
  posting = false;
  await refusedLane;
  if (loadedBase.some(([, , s]) => s !== 401)) throw new Error('The baseline under load expected 401 for wrong credentials');
  await poller;
  const lastAppear = Math.max(0, ...[...appearedAt.values()].map((v) => v.at));
  const drainMs = lastAppear - lastAck;
  const firstAck = Math.min(...ackedAt.values());
  const probes = await probe(baseUrl, token, auth, threads[0], probeCount, 25);
  const newest = await call(baseUrl, token, 'GET', `/api/v1/invoices/${threads[0].invoiceId}/emails`);
  const refresh = await refreshCost(baseUrl, token, threads[0].invoiceId, newest.cursor);
  const threadMessages = newest.threads.reduce((n, t) => n + t.messages.length, 0);

  const failed = timings.filter(([, , s]) => s !== 200).length;
  const latency = timings.map(([a, b]) => b - a).sort((x, y) => x - y);
  const baseLatency = base.map(([a, b]) => b - a).sort((x, y) => x - y);
  const loadedBaseLatency = loadedBase.map(([a, b]) => b - a).sort((x, y) => x - y);
  // arrival = the webhook's 200; a reply seen on its thread before that answer was read counts 0
  const appear = payloads
    .filter((p) => appearedAt.has(p.payload.MessageID) && ackedAt.has(p.payload.MessageID))
    .map((p) => Math.max(0, appearedAt.get(p.payload.MessageID).at - ackedAt.get(p.payload.MessageID)))
    .sort((x, y) => x - y);
  const wrongClass = payloads.filter(
    (p) => appearedAt.has(p.payload.MessageID) && appearedAt.get(p.payload.MessageID).classification !== REPLIES[p.i % REPLIES.length][1],
  ).length;
  const unsafe = [...appearedAt.values()].filter((v) => /<script|onerror|<img/i.test(v.html ?? '')).length;
  /** @type {Record<string, any>} figures, plus onThreadsInFullRead when some replies did not appear */
  const r = {
    count,
    concurrency,
    threadCount,
    failed,
    throughputPerSec: count / (postedMs / 1000),
    p50Ms: pct(latency, 50),
    p99Ms: pct(latency, 99),
    baselineP50Ms: pct(baseLatency, 50),
    baselineP99Ms: pct(baseLatency, 99),
    loadedBaselineCount: loadedBase.length,
    loadedBaselineP50Ms: pct(loadedBaseLatency, 50),
    loadedBaselineP99Ms: pct(loadedBaseLatency, 99),
    appeared: appear.length,
    appearP50Ms: pct(appear, 50),
    appearP99Ms: pct(appear, 99),
    appearMaxMs: appear.at(-1),
    drainMs,
    processedPerSec: appearedAt.size / ((lastAppear - firstAck) / 1000),
    probeP50Ms: pct(probes, 50),
    probeMaxMs: probes.at(-1),
    pollErrors: pollErrors.length,
    pollMeanMs: pollTotalMs / Math.max(1, polls),
    refresh,
    wrongClassification: wrongClass,
    unsanitized: unsafe,
  };
  if (print) {
    console.log(
      `\n# Inbound replies through the Postmark webhook (local worker, ${count.toLocaleString('en')} replies, ${concurrency} in flight, ${threadCount} threads, 1 KB PDF each)`,
    );
    console.log(`  webhook throughput:      ${r.throughputPerSec.toFixed(0)} replies/s   (${failed} not answered 200)`);
    console.log(
      `  webhook latency:         p50 ${fmt(r.p50Ms)}, p99 ${fmt(r.p99Ms)}   (baseline, refused credentials: p50 ${fmt(r.baselineP50Ms)}, p99 ${fmt(r.baselineP99Ms)}; store-first costs ×${(r.p50Ms / r.baselineP50Ms).toFixed(1)} at p50)`,
    );
    console.log(
      `  refused under the same load: p50 ${fmt(r.loadedBaselineP50Ms)}, p99 ${fmt(r.loadedBaselineP99Ms)}   (${r.loadedBaselineCount} requests on one extra connection during the burst; accepted ÷ refused ×${(r.p50Ms / r.loadedBaselineP50Ms).toFixed(2)} at p50)`,
    );
    console.log(`  arrival → on the thread:`);
    console.log(
      `    one reply at a time:   p50 ${fmt(r.probeP50Ms)}, max ${fmt(r.probeMaxMs)}   (${probeCount} replies in sequence, thread polled every 25 ms)`,
    );
    console.log(
      `    during the burst:      p50 ${fmt(r.appearP50Ms)}, p99 ${fmt(r.appearP99Ms)}, max ${fmt(r.appearMaxMs ?? NaN)}   (${r.appeared}/${count - failed} appeared, the last ${fmt(r.drainMs)} after the last webhook answer; queue processing ${r.processedPerSec.toFixed(0)} replies/s vs intake ${r.throughputPerSec.toFixed(0)}/s)`,
    );
    console.log(
      `  polling: ${threadCount} Emails tabs, each refreshing with ?since= ${pollMs} ms after its previous answer; one GET took ${fmt(r.pollMeanMs)} on average (included in the times above)`,
    );
    const cost = (k) => `${fmt(refresh[k].ms)}, ${refresh[k].statements} D1 statements in ${refresh[k].roundTrips} round trip(s)`;
    console.log(
      `  one refresh, quiet (thread of ${threadMessages} messages, median of 30): ?since=cursor ${cost('cursor')}; nothing new ${cost('nothingNew')}; full read ${cost('full')}`,
    );
    console.log(
      `  checks: ${wrongClass} misclassified, ${unsafe} with active HTML, ${pollErrors.length} failed polls${pollErrors[0] ? ` (first: ${pollErrors[0]})` : ''}`,
    );
  }
  if (r.appeared < count - failed) {
    // tell "not processed" from "missed by the incremental polls": one full read of every thread
    const full = await Promise.all(threads.map((t) => call(baseUrl, token, 'GET', `/api/v1/invoices/${t.invoiceId}/emails`)));
    r.onThreadsInFullRead = full.flatMap((l) => l.threads.flatMap((t) => t.messages)).filter((m) => m.direction === 'inbound').length;
  }
  if (failed || r.appeared < count - failed || wrongClass || unsafe) throw new Error(`Inbound benchmark check failed: ${JSON.stringify(r)}`);
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run({ print: true }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}

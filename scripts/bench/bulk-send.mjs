// Issue 6 benchmark: a send batch of 10,000 messages (invoices × recipients) through the real
// local worker (wrangler dev: workerd, local D1/R2/Queues) against a fake Postmark on loopback.
// Prints registration time, total send time (start → finished), messages per second, Postmark
// batch API calls, and the peak memory of the workerd process.
//
// The worker must talk to the fake, so this bench starts its own worker (DEV_MODE=1, a server
// token, POSTMARK_API_BASE=http://127.0.0.1:<fake>) on a fresh temporary D1, and seeds the demo
// there; the worker `npm run bench` passes in has no Postmark token (its mail goes to the outbox).
//   node scripts/bench/bulk-send.mjs            (alone)      npm run bench -- bulk   (via the runner)
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedDemo, startLocalWorker } from '../local-worker.mjs';

const RECIPIENTS = Number(process.env.BENCH_BULK_RECIPIENTS ?? 5000); // × the demo's 2 sendable invoices
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;

/** Postmark's batch API and outbound search, as the worker uses them; counts calls and duplicates. */
function fakePostmark() {
  const stats = { calls: 0, messages: 0, bytes: 0, largestCallBytes: 0, perCall: /** @type {number[]} */ ([]), seen: new Set(), duplicates: 0, searches: 0 };
  const accepted = []; // { id, at, metadata }: what the outbound search answers from
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const reply = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-postmark-server-token'] !== 'bench-server-token') return reply(401, { ErrorCode: 10, Message: 'Bad or missing server token' });
      if (req.method === 'POST' && url.pathname === '/email/batch') {
        const raw = Buffer.concat(chunks);
        const messages = JSON.parse(raw.toString('utf8'));
        if (messages.length > 500) return reply(422, { ErrorCode: 300, Message: 'Too many messages in the batch' });
        stats.calls++;
        stats.messages += messages.length;
        stats.bytes += raw.length;
        stats.largestCallBytes = Math.max(stats.largestCallBytes, raw.length);
        stats.perCall.push(messages.length);
        const now = new Date().toISOString();
        reply(
          200,
          messages.map((m) => {
            const item = m.Metadata?.sendBatchItem;
            if (stats.seen.has(item)) stats.duplicates++;
            stats.seen.add(item);
            const id = crypto.randomUUID();
            accepted.push({ id, at: now, metadata: m.Metadata ?? {} });
            return { ErrorCode: 0, Message: 'OK', MessageID: id, SubmittedAt: now, To: m.To };
          }),
        );
        return;
      }
      if (req.method === 'GET' && url.pathname === '/messages/outbound') {
        // a worker restarted mid-chunk reconciles its claim here (by Metadata) before resending
        stats.searches++;
        const filters = [...url.searchParams].filter(([k]) => k.startsWith('metadata_')).map(([k, v]) => [k.slice(9), v]);
        const found = accepted.filter((a) => filters.every(([k, v]) => a.metadata[k] === v));
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const page = found.slice(offset, offset + Number(url.searchParams.get('count') ?? 100));
        return reply(200, { TotalCount: found.length, Messages: page.map((a) => ({ MessageID: a.id, ReceivedAt: a.at, Metadata: a.metadata })) });
      }
      reply(404, { ErrorCode: 404, Message: `not faked: ${req.method} ${url.pathname}` });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, stats, url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}` }),
    ),
  );
}

/** The workerd processes under wrangler (grandchildren), found through /proc: { pid, isEntry }. */
function workerdProcesses(rootPid, port) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (m) parents.set(Number(name), { comm: m[1], ppid: Number(m[2]) });
    } catch {
      /* gone meanwhile */
    }
  }
  const isUnder = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parents.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  return [...parents]
    .filter(([pid, p]) => p.comm.startsWith('workerd') && isUnder(pid))
    .map(([pid]) => {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        /* gone */
      }
      // wrangler runs two: a proxy on the public port (entry=…:<port>) and the runtime with the worker's isolates
      return { pid, isEntry: cmd.includes(`entry=127.0.0.1:${port}`) };
    });
}

function memoryKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Peak RSS per workerd process, sampled; VmHWM read at the end (the kernel's own peak). */
function memoryWatch(rootPid, port) {
  const seen = new Map();
  const sample = () => {
    for (const p of workerdProcesses(rootPid, port)) {
      const m = memoryKb(p.pid);
      if (!m) continue;
      const s = seen.get(p.pid) ?? { ...p, peakRss: 0, firstRss: m.rss, hwm: 0 };
      s.peakRss = Math.max(s.peakRss, m.rss);
      s.hwm = Math.max(s.hwm, m.hwm);
      seen.set(p.pid, s);
    }
  };
  return { sample, processes: () => [...seen.values()] };
}

async function call(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 800)}`);
  return (res.headers.get('content-type') ?? '').includes('json') ? res.json() : res.text();
}

/**
 * Returns the figures (and prints them when `print`). The arguments of the bench runner are
 * accepted for its interface; the measured worker is this bench's own (see the header).
 */
export async function run({ print = false } = {}) {
  const fake = await fakePostmark();
  const persistTo = mkdtempSync(join(tmpdir(), 'pb-bench-bulk-'));
  const port = 19787 + Math.floor(Math.random() * 1000);
  const worker = await startLocalWorker({
    port,
    persistTo,
    // The bench mails more recipients than a company's default 24-hour budget (2,000,
    // worker/src/services/emails/sending-quota.ts), which would refuse the batch with 429: the
    // budget is a deployment setting, raised here to what this run sends.
    vars: { POSTMARK_SERVER_TOKEN: 'bench-server-token', POSTMARK_API_BASE: fake.url, MAIL_DAILY_RECIPIENTS_PER_COMPANY: String(4 * RECIPIENTS) },
  });
  try {
    const demo = await seedDemo(worker.baseUrl);
    const token = demo.tokens.admin;
    const base = `/api/v1/projects/${demo.projectId}/send-batches`;
    const memory = memoryWatch(worker.child.pid, port);
    const addresses = Array.from({ length: RECIPIENTS }, (_, i) => ({
      email: `owner.rep${String(i).padStart(5, '0')}@owner-bench.example`,
      name: `Owner rep ${i}`,
    }));

    const r0 = performance.now();
    const batch = await call(worker.baseUrl, token, 'POST', base, {
      name: 'Bench month end',
      selections: [{ contractId: demo.primeContractId, fromNumber: 1, toNumber: 2 }],
      recipients: { mode: 'chosen', addresses },
    });
    const registerMs = performance.now() - r0;
    const items = batch.itemCount;

    memory.sample();
    const t0 = performance.now();
    await call(worker.baseUrl, token, 'POST', `${base}/${batch.id}/start`);
    let progress;
    for (;;) {
      progress = await call(worker.baseUrl, token, 'GET', `${base}/${batch.id}/progress`);
      memory.sample();
      if (progress.status === 'finished') break;
      if (performance.now() - t0 > 15 * 60_000) throw new Error(`The batch did not finish within 15 minutes: ${JSON.stringify(progress)}`);
      await sleep(100);
    }
    const sendMs = performance.now() - t0;
    memory.sample();
    const csv = await call(worker.baseUrl, token, 'GET', `${base}/${batch.id}/results.csv`);
    const csvLines =
      csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n').length - 1;

    if (progress.sent !== items || fake.stats.seen.size !== items || fake.stats.duplicates) {
      throw new Error(
        `Expected ${items} messages sent once each; progress ${JSON.stringify(progress)}, Postmark saw ${fake.stats.seen.size} items and ${fake.stats.duplicates} duplicates`,
      );
    }
    const figures = {
      items,
      invoices: batch.invoiceCount,
      registerMs,
      sendMs,
      messagesPerSecond: items / (sendMs / 1000),
      apiCalls: fake.stats.calls,
      perCall: fake.stats.perCall,
      largestCallMb: fake.stats.largestCallBytes / (1024 * 1024),
      postmarkMb: fake.stats.bytes / (1024 * 1024),
      duplicates: fake.stats.duplicates,
      csvLines,
      workerd: memory.processes(),
    };
    if (print) {
      console.log(
        `\n# Bulk send: ${items.toLocaleString('en')} messages (${batch.invoiceCount} invoices × ${RECIPIENTS.toLocaleString('en')} recipients) through the local worker to a fake Postmark`,
      );
      console.log(`  register (invoices × recipients fixed, items stored): ${fmt(registerMs)}`);
      console.log(`  start → finished:  ${fmt(sendMs)}   (${Math.round(figures.messagesPerSecond).toLocaleString('en')} messages/s)`);
      console.log(
        `  Postmark batch API calls: ${figures.apiCalls}   (messages per call: ${[...new Set(figures.perCall)].sort((a, b) => b - a).join(', ')}; largest call ${figures.largestCallMb.toFixed(1)} MB; ${figures.postmarkMb.toFixed(0)} MB in all)`,
      );
      console.log(
        `  sent once each: ${fake.stats.seen.size.toLocaleString('en')} distinct items, ${figures.duplicates} duplicates; results.csv: ${csvLines.toLocaleString('en')} rows`,
      );
      const runtimes = figures.workerd.filter((p) => !p.isEntry);
      for (const p of figures.workerd) {
        console.log(
          `  workerd ${p.isEntry ? 'proxy  ' : 'runtime'} (pid ${p.pid}): RSS ${mib(p.firstRss)} at start, peak RSS ${mib(p.peakRss)} while sending (sampled ~every 100 ms), VmHWM ${mib(p.hwm)} (peak since the process started)`,
        );
      }
      if (!figures.workerd.length) console.log('  workerd memory: not measured (no workerd process found under wrangler in /proc)');
      if (runtimes.length > 1)
        console.log(`  note: the runtime restarted ${runtimes.length - 1} time(s) during the run (wrangler reloads when source files change)`);
    }
    return figures;
  } finally {
    await worker.stop();
    fake.server.close();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run({ print: true }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

// What billing data takes in D1, measured on local D1 (SQLite's dbstat: pages per table and index)
// for docs/scaling.md: bytes and rows per invoice line (a 500-line invoice created and edited
// once, then a second invoice of the same contract) and per inbound email (200 replies with a
// 1 KB PDF each through the webhook and the queue). `node scripts/bench/d1-size.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo, startLocalWorker } from '../local-worker.mjs';
import { buildInvoice } from './api-bulk-edit.mjs';
import { run as inbound } from './email-inbound.mjs';

function sqliteFile(persistTo) {
  const dir = join(persistTo, 'v3/d1/miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 database file in ${dir}`);
  return join(dir, file);
}

/** { table (with its indexes): { bytes, rows } } from dbstat and COUNT(*). */
function sizes(file) {
  const q = (sql) => execFileSync('sqlite3', ['-readonly', '-json', file, sql], { encoding: 'utf8' }).trim();
  const pages = JSON.parse(
    q('SELECT coalesce(m.tbl_name, s.name) AS t, sum(s.pgsize) AS bytes FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1') || '[]',
  );
  const out = {};
  for (const { t, bytes } of pages) {
    if (t.startsWith('sqlite_') || t.startsWith('_cf_') || t === 'd1_migrations') continue;
    out[t] = { bytes, rows: Number(JSON.parse(q(`SELECT count(*) AS n FROM "${t}"`))[0].n) };
  }
  return out;
}

function diff(before, after) {
  const out = {};
  for (const [t, v] of Object.entries(after)) {
    const b = before[t] ?? { bytes: 0, rows: 0 };
    if (v.rows !== b.rows || v.bytes !== b.bytes) out[t] = { bytes: v.bytes - b.bytes, rows: v.rows - b.rows };
  }
  return out;
}

const total = (d) => Object.values(d).reduce((s, v) => ({ bytes: s.bytes + v.bytes, rows: s.rows + v.rows }), { bytes: 0, rows: 0 });

export async function run({ lines = 500, replies = 200 } = {}) {
  const persistTo = mkdtempSync(join(tmpdir(), 'pb-size-'));
  const worker = await startLocalWorker({ port: 19787 + Math.floor(Math.random() * 200), persistTo });
  try {
    const demo = await seedDemo(worker.baseUrl);
    const token = demo.tokens.admin;
    const file = sqliteFile(persistTo);
    const s0 = sizes(file);
    const inv = await buildInvoice(worker.baseUrl, token, lines, '2026-05-01');
    const edits = inv.lineIds.map((lineId, i) => ({ lineId, workCompletedThisPeriod: 1000 + i }));
    const res = await fetch(`${worker.baseUrl}/api/v1/invoices/${inv.invoiceId}/lines`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': String(inv.version) },
      body: JSON.stringify({ edits }),
    });
    if (!res.ok) throw new Error(`PATCH failed: ${res.status}`);
    const s1 = sizes(file);
    await inbound({
      baseUrl: worker.baseUrl,
      token,
      webhookUser: worker.webhook.user,
      webhookPassword: worker.webhook.password,
      count: replies,
      probeCount: 1,
      print: false,
    });
    const s2 = sizes(file);
    const invoice = diff(s0, s1);
    const email = diff(s1, s2);
    return { lines, replies, invoice, email, perLine: total(invoice), perReply: total(email) };
  } finally {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const r = await run();
  console.log(`\n# D1 size (local D1, dbstat pages incl. indexes)`);
  console.log(
    `  one ${r.lines}-line invoice (SOV + invoice lines, edited once with history): ${Object.entries(r.invoice)
      .map(([t, v]) => `${t} ${v.rows} rows ${v.bytes} B`)
      .join('; ')}`,
  );
  console.log(`  per invoice line: ${(r.perLine.bytes / r.lines).toFixed(0)} B, ${(r.perLine.rows / r.lines).toFixed(2)} rows`);
  console.log(
    `  ${r.replies} inbound replies: ${Object.entries(r.email)
      .map(([t, v]) => `${t} ${v.rows} rows ${v.bytes} B`)
      .join('; ')}`,
  );
  console.log(`  per reply: ${(r.perReply.bytes / r.replies).toFixed(0)} B, ${(r.perReply.rows / r.replies).toFixed(2)} rows`);
}

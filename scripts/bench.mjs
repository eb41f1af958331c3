// `npm run bench`: prints figures and ratios against baselines measured in the same run.
// `npm run bench -- <name>` runs one: engine | replies | api | email | pdf | bulk | paste.
// Worker benchmarks run against local workers (wrangler dev) on fresh temporary D1 databases, on
// loopback only. Each feature's benchmark lives in scripts/bench/ and exports run().
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baselineTree } from './bench/baseline-tree.mjs';
import { ensureAddinBuilt, seedDemo, startLocalWorker } from './local-worker.mjs';

// The inbound webhook's baseline: main before the webhook stopped writing D1 (it stored a receipt
// row and the payload, then queued; the queue waited up to 1 s for batches of 10).
// BENCH_BASELINE_REF=<commit> picks another, BENCH_BASELINE_REF=off skips the baseline run.
const INBOUND_BASELINE_REF = 'efa8d3db655def6fbca105a0e5a000482bf3db5f';

/** Runs fn(worker, demo) against a fresh local worker on a temporary D1 (cwd: another checkout). */
async function withLocalWorker(cwd, fn) {
  const persistTo = mkdtempSync(join(tmpdir(), 'pb-bench-d1-'));
  const worker = await startLocalWorker({ port: 18787 + Math.floor(Math.random() * 1000), persistTo, cwd });
  try {
    return await fn(worker, await seedDemo(worker.baseUrl));
  } finally {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

const only = process.argv[2];
/** @param {string} name */
const want = (name) => !only || only === name;
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
let failed = false;

async function importTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-'));
  const outfile = join(dir, 'bundle.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href);
}

async function section(name, fn) {
  if (!want(name)) return;
  try {
    await fn();
  } catch (err) {
    failed = true;
    console.error(`\n# ${name}: FAILED — ${err instanceof Error ? err.stack : err}`);
  }
}

await section('engine', async () => {
  const { timeCompute } = await importTs('scripts/bench/engine-bench.ts');
  const small = timeCompute(1000, 31);
  const large = timeCompute(10000, 31);
  const perSecond = Math.round(10000 / (large.medianMs / 1000));
  console.log('\n# G702/G703 engine (shared/, pure, Node 22, median and fastest of 31)');
  console.log('  before (BigInt for every product, Object.entries input check): 32–34 ms for 10,000 lines (≈300k lines/s)');
  console.log(`  1,000 lines:   ${fmt(small.medianMs)}   (fastest ${fmt(small.minMs)})`);
  console.log(
    `  10,000 lines:  ${fmt(large.medianMs)}   (fastest ${fmt(large.minMs)}; ${perSecond.toLocaleString('en')} lines/s; ×${(large.medianMs / small.medianMs).toFixed(1)} the 1,000-line time for 10× the lines)`,
  );
  console.log(
    `  target ≤ 10 ms (≥ 1M lines/s): ${large.medianMs <= 10 ? 'met' : large.minMs <= 10 ? 'met by the fastest run only (machine loaded)' : 'NOT met'}`,
  );
});

await section('replies', async () => {
  // precision/recall of reply understanding on the labelled corpus (fixtures/replies); thresholds are
  // asserted by scripts/bench/replies.test.ts, the figures are printed here
  const { run } = await importTs('scripts/bench/replies.ts');
  const sets = run({ print: true, verbose: process.env.BENCH_VERBOSE === '1' });
  const unsafe = Object.values(sets).flatMap((s) => s.rejectionsSuggestedAsApproval);
  if (unsafe.length) throw new Error(`rejections suggested as approval: ${unsafe.map((o) => o.label.id).join(', ')}`);
});

// The local worker serves dist/addin (wrangler.toml [assets]); a fresh clone has not built it yet.
// Built here, before any timing, rather than inside the first worker benchmark.
if (want('api') || want('email') || want('bulk')) ensureAddinBuilt();

if (want('email')) {
  await section('email', async () => {
    const { run } = await import('./bench/email-inbound.mjs');
    const ref = process.env.BENCH_BASELINE_REF ?? INBOUND_BASELINE_REF;
    // Rounds per side, interleaved A B B A A B …: both workers stay up, each idle while the other
    // is measured, so a change in machine load (other work on the same cores) falls on both sides
    // alike instead of on whichever ran second. Figures are medians over the rounds.
    const rounds = Math.max(1, Number(process.env.BENCH_EMAIL_ROUNDS ?? 2));
    const figures = async (baselineWorker, currentWorker) => {
      const sides = { baseline: [], current: [] };
      const order = Array.from({ length: rounds }, (_, i) => (i % 2 ? ['current', 'baseline'] : ['baseline', 'current'])).flat();
      for (const side of order) {
        const w = side === 'current' ? currentWorker : baselineWorker;
        if (!w) continue;
        const isLast = side === 'current' && sides.current.length === rounds - 1;
        const r = await run({
          baseUrl: w.worker.baseUrl,
          token: w.demo.tokens.admin,
          webhookUser: w.worker.webhook.user,
          webhookPassword: w.worker.webhook.password,
          print: isLast,
        });
        sides[side].push(r);
        const rc = r.refresh.cursor;
        console.log(
          `  round ${side.padEnd(8)} ${sides[side].length}: refresh ?since=cursor ${fmt(rc.ms)} (${rc.statements} statements, ${rc.roundTrips} round trips), full ${fmt(r.refresh.full.ms)}`,
        );
        console.log(
          `  round ${side.padEnd(8)} ${sides[side].length}: ${r.throughputPerSec.toFixed(0)} replies/s, p50 ${fmt(r.p50Ms)} (refused alone ${fmt(r.baselineP50Ms)}, under the same load ${fmt(r.loadedBaselineP50Ms)}), one at a time ${fmt(r.probeP50Ms)}, burst p99 ${fmt(r.appearP99Ms)}, processing ${r.processedPerSec.toFixed(0)}/s`,
        );
      }
      return sides;
    };
    let sides;
    if (ref !== 'off') {
      const tree = baselineTree(ref);
      try {
        sides = await withLocalWorker(tree.dir, (bw, bdemo) =>
          withLocalWorker(undefined, (cw, cdemo) => figures({ worker: bw, demo: bdemo }, { worker: cw, demo: cdemo })),
        );
      } finally {
        tree.remove();
      }
    } else {
      sides = await withLocalWorker(undefined, (cw, cdemo) => figures(null, { worker: cw, demo: cdemo }));
    }
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const med = (side, key) => median(sides[side].map((r) => r[key]));
    const met = (ok) => (ok ? 'met' : 'NOT met');
    console.log(`  targets (medians of ${rounds} round(s) per side, interleaved):`);
    if (sides.baseline.length) {
      console.log(
        `    baseline = the same benchmark on ${ref.slice(0, 10)} (before): ${med('baseline', 'throughputPerSec').toFixed(0)} replies/s, p50 ${fmt(med('baseline', 'p50Ms'))} (refused alone ${fmt(med('baseline', 'baselineP50Ms'))}); one at a time p50 ${fmt(med('baseline', 'probeP50Ms'))}; burst p99 ${fmt(med('baseline', 'appearP99Ms'))}, processing ${med('baseline', 'processedPerSec').toFixed(0)}/s vs intake ${med('baseline', 'throughputPerSec').toFixed(0)}/s`,
      );
      const x = med('current', 'throughputPerSec') / med('baseline', 'throughputPerSec');
      const pairs = sides.current.map((r, i) => r.throughputPerSec / sides.baseline[i].throughputPerSec);
      console.log(
        `    throughput ${med('current', 'throughputPerSec').toFixed(0)} vs ${med('baseline', 'throughputPerSec').toFixed(0)} replies/s = ×${x.toFixed(2)} the baseline's (round by round ${pairs.map((v) => `×${v.toFixed(2)}`).join(', ')})   (target ≥ ×3: ${met(x >= 3)})`,
      );
    }
    // the Emails tab refresh polled during the burst, measured alone after it (statements from the last round)
    for (const [k, label] of [
      ['cursor', '?since=cursor'],
      ['nothingNew', 'nothing new'],
      ['full', 'full read'],
    ]) {
      const ms = (side) => median(sides[side].map((r) => r.refresh[k].ms));
      const d1 = (side) => `${sides[side].at(-1).refresh[k].statements} statements / ${sides[side].at(-1).refresh[k].roundTrips} round trips`;
      const vs = sides.baseline.length ? ` vs baseline ${fmt(ms('baseline'))} (${d1('baseline')}) = ×${(ms('current') / ms('baseline')).toFixed(2)}` : '';
      console.log(`    Emails tab refresh, ${label}: ${fmt(ms('current'))} (${d1('current')})${vs}`);
    }
    const p50 = med('current', 'p50Ms');
    const p50x = p50 / med('current', 'baselineP50Ms');
    const p50Loaded = p50 / med('current', 'loadedBaselineP50Ms');
    console.log(
      `    webhook p50 ${fmt(p50)} = ×${p50x.toFixed(2)} a refused request's measured alone before the burst (${fmt(med('current', 'baselineP50Ms'))})   (target ≤ ×1.5: ${met(p50x <= 1.5)})`,
    );
    console.log(
      `    webhook p50 ${fmt(p50)} = ×${p50Loaded.toFixed(2)} a refused request's during the same burst (${fmt(med('current', 'loadedBaselineP50Ms'))})   (same-load comparison: what storing and queueing add; the issue's target is the line above)`,
    );
    const probe = med('current', 'probeP50Ms');
    console.log(`    arrival → on the thread, one at a time: p50 ${fmt(probe)}   (target ≤ 0.3 s: ${met(probe <= 300)})`);
    const keepsUp = sides.current.every((r) => r.processedPerSec >= r.throughputPerSec * 0.95);
    const p99 = med('current', 'appearP99Ms');
    console.log(
      `    during the burst: processing ${med('current', 'processedPerSec').toFixed(0)}/s vs intake ${med('current', 'throughputPerSec').toFixed(0)}/s (${met(keepsUp)}: keeps up within 5% in every round), p99 ${fmt(p99)} (rounds: ${sides.current.map((r) => fmt(r.appearP99Ms)).join(', ')})   (target ≤ 1.5 s: ${met(p99 <= 1500)})`,
    );
  });
}

if (want('api')) {
  const persistTo = mkdtempSync(join(tmpdir(), 'pb-bench-d1-'));
  const worker = await startLocalWorker({ port: 18787 + Math.floor(Math.random() * 1000), persistTo });
  try {
    const demo = await seedDemo(worker.baseUrl);
    const token = demo.tokens.admin;
    await section('api', async () => {
      const { run } = await import('./bench/api-bulk-edit.mjs');
      const r = await run({ baseUrl: worker.baseUrl, token, sampleLines: Number(process.env.BENCH_SAMPLE_LINES ?? 200) });
      console.log(`\n# Bulk line edit through the worker on local D1 (${r.lineCount.toLocaleString('en')}-line invoice)`);
      console.log(`  one PATCH of all ${r.lineCount.toLocaleString('en')} lines:   ${fmt(r.bulkMs)}   (target < 1 s)`);
      console.log(
        `  line by line (baseline):       ${fmt(r.perLineMs)} per request × ${r.lineCount.toLocaleString('en')} = ${fmt(r.lineByLineMs)}   (mean of ${r.sampled} sequential requests)`,
      );
      console.log(`  bulk is ${r.ratio.toFixed(0)}× faster   (target ≥ 20×)`);
      console.log(`  GET of the same invoice (baseline): ${fmt(r.getMs)};  PATCH of all lines: ${fmt(r.patchMs)}   (medians of 5, alternated)`);
      console.log(`  PATCH ÷ GET = ×${r.patchOverGet.toFixed(2)}   (target ≤ ×1.5: ${r.patchOverGet <= 1.5 ? 'met' : 'NOT met'})`);
      console.log('  D1 statements (round trips) per request — must not grow with the lines beyond json_each chunks of 900 KB:');
      for (const c of r.statementCounts) {
        console.log(
          `    ${c.lines.toLocaleString('en').padStart(5)} lines:  open (GET) ${c.getStatements} (${c.getRoundTrips});  PATCH all lines ${c.patchStatements} (${c.patchRoundTrips})`,
        );
      }
    });
  } finally {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

await section('pdf', async () => {
  const { run } = await import('./bench/pdf.mjs');
  const r = await run({ print: true });
  if (!r.isWithinBudget) throw new Error('a backup volume exceeded its memory budget');
});

await section('bulk', async () => {
  const { run } = await import('./bench/bulk-send.mjs'); // starts its own worker against a local fake Postmark
  await run({ print: true });
});

await section('paste', async () => {
  // Builds the add-in and drives the harness in headless Chromium against its own local worker.
  const r = spawnSync(process.execPath, ['scripts/bench/addin-paste.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`addin-paste exited with ${r.status}`);
});

await section('sov', async () => {
  // Imports a 5,000-line SOV from a selected range in the harness (its own build and local worker).
  const r = spawnSync(process.execPath, ['scripts/bench/sov-import.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`sov-import exited with ${r.status}`);
});

process.exit(failed ? 1 : 0);

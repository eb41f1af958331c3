// `npm run bench`: prints figures and ratios against baselines measured in the same run.
// Starts its own local worker (wrangler dev, a fresh temporary D1) on a free loopback port.
// Each feature's benchmark lives in scripts/bench/ and exports run(); they run in sequence.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAddin, seedDemo, startLocalWorker } from './local-worker.mjs';

const only = process.argv[2]; // e.g. `npm run bench -- api`
const want = (name) => !only || only === name;
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function importTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-'));
  const outfile = join(dir, 'bundle.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href);
}

if (want('engine')) {
  const { timeCompute } = await importTs('scripts/bench/engine-bench.ts');
  const small = timeCompute(1000);
  const large = timeCompute(10000);
  console.log('\n# G702/G703 engine (shared/, pure, Node 22, median of 15)');
  console.log(`  1,000 lines:   ${fmt(small.medianMs)}`);
  console.log(`  10,000 lines:  ${fmt(large.medianMs)}   (${Math.round(10000 / (large.medianMs / 1000)).toLocaleString('en')} lines/s; ×${(large.medianMs / small.medianMs).toFixed(1)} the 1,000-line time for 10× the lines)`);
}

const needsWorker = ['api', 'email', 'pdf', 'paste', 'bulk'].some(want);
if (needsWorker) {
  const persistTo = mkdtempSync(join(tmpdir(), 'pb-bench-d1-'));
  if (want('paste')) buildAddin({ quiet: true });
  const port = 18787 + Math.floor(Math.random() * 1000);
  const worker = await startLocalWorker({ port, persistTo });
  try {
    const demo = await seedDemo(worker.baseUrl);
    const token = demo.tokens.admin;
    if (want('api')) {
      const { run } = await import('./bench/api-bulk-edit.mjs');
      const r = await run({ baseUrl: worker.baseUrl, token, sampleLines: Number(process.env.BENCH_SAMPLE_LINES ?? 200) });
      console.log(`\n# Bulk line edit through the worker on local D1 (${r.lineCount.toLocaleString('en')}-line invoice)`);
      console.log(`  one PATCH of all ${r.lineCount.toLocaleString('en')} lines:   ${fmt(r.bulkMs)}   (target < 1 s)`);
      console.log(`  line by line (baseline):       ${fmt(r.perLineMs)} per request × ${r.lineCount.toLocaleString('en')} = ${fmt(r.lineByLineMs)}   (mean of ${r.sampled} sequential requests)`);
      console.log(`  bulk is ${r.ratio.toFixed(0)}× faster   (target ≥ 20×)`);
    }
    for (const [name, file] of [['email', 'email-inbound.mjs'], ['paste', 'addin-paste.mjs'], ['bulk', 'bulk-send.mjs']]) {
      if (!want(name) || !existsSync(`scripts/bench/${file}`)) continue;
      const mod = await import(`./bench/${file}`);
      await mod.run({ baseUrl: worker.baseUrl, token, demo, print: true });
    }
  } finally {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

if (want('pdf') && existsSync('scripts/bench/pdf.mjs')) {
  const mod = await import('./bench/pdf.mjs');
  await mod.run({ print: true });
}

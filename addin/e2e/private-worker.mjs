// The local worker for the browser tests and the paste benchmark, on a PRIVATE copy of the built
// add-in: others rebuild dist/addin while they work (vite empties it first), and a test that
// loads harness.html in that moment fails for nothing. So: build into a temp dir, serve it with
// `wrangler dev --assets <dir>`; migrations, readiness and seeding come from the lead's
// scripts/local-worker.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Basic-auth credentials of the private worker's inbound webhook (a throwaway local worker). */
export const E2E_INBOUND_WEBHOOK = { user: 'postmark-e2e', password: 'e2e-inbound-webhook-password' };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Builds task pane + harness into `outDir` (not dist/addin). */
export function buildAddinInto(outDir) {
  const r = spawnSync('vite', ['build', '--config', join(repoRoot, 'addin', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ADDIN_HARNESS: '1' },
  }); // the harness is a dev-build page (addin/vite.config.ts)
  if (r.status !== 0) throw new Error('Building the add-in failed');
}

/**
 * Fresh database + private build + wrangler dev on a free port, demo seeded.
 * Returns { baseUrl, demo, stop, output }.
 */
export async function startPrivateWorker() {
  const lw = await import(pathToFileURL(join(repoRoot, 'scripts', 'local-worker.mjs')).href);
  const dir = mkdtempSync(join(tmpdir(), 'pb-e2e-'));
  const assets = join(dir, 'addin');
  const persistTo = join(dir, 'state');
  buildAddinInto(assets);
  const cwd = process.cwd();
  process.chdir(repoRoot); // the lead's helpers use repository-relative paths
  try {
    lw.migrateLocal({ persistTo, quiet: true });
  } finally {
    process.chdir(cwd);
  }
  const port = await freePort();
  const args = [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persistTo,
    '--assets',
    assets,
    '--show-interactive-dev-session=false',
    '--var',
    'DEV_MODE:1',
    '--var',
    `PUBLIC_URL:http://127.0.0.1:${port}`,
    // the inbound webhook refuses calls without basic-auth credentials; the outbox's "Reply as
    // recipient" posts with these, and emails.e2e posts a raw Postmark payload with them
    '--var',
    `INBOUND_WEBHOOK_USER:${E2E_INBOUND_WEBHOOK.user}`,
    '--var',
    `INBOUND_WEBHOOK_PASSWORD:${E2E_INBOUND_WEBHOOK.password}`,
  ];
  const child = spawn('wrangler', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await lw.waitForWorker(baseUrl, child);
    const demo = await lw.seedDemo(baseUrl);
    return { baseUrl, demo, stop, output: () => output };
  } catch (err) {
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- wrangler output ---\n${output.slice(-3000)}`);
  }
}

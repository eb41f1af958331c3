// Starts the real worker locally (wrangler dev: workerd + local D1/R2/Queues on disk) and waits
// until it answers. Shared by `npm start`, the browser end-to-end tests and the benchmarks.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Applies the D1 migrations to the local database in `persistTo` (idempotent). */
export function migrateLocal({ persistTo, quiet = false, cwd = undefined }) {
  const r = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd,
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, CI: 'true' }, // no interactive confirmation
  });
  if (r.status !== 0) throw new Error(`Applying D1 migrations failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
}

/** Builds the task pane and the harness into dist/addin when the add-in has a build config. */
export function buildAddin({ quiet = false } = {}) {
  if (!existsSync('addin/vite.config.ts')) {
    mkdirSync('dist/addin', { recursive: true });
    return false;
  }
  // ADDIN_HARNESS=1: the development build, with the browser harness and source maps (addin/vite.config.ts)
  const r = spawnSync('vite', ['build', '--config', 'addin/vite.config.ts', '--logLevel', quiet ? 'error' : 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, ADDIN_HARNESS: '1' },
  });
  if (r.status !== 0) throw new Error('Building the add-in failed');
  return true;
}

/** Thrown by assertPortFree: something else already listens on the port. */
export class PortBusyError extends Error {
  constructor(port, host) {
    super(
      `Port ${port} is busy: something already listens on ${host}:${port} (another \`npm start\` or wrangler dev?). ` +
        `Stop it, or start on another port with PORT=<port> npm start.`,
    );
    this.code = 'PORT_BUSY';
    this.port = port;
  }
}

function tryListen(port, host) {
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
    })
  );
}

/**
 * Fails with PortBusyError when the port is taken on 127.0.0.1 or ::1. Without this check,
 * waitForWorker would find whatever already answers there and `npm start` would print the banner
 * and tokens of another instance. ::1 counts because the banner's http://localhost may resolve to it;
 * a host without IPv6 (EADDRNOTAVAIL/EAFNOSUPPORT) is not "busy".
 */
export async function assertPortFree(port) {
  for (const host of ['127.0.0.1', '::1']) {
    try {
      await tryListen(port, host);
    } catch (e) {
      const err = /** @type {NodeJS.ErrnoException} */ (e);
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') throw new PortBusyError(port, host);
      if (err.code !== 'EADDRNOTAVAIL' && err.code !== 'EAFNOSUPPORT') throw err;
    }
  }
}

/**
 * wrangler.toml's [assets] directory (dist/addin) must exist before wrangler dev starts; in a
 * fresh clone nothing has built it yet, so build it once. An existing build is kept.
 */
export function ensureAddinBuilt({ quiet = false } = {}) {
  if (existsSync('dist/addin/index.html')) return;
  if (!quiet) console.log('building the add-in into dist/addin (first run)…');
  buildAddin({ quiet });
}

export async function waitForWorker(baseUrl, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`The local worker did not answer at ${baseUrl} within ${timeoutMs / 1000}s`);
}

/**
 * Runs `wrangler dev --local` on 127.0.0.1:<port> with DEV_MODE=1 (demo seeding, local outbox
 * pages). Returns { baseUrl, child, stop }. Output goes to `logFile`-less pipes unless `inherit`.
 */
export async function startLocalWorker({ port = 8787, persistTo = '.wrangler/state', inherit = false, vars = {}, cwd = undefined } = {}) {
  await assertPortFree(port);
  // another checkout (a benchmark's baseline tree) brings its own assets directory
  if (!cwd) ensureAddinBuilt({ quiet: !inherit });
  migrateLocal({ persistTo, quiet: !inherit, cwd });
  // The inbound webhook only accepts basic-auth credentials; locally they are random per start
  // (the outbox's "Reply as recipient" posts with them from inside the worker).
  const webhook = { user: 'postmark-local', password: randomBytes(18).toString('base64url') };
  const allVars = {
    DEV_MODE: '1',
    ALLOWED_ORIGINS: 'https://localhost:3000',
    PUBLIC_URL: `http://localhost:${port}`,
    INBOUND_WEBHOOK_USER: webhook.user,
    INBOUND_WEBHOOK_PASSWORD: webhook.password,
    ...vars,
  };
  const varArgs = Object.entries(allVars).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const child = spawn(
    'wrangler',
    ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--show-interactive-dev-session=false', ...varArgs],
    // Its own process group: wrangler starts workerd grandchildren that must stop with it.
    // cwd: another checkout of the repository (the benchmark's baseline worker)
    { cwd, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, detached: true },
  );
  const killGroup = (signal) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', () => killGroup('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForWorker(baseUrl, child);
  } catch (err) {
    killGroup('SIGTERM');
    throw new Error(`${err instanceof Error ? err.message : err}\n--- wrangler output ---\n${output.slice(-4000)}`);
  }
  const stop = async () => {
    if (child.exitCode === null) {
      killGroup('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    }
    killGroup('SIGKILL');
  };
  return { baseUrl, child, stop, output: () => output, webhook: { user: allVars.INBOUND_WEBHOOK_USER, password: allVars.INBOUND_WEBHOOK_PASSWORD } };
}

/** Seeds the demo project (idempotent) and returns { tokens, ids… } from POST /dev/seed. */
export async function seedDemo(baseUrl) {
  const res = await fetch(`${baseUrl}/dev/seed`, { method: 'POST' });
  if (!res.ok) throw new Error(`Seeding the demo failed: ${res.status} ${await res.text()}`);
  return res.json();
}

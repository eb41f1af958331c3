// `npm start` (scripts/start.mjs + scripts/local-worker.mjs) as a process: a busy port stops it
// before anything starts, and stopping npm alone stops the local worker. A fake `wrangler` first on
// PATH stands in for wrangler dev (an HTTP server plus a "workerd" grandchild, like the real one),
// so the process tree is real but nothing is built or migrated. Each run is in a temporary
// directory, so no .wrangler/ state of the repository is touched.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const startScript = fileURLToPath(new URL('./start.mjs', import.meta.url));
// The repository's own npm script, pointed at this checkout's start.mjs from the temporary directory.
const rootPackage = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'));
const npmStart = (rootPackage.scripts.start as string).replace('scripts/start.mjs', startScript);

const FAKE_WRANGLER = `#!/usr/bin/env node
// d1 migrations apply: nothing else to do. dev: listen like the worker, with a long-lived grandchild.
const { spawn } = require('node:child_process');
const { createServer } = require('node:http');
const { mkdirSync, writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
// Both commands create the local state directory (.wrangler/state), as wrangler does.
if (args.includes('--persist-to')) mkdirSync(args[args.indexOf('--persist-to') + 1], { recursive: true });
if (args[0] !== 'dev') process.exit(0);
const port = Number(args[args.indexOf('--port') + 1]);
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(req.url === '/dev/seed' ? JSON.stringify({ tokens: { admin: 'fake-admin-token' } }) : '{}');
});
server.on('error', (err) => { console.error('fake wrangler: ' + err.message); grandchild.kill(); process.exit(1); });
server.listen(port, '127.0.0.1', () => writeFileSync(process.env.FAKE_WRANGLER_PIDS, JSON.stringify([process.pid, grandchild.pid])));
`;

type Run = { child: ChildProcess; out: () => string; exited: Promise<number | null> };

let dir = '';
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setup(): { env: NodeJS.ProcessEnv; pidsFile: string } {
  dir = mkdtempSync(join(tmpdir(), 'start-test-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'wrangler'), FAKE_WRANGLER);
  chmodSync(join(bin, 'wrangler'), 0o755);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'start-test', private: true, scripts: { start: npmStart } }));
  const pidsFile = join(dir, 'pids.json');
  return { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAKE_WRANGLER_PIDS: pidsFile }, pidsFile };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(cmd, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
  return { child, out: () => out, exited };
}

async function until(what: string, ok: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('npm start', () => {
  it('says the port is busy and stops, without printing what already answers there', async () => {
    const { env, pidsFile } = setup();
    // Another instance already answers on the port, as a worker would.
    const other = createServer((req, res) => res.end(req.url === '/dev/seed' ? '{"tokens":{"admin":"someone-elses-token"}}' : '{}'));
    const port = await listen(other);
    cleanups.push(() => other.close());
    const r = run(process.execPath, [startScript], { ...env, PORT: String(port) });
    const code = await Promise.race([r.exited, new Promise((_, no) => setTimeout(() => no(new Error(`still running: ${r.out()}`)), 15_000))]);
    expect(code).toBe(1);
    expect(r.out()).toContain(`Port ${port} is busy: something already listens on 127.0.0.1:${port}`);
    expect(r.out()).not.toContain('someone-elses-token');
    expect(r.out()).not.toContain('running locally');
    expect(existsSync(pidsFile)).toBe(false); // wrangler never started
  }, 20_000);

  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)(
    '%s to the npm process alone stops wrangler and its children',
    async (signal) => {
      const { env, pidsFile } = setup();
      const free = createServer();
      const port = await listen(free);
      await new Promise((r) => free.close(r));
      const npm = run('npm', ['start', '--silent'], { ...env, PORT: String(port) });
      await until('the banner', () => npm.out().includes('running locally'), 20_000);
      const pids = JSON.parse(readFileSync(pidsFile, 'utf8')) as number[];
      expect(pids.every(alive)).toBe(true);
      cleanups.push(() => pids.forEach((p) => alive(p) && process.kill(p, 'SIGKILL')));

      npm.child.kill(signal);
      await until(`wrangler (${pids.join(', ')}) to stop after ${signal} to npm`, () => !pids.some(alive), 10_000);
    },
    40_000,
  );
});

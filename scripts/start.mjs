// `npm start`: the whole product locally, no Cloudflare account, no Postmark token, no network.
// Builds the task pane + harness, migrates the local D1, runs the worker on http://localhost:8787,
// seeds the demo project on first start and prints the demo users' API tokens.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PortBusyError, assertPortFree, buildAddin, seedDemo, startLocalWorker } from './local-worker.mjs';

const port = Number(process.env.PORT ?? 8787);
const tokensFile = '.wrangler/demo-tokens.json';

// Stop wrangler (its own process group, see local-worker.mjs) whenever this process is told to
// stop. Installed before anything starts: a signal during the build or migration exits through
// process.exit, whose 'exit' hook in local-worker.mjs kills the group.
let worker = null;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await worker?.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));
process.on('SIGHUP', () => shutdown(129));
// `timeout npm start` or a process manager signals npm only; npm's shell does not always pass
// the signal on, and a SIGKILLed npm passes nothing. This process is then re-parented, which is
// the cue to stop too.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) shutdown(143);
}, 500);

try {
  await assertPortFree(port);
} catch (err) {
  if (!(err instanceof PortBusyError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const built = buildAddin();
worker = await startLocalWorker({ port, inherit: true });
const base = `http://localhost:${port}`;

async function tokensStillWork(tokens) {
  const res = await fetch(`${worker.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.admin}` } }).catch(() => null);
  return res?.ok === true;
}

let demo = existsSync(tokensFile) ? JSON.parse(readFileSync(tokensFile, 'utf8')) : null;
if (!demo || !(await tokensStillWork(demo.tokens))) {
  demo = await seedDemo(worker.baseUrl);
  writeFileSync(tokensFile, JSON.stringify(demo, null, 2));
}

const pad = (s, n) => s.padEnd(n);
console.log(`
────────────────────────────────────────────────────────────────────────
 Progress Billing is running locally (embedded D1, local outbox, demo data)

   API            ${base}/api/v1            (OpenAPI: ${base}/api/v1/openapi.json)
   Task pane      ${built ? `${base}/harness.html   (browser harness: in-memory workbook)` : '(add-in not built yet)'}
   Outbox         ${base}/dev/outbox        (mail that would have been sent; reply to it as the recipient)
   Inbound hook   ${base}/webhooks/postmark/inbound   (basic auth ${worker.webhook.user} / ${worker.webhook.password})

 Demo users' API tokens (Authorization: Bearer <token>):
${Object.entries(demo.tokens)
  .map(([role, t]) => `   ${pad(role, 22)} ${t}`)
  .join('\n')}

 Try:  curl -H "Authorization: Bearer ${demo.tokens.admin}" ${base}/api/v1/me
 Stop with Ctrl+C. Data lives in .wrangler/state (delete it to start fresh).
────────────────────────────────────────────────────────────────────────
`);

worker.child.on('exit', (code) => {
  if (!stopping) process.exit(code ?? 0);
});

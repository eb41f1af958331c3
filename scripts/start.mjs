// `npm start`: the whole product locally, no Cloudflare account, no Postmark token, no network.
// Builds the task pane + harness, migrates the local D1, runs the worker on http://localhost:8787,
// seeds the demo project on first start and prints the demo users' API tokens.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildAddin, seedDemo, startLocalWorker } from './local-worker.mjs';

const port = Number(process.env.PORT ?? 8787);
const tokensFile = '.wrangler/demo-tokens.json';

const built = buildAddin();
const worker = await startLocalWorker({ port, inherit: true });
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
${Object.entries(demo.tokens).map(([role, t]) => `   ${pad(role, 22)} ${t}`).join('\n')}

 Try:  curl -H "Authorization: Bearer ${demo.tokens.admin}" ${base}/api/v1/me
 Stop with Ctrl+C. Data lives in .wrangler/state (delete it to start fresh).
────────────────────────────────────────────────────────────────────────
`);

const shutdown = async () => {
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
worker.child.on('exit', (code) => process.exit(code ?? 0));

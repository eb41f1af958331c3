// Shared by the e2e files: the environment from the global setup, one browser per file, and
// screenshots saved under test-artifacts/e2e/ (gitignored) for a human to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import './e2e-env';
import type { E2eEnv } from './e2e-env';
import { launchBrowser } from './harness-driver.mjs';
import type { LaunchedBrowser } from './harness-driver.mjs';
import { E2E_INBOUND_WEBHOOK, repoRoot } from './private-worker.mjs';

export const env: E2eEnv = inject('e2e');

/** describe() that skips, saying why, when the global setup found no browser. */
export const describeBrowser = (name: string, fn: () => void) =>
  env.skipReason ? describe.skip(`${name} (skipped: ${env.skipReason})`, fn) : describe(name, fn);

/** A browser for the current file; contexts made through it are closed with it. */
export function useBrowser(): { get: () => LaunchedBrowser; context: () => Promise<BrowserContext> } {
  let launched: LaunchedBrowser | null = null;
  beforeAll(async () => {
    if (!env.skipReason) launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get: () => launched!,
    context: () => launched!.newContext(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(env.artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Name of the first sheet whose name starts with the prefix ("G703 #", "G702 #"). */
export async function sheetNamed(page: Page, prefix: string): Promise<string> {
  const names = await page.evaluate(() => window.__workbook.sheetNames());
  const name = names.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`No sheet starting with "${prefix}" in ${JSON.stringify(names)}`);
  return name;
}

/** Exact cents of a decimal string ("123.45" → 12345), without float math. */
export function centsOf(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0')));
}

/**
 * Posts fixtures/postmark-inbound-reply.json, addressed to a thread's reply address, to the local
 * worker's inbound webhook as Postmark would (basic auth). `edit` adjusts the payload first.
 */
export async function postInboundReply(replyAddress: string, edit: (payload: Record<string, unknown>) => void): Promise<Response> {
  const token = /^reply\+([^@]+)@/.exec(replyAddress)?.[1];
  if (!token) throw new Error(`not a reply address: ${replyAddress}`);
  const fixture = readFileSync(join(repoRoot, 'fixtures', 'postmark-inbound-reply.json'), 'utf8');
  const payload = JSON.parse(fixture.replaceAll('reply+THREADTOKEN@reply.example.com', replyAddress).replaceAll('THREADTOKEN', token)) as Record<
    string,
    unknown
  >;
  edit(payload);
  const credentials = Buffer.from(`${E2E_INBOUND_WEBHOOK.user}:${E2E_INBOUND_WEBHOOK.password}`).toString('base64');
  return fetch(`${env.baseUrl}/webhooks/postmark/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${credentials}` },
    body: JSON.stringify(payload),
  });
}

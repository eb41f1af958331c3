// Starts the real worker locally (wrangler dev, fresh D1 in a temp dir, a private build of the
// add-in, demo seeded through POST /dev/seed), creates the large invoices the pastes need, hands
// everything to the tests, and stops it all afterwards.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { E2eEnv } from './e2e-env';
import './e2e-env';
import { chromiumMissingReason, createLargeInvoice } from './harness-driver.mjs';
import { repoRoot, startPrivateWorker } from './private-worker.mjs';

export const LARGE_INVOICE_LINES = 600;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = chromiumMissingReason();
  if (missing) {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${missing}`);
    console.warn(`\n[e2e] SKIPPED: ${missing}. Set REQUIRE_BROWSER=1 to make this a failure.\n`);
    project.provide('e2e', { skipReason: missing } as E2eEnv);
    return async () => undefined;
  }
  const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');
  mkdirSync(artifactsDir, { recursive: true });
  const worker = await startPrivateWorker();
  try {
    const { demo, baseUrl } = worker;
    const admin = demo.tokens.admin!;
    const large = await createLargeInvoice({ baseUrl, token: admin, projectId: demo.projectId, lines: LARGE_INVOICE_LINES, title: 'E2E large SOV' });
    const small = await createLargeInvoice({ baseUrl, token: admin, projectId: demo.projectId, lines: 5, title: 'E2E status flow' });
    project.provide('e2e', {
      skipReason: null,
      baseUrl,
      tokens: demo.tokens,
      projectId: demo.projectId,
      primeContractId: demo.primeContractId,
      invoiceIds: demo.invoiceIds,
      largeInvoiceId: large.invoiceId,
      statusInvoiceId: small.invoiceId,
      artifactsDir,
    });
  } catch (err) {
    await worker.stop();
    throw err;
  }
  return worker.stop;
}

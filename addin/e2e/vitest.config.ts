// Browser end-to-end tests: the harness in headless Chromium against the real local worker
// (wrangler dev --local, fresh D1 in a temp dir, demo seeded). Skipped with a printed reason when
// Chromium is missing, unless REQUIRE_BROWSER=1 (CI), which makes a missing browser a failure.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: repoRoot,
  resolve: { alias: { '@shared': `${repoRoot}shared` } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['addin/e2e/**/*.e2e.test.ts'],
    globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
    // One worker process and files in sequence: they share one local worker and its database.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
// The assets directory must exist for the wrangler config to load; tests do not need a build.
mkdirSync(`${root}/dist/addin`, { recursive: true });

export default defineConfig({
  resolve: { alias: { '@shared': `${root}/shared` } },
  plugins: [
    cloudflareTest(async () => ({
      main: `${root}/worker/src/index.ts`,
      wrangler: { configPath: `${root}/wrangler.toml` },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(`${root}/worker/migrations`),
          INBOUND_WEBHOOK_USER: 'postmark',
          INBOUND_WEBHOOK_PASSWORD: 'test-inbound-secret',
          // no Postmark token in tests: mail goes to the local outbox (a deployment would refuse: email/postmark-client.ts)
          LOCAL_OUTBOX: '1',
          // wrangler.toml ships no extra origin; the CORS test needs one (local development's sideloaded pane)
          ALLOWED_ORIGINS: 'https://localhost:3000',
          DOWNLOAD_SIGNING_KEY: 'test-download-signing-key',
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/apply-migrations.ts'],
    testTimeout: 30_000,
  },
});

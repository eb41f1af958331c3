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

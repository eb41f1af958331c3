import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedDir = fileURLToPath(new URL('./shared', import.meta.url));

// Two projects: pure code (shared/, addin/) in Node, and the worker inside workerd
// (worker/vitest.config.ts) on migrated local D1, R2 and Queues.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { '@shared': sharedDir } },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'addin/**/*.test.ts', 'addin/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'addin/e2e/**'],
        },
      },
      'worker/vitest.config.ts',
      'addin/e2e/vitest.config.ts',
    ],
  },
});

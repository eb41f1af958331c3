// `npm test`: every layer in one run — shared/ and add-in unit tests (Node), worker tests inside
// workerd on migrated local D1/R2/Queues, and the browser end-to-end suite (headless Chromium
// against the real local worker; skipped with a plain message when Chromium is missing, unless
// REQUIRE_BROWSER=1 as in CI). Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';

const result = spawnSync('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', shell: false });
process.exit(result.status ?? 1);

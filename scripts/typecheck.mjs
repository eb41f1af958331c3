// Type-checks every runtime with its own tsconfig (tsconfig.json lists them), one after the other so
// it stays light on a shared machine, and reports every failing project rather than stopping at the first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// tsconfig.json has comments: strip whole-line // comments before parsing
const solution = JSON.parse(
  readFileSync(join(root, 'tsconfig.json'), 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n'),
);
/** @type {string[]} */
const projects = solution.references.map((/** @type {{ path: string }} */ r) => r.path);
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const failed = [];
for (const project of projects) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [tsc, '-p', project, '--pretty'], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`typecheck ${project}: ${run.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
  if (run.status !== 0) failed.push(project);
}
if (failed.length) {
  console.error(`typecheck failed in: ${failed.join(', ')}`);
  process.exit(1);
}

// `npm run check`: every static guardrail, one after the other (light on a shared machine), going
// on after a failure so one run lists every problem. CONTRIBUTING.md says what each step catches.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @param {string} name */
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** @param {string} command @param {string[]} args */
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0;

/** Runs quietly and shows the output only when the command fails. @param {string} command @param {string[]} args */
function runQuiet(command, args) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stdout.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.status === 0;
}

/**
 * The migrations are what drizzle-kit would write for the schema: generate into a copy of
 * worker/migrations and see whether a new file appears (a schema change without its migration).
 */
function migrationsMatchSchema() {
  if (!runQuiet(bin('drizzle-kit'), ['check'])) return false;
  const scratch = mkdtempSync(join(root, 'node_modules', '.cache-migrations-'));
  try {
    cpSync(join(root, 'worker', 'migrations'), scratch, { recursive: true });
    const before = readdirSync(scratch).length;
    // drizzle-kit reads --out relative to the working directory
    const ok = runQuiet(bin('drizzle-kit'), [
      'generate',
      '--dialect',
      'sqlite',
      '--schema',
      './worker/src/db/schema/index.ts',
      '--out',
      relative(root, scratch),
    ]);
    const added = readdirSync(scratch).length - before;
    if (added > 0) console.error('worker/src/db/schema changed without a migration: run `npm run db:generate` and commit the new file.');
    if (ok && added === 0) console.log('worker/migrations match worker/src/db/schema');
    return ok && added === 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** @type {[string, () => boolean][]} */
const steps = [
  ['typecheck (every runtime)', () => run(process.execPath, [join(root, 'scripts', 'typecheck.mjs')])],
  ['lint (biome)', () => run(bin('biome'), ['lint', '.'])],
  ['dead code and dependencies (knip)', () => run(bin('knip'), [])],
  ['migrations match the schema (drizzle-kit)', migrationsMatchSchema],
  ['format (biome; `npm run format` fixes)', () => run(bin('biome'), ['format', '.', '--max-diagnostics=5'])],
];

const failed = [];
for (const [name, step] of steps) {
  console.log(`\n## ${name}`);
  if (!step()) failed.push(name);
}
console.log(failed.length ? `\ncheck FAILED: ${failed.join('; ')}` : '\ncheck passed');
process.exit(failed.length ? 1 : 0);

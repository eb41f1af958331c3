// A checkout of an earlier commit next to this one, for benchmarks whose baseline is "the same
// benchmark against the code before the change" (e.g. the inbound webhook before it stopped
// writing D1): a detached git worktree sharing this checkout's node_modules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function baselineTree(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'pb-baseline-'));
  const add = spawnSync('git', ['worktree', 'add', '--detach', '--force', dir, ref], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`git worktree add ${ref} failed: ${add.stderr}`);
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'dist/addin'), { recursive: true }); // wrangler.toml's assets directory must exist
  return {
    dir,
    remove: () => spawnSync('git', ['worktree', 'remove', '--force', dir]),
  };
}

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { folderBytes } from './cache-index';
import { ContentCache } from './content-cache';

const repoRoot = join(import.meta.dirname, '../..');
let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('courier-cache-crash-');
});
afterEach(() => temp.remove());

/** Runs the churn until it has made `changes` changes, then kills it with SIGKILL. */
async function churnThenKill(root: string, changes: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cache-churn.ts', root], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    lines += chunk.toString().split('\n').length - 1;
    if (lines >= changes) child.kill('SIGKILL');
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  expect(stderr).toBe('');
  expect(signal).toBe('SIGKILL');
}

it('opens whole after the process changing it is killed with SIGKILL, again and again', async () => {
  const root = join(temp.path, 'cache');
  for (const changes of [15, 40, 75]) {
    await churnThenKill(root, changes);
    const { cache, rebuilt } = await ContentCache.open(root);
    // The index is written whole or not at all: a kill may leave it behind the folders, never damaged.
    expect(rebuilt ?? '').not.toMatch(/rebuilt from the folders/);
    for (const entry of cache.entries()) {
      // A content counts whole only once its folder is: every one has its three parts.
      if (entry.state === 'complete') expect(await folderBytes(entry.path)).toBe(150_000);
    }
    // Nothing half deleted is left under a content's name, and nothing the index does not know of.
    const known = new Set(cache.entries().flatMap((e) => [e.key, `${e.key}.partial`]));
    expect(readdirSync(root).filter((name) => name !== 'cache-index.json' && !known.has(name))).toEqual([]);
    expect(cache.usedBytes).toBeLessThanOrEqual(cache.sizeBytes);
  }
});

import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDelta, readSignature, signaturesToDelete } from '../../core/content/delta';
import { seededRandom } from '../helpers/seeded-random';
import { makeTempDir } from '../helpers/temp-dir';

// A process signing, planning and patching is killed with SIGKILL at random points; whatever it
// left under a final name is whole and valid, the rest is temporaries, and the work runs again.
const repoRoot = resolve(import.meta.dirname, '../..');
const loop = join(repoRoot, 'test/helpers/delta-writer-loop.ts');
const temp = makeTempDir('courier-delta-kill-');
afterAll(() => temp.remove());

function killedAfter(folder: string, delayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loop, folder], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`the loop exited with ${code}: ${stderr}`))));
  });
}

describe('binary differential replication under kill -9', () => {
  it('leaves only whole files under final names, whenever it is killed', async () => {
    const random = seededRandom(9);
    const old = random.bytes(24 * 1024 * 1024);
    const next = Buffer.concat([old.subarray(0, 5_000_000), random.bytes(300_000), old.subarray(5_100_000)]);
    await writeFile(join(temp.path, 'old'), old);
    await writeFile(join(temp.path, 'new'), next);
    const kept = new Set(['old', 'new']);
    const seen = new Set<string>();
    for (let kill = 0; kill < 12; kill++) {
      await killedAfter(temp.path, random.int(1500));
      const names = await readdir(temp.path);
      for (const name of names) seen.add(name.startsWith('.courier-tmp-') ? 'a temporary' : name);
      if (names.includes('old.sig')) expect((await readSignature(join(temp.path, 'old.sig'))).size).toBe(old.length);
      if (names.includes('new.sig')) expect((await readSignature(join(temp.path, 'new.sig'))).size).toBe(next.length);
      if (names.includes('patched')) expect(Buffer.compare(await readFile(join(temp.path, 'patched')), next)).toBe(0);
      if (names.includes('old-to-new.delta')) {
        await applyDelta(join(temp.path, 'old'), join(temp.path, 'old-to-new.delta'), join(temp.path, 'check'));
        expect(Buffer.compare(await readFile(join(temp.path, 'check')), next)).toBe(0);
        await rm(join(temp.path, 'check'));
      }
      // Retention sweeps the temporaries a killed writer left.
      const leftovers = signaturesToDelete([], names.filter((name) => !kept.has(name)));
      expect(leftovers.every((name) => name.startsWith('.courier-tmp-'))).toBe(true);
      await Promise.all(leftovers.map((name) => rm(join(temp.path, name))));
    }
    // The kills landed in more than one step (a test that only ever killed before the first write proves little).
    expect(seen.size).toBeGreaterThan(3);
  }, 120_000);
});

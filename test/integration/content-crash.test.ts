import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildManifest, distributePackage, folderSource, validateCopy } from '../../core/content/distribution';
import { workFolderOf } from '../../core/content/distribution/package-target';
import { snapshotTree, useContentTemp, writeTree } from '../helpers/content-tree';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dir = useContentTemp('courier-content-crash-');

/** Runs a copy in another process and kills it with SIGKILL once it has copied `after` files. */
function copyThenKill(source: string, root: string, after: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/distribute-forever.ts', source, root], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = chunk.split('\n').filter(Boolean);
      if (lines.some((line) => line !== 'done' && Number(line) >= after)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`the copy failed (${code}): ${stderr}`));
    });
  });
}

describe('a copy to a distribution point killed with SIGKILL', () => {
  it('leaves the old version whole, and a second run goes on from what it had verified and puts the new one in place', async () => {
    const source = dir.path('src');
    writeTree(source, Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`Folder ${i % 6}/file${i}.bin`, Buffer.alloc(64 * 1024 + i, i)])));
    const root = dir.path('dp', 'SMSPKGD$');
    const target = { root, folder: 'CRS00009' };
    await distributePackage({ packageId: 'CRS00009', version: 1, manifest: await buildManifest(source), source: folderSource(source), targets: [target] });
    const v1 = snapshotTree(join(root, 'CRS00009'));
    for (let i = 0; i < 120; i += 3) writeFileSync(join(source, `Folder ${i % 6}`, `file${i}.bin`), Buffer.alloc(64 * 1024 + i, 255 - i));
    const v2 = snapshotTree(source);

    const how = await copyThenKill(source, root, 30);
    // Killed mid-copy (or, on a fast machine, finished first): never a package folder in between.
    const live = snapshotTree(join(root, 'CRS00009'));
    expect(live).toEqual(how === 'killed' ? v1 : v2);
    if (how === 'killed') expect(readdirSync(workFolderOf(target)).some((name) => name.startsWith('staging-2-'))).toBe(true);

    // cleanup finishes or drops what the kill left; here the copy itself goes on with its staging folder.
    const [result] = await distributePackage({ packageId: 'CRS00009', version: 2, manifest: await buildManifest(source), source: folderSource(source), targets: [target] });
    expect(result!.error).toBeNull();
    // What the killed copy had written and verified is kept, not copied again.
    if (how === 'killed') expect(result!.resumedFiles).toBeGreaterThanOrEqual(30);
    expect(snapshotTree(join(root, 'CRS00009'))).toEqual(v2);
    expect((await validateCopy(target)).ok).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['CRS00009', 'CRS00009.manifest']);
  });
});

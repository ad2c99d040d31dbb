import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useContentTemp, writeTree } from '../../../test/helpers/content-tree';
import { flushFileSystem, flushHelperPid } from './sync-helper';
import { canSyncVolumes } from './volume-sync';

const dir = useContentTemp('courier-sync-helper-');

describe.runIf(canSyncVolumes())('the shell that flushes a volume', () => {
  it('answers each flush in turn through one shell, and a failure with what sync said', async () => {
    writeTree(dir.path('a'), { 'one.txt': 'one' });
    await flushFileSystem(dir.path('a'), 'turns');
    const pid = flushHelperPid('turns');
    expect(pid).toBeGreaterThan(0);
    const results = await Promise.allSettled([flushFileSystem(dir.path('a'), 'turns'), flushFileSystem(join(dir.path('a'), 'no such folder'), 'turns'), flushFileSystem(dir.path('a'), 'turns')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/no such folder.*No such file or directory/u);
    expect(flushHelperPid('turns')).toBe(pid);
  });

  it('a shell that was killed fails only the flush it held, and the next flush starts another', async () => {
    writeTree(dir.path('b'), { 'two.txt': 'two' });
    await flushFileSystem(dir.path('b'), 'killed');
    const pid = flushHelperPid('killed')!;
    // Stopped first, so the kill lands while it holds the flush asked for.
    process.kill(pid, 'SIGSTOP');
    const held = flushFileSystem(dir.path('b'), 'killed');
    process.kill(pid, 'SIGKILL');
    await expect(held).rejects.toThrow(/ended \(SIGKILL\) before it answered/u);
    await expect(flushFileSystem(dir.path('b'), 'killed')).resolves.toBeUndefined();
    expect(flushHelperPid('killed')).not.toBe(pid);
  });

  it('does not keep a process alive once its flushes are answered', () => {
    writeTree(dir.path('c'), { 'three.txt': 'three' });
    const script = `import { flushFileSystem } from ${JSON.stringify(join(import.meta.dirname, 'sync-helper.ts'))};
      await flushFileSystem(${JSON.stringify(dir.path('c'))}, 'v');
      console.log('flushed');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.error).toBeUndefined();
    expect(child.stdout.trim()).toBe('flushed');
    expect(child.status).toBe(0);
  });
});

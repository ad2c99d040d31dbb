import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useContentTemp, writeTree } from '../../../test/helpers/content-tree';
import { canSyncVolumes, syncVolume } from './volume-sync';

const dir = useContentTemp('courier-volume-sync-');

describe.runIf(canSyncVolumes())('flushing a volume', () => {
  it('answers every caller of a burst on one volume, those who came while a flush ran with the next one', async () => {
    writeTree(dir.path('a'), { 'one.txt': 'one' });
    const flushes = Array.from({ length: 6 }, () => syncVolume(dir.path('a'), 'burst'));
    await expect(Promise.all(flushes)).resolves.toHaveLength(6);
    // The queue is left empty: a later flush runs again rather than waiting on an old one.
    await expect(syncVolume(dir.path('a'), 'burst')).resolves.toBeUndefined();
  });

  it('fails only the callers of a flush that fails; one who came meanwhile gets a flush of its own', async () => {
    writeTree(dir.path('b'), { 'two.txt': 'two' });
    const failing = syncVolume(join(dir.path('b'), 'missing folder'), 'shared');
    const after = syncVolume(dir.path('b'), 'shared');
    await expect(failing).rejects.toThrow(/missing folder/u);
    await expect(after).resolves.toBeUndefined();
  });
});

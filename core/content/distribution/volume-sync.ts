import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Making a copy durable. An fsync per file costs a journal commit each on ext4 and NTFS, which for
 * a package of thousands of small files to eight distribution points is most of the copy's time;
 * syncfs(2) flushes a whole volume once. Node has no syncfs, so on Linux it is coreutils'
 * `sync --file-system <path>` (sync(1)); elsewhere every file is fsynced as it is closed.
 */
let volumeSync: boolean | undefined;

export function canSyncVolumes(): boolean {
  if (volumeSync === undefined) {
    volumeSync = process.platform === 'linux' && (spawnSync('sync', ['--help'], { encoding: 'utf8' }).stdout ?? '').includes('--file-system');
  }
  return volumeSync;
}

const run = promisify(execFile);

/** Flushes the volume holding `path`: every file and folder written to it so far is on disk when this returns. */
export async function syncVolume(path: string): Promise<void> {
  await run('sync', ['--file-system', path]);
}

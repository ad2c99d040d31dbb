import { spawnSync } from 'node:child_process';
import { flushFileSystem } from './sync-helper';

/**
 * Making a copy durable. An fsync per file costs a journal commit each on ext4 and NTFS, which for
 * a package of thousands of small files to eight distribution points is most of the copy's time;
 * syncfs(2) flushes a whole volume once. Node has no syncfs, so on Linux it is coreutils'
 * `sync --file-system <path>` (sync(1)), run by a small shell that stays (sync-helper.ts);
 * elsewhere every file is fsynced as it is closed.
 */
let volumeSync: boolean | undefined;

export function canSyncVolumes(): boolean {
  if (volumeSync === undefined) {
    volumeSync = process.platform === 'linux' && (spawnSync('sync', ['--help'], { encoding: 'utf8' }).stdout ?? '').includes('--file-system');
  }
  return volumeSync;
}

interface Flushes {
  running: Promise<void> | null;
  queued: Promise<void> | null;
}

const flushes = new Map<string, Flushes>();

function start(flush: Flushes, path: string, volume: string): Promise<void> {
  const flushing = flushFileSystem(path, volume);
  flush.running = flushing;
  const done = () => {
    if (flush.running === flushing) flush.running = null;
    if (flush.running === null && flush.queued === null) flushes.delete(volume);
  };
  flushing.then(done, done);
  return flushing;
}

/**
 * Flushes the volume holding `path`: every file and folder written to it so far is on disk when
 * this returns. `volume` names the file system (its device number), so copies that finish
 * together share a flush (group commit): a caller that comes while one runs waits for the next,
 * since the running one may have begun before its writes, and that next flush serves every
 * caller that came in the meantime. Packages processed side by side spawn one `sync` where they
 * spawned one each.
 */
export function syncVolume(path: string, volume = path): Promise<void> {
  let flush = flushes.get(volume);
  if (flush === undefined) {
    flush = { running: null, queued: null };
    flushes.set(volume, flush);
  }
  const running = flush.running;
  if (running === null) return start(flush, path, volume);
  const current = flush;
  current.queued ??= running
    .catch(() => undefined)
    .then(() => {
      current.queued = null;
      return start(current, path, volume);
    });
  return current.queued;
}

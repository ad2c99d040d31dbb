// node --import tsx test/helpers/cache-churn.ts CACHE_DIR
// Downloads, releases, evicts and deletes contents in a 1 MB cache for ever, printing a line
// after each change, so a test can kill it with SIGKILL in the middle of one.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentCache } from '../../client/cache/content-cache';

const [root] = process.argv.slice(2);
if (!root) throw new Error('usage: cache-churn.ts CACHE_DIR');
const { cache } = await ContentCache.open(root, { sizeMb: 1 });
for (let round = 0; ; round++) {
  const packageId = `A01000${(round % 16).toString(16).toUpperCase().padStart(2, '0')}`;
  const found = cache.find(packageId, 1);
  if (found?.state === 'complete' && round % 5 === 0) {
    await cache.delete(packageId, 1);
  } else if (found === null) {
    const room = await cache.reserve({ packageId, sourceVersion: 1, sizeBytes: 150_000, advertisementId: 'A0120000' });
    if (room.outcome === 'reserved') {
      // As the download does: the partial folder, renamed in once whole.
      mkdirSync(room.entry.partialPath, { recursive: true });
      for (let i = 0; i < 3; i++) writeFileSync(join(room.entry.partialPath, `part${i}.bin`), Buffer.alloc(50_000, i));
      renameSync(room.entry.partialPath, room.entry.path);
      await cache.complete(packageId, 1);
      await cache.release(packageId, 1, 'A0120000');
    }
  }
  process.stdout.write(`${round}\n`);
}

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { ManifestFile } from './manifest';

/**
 * Where a copy reads a package's files from: the source folder, or a compressed package
 * (`openPackageArchive`). Each file is read once, whatever the number of distribution points.
 */
export interface ContentSource {
  /** How messages name the source. */
  readonly description: string;
  /** The file's bytes, in order, in chunks of at most about a MiB. */
  read(file: ManifestFile, signal?: AbortSignal): AsyncIterable<Uint8Array>;
}

export const chunkBytes = 1 << 20;

export function folderSource(root: string): ContentSource {
  return {
    description: root,
    read(file, signal) {
      return createReadStream(join(root, ...file.path.split('/')), { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) });
    },
  };
}

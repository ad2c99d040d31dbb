import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { SourceLocation } from './file-workers';
import type { ManifestFile } from './manifest';

/**
 * Where a copy reads a package's files from: the source folder, or a compressed package
 * (`openPackageArchive`). Each file is read once, whatever the number of distribution points.
 */
export interface ContentSource {
  /** How messages name the source. */
  readonly description: string;
  /** The file's bytes, in order, in chunks of at most about a MiB (for repairs and packing, on this thread). */
  read(file: ManifestFile, signal?: AbortSignal): AsyncIterable<Uint8Array>;
  /** Where the file workers read it (for copies to distribution points). */
  locate(file: ManifestFile): SourceLocation;
}

export const chunkBytes = 1 << 20;

function pathIn(root: string, file: ManifestFile): string {
  return join(root, ...file.path.split('/'));
}

export function folderSource(root: string): ContentSource {
  return {
    description: root,
    read(file, signal) {
      return createReadStream(pathIn(root, file), { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) });
    },
    locate: (file) => ({ kind: 'file', path: pathIn(root, file), description: root }),
  };
}

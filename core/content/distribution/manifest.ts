import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkContentManifest, type ContentManifest } from '../../formats/content-manifest';
import { ContentError } from './content-error';

// The format and its checks are pure and shared with the client agent, which reads the same
// manifest from a distribution point (core/formats/content-manifest.ts).
export { manifestFormat, manifestFormatVersion, manifestOf, safeRelativePath, type ContentManifest, type ManifestFile } from '../../formats/content-manifest';

/**
 * Writes `path` whole or not at all: a temp file beside it, fsync, rename, fsync of the folder.
 * `fsync: false` leaves out both fsyncs, for a caller that flushes the whole volume afterwards
 * (syncfs) before anything depends on the file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | AsyncIterable<string>, options: { readonly fsync?: boolean } = {}): Promise<void> {
  const fsync = options.fsync ?? true;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  if (!fsync && typeof data === 'string') {
    // Nothing to flush: one call instead of open, write and close, which is most of the time of
    // thousands of small files (Offer Manager's) made durable later by one flush of the volume.
    writeFileSync(temp, data, { flag: 'wx' });
    try {
      renameSync(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return;
  }
  const handle = await open(temp, 'wx');
  try {
    // Chunks let a file larger than what should be held at once (a lookup file) be written as it is read.
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const chunk of data) await handle.write(chunk);
    if (fsync) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (fsync) await syncFolder(dirname(path));
}

/** So a rename or a new entry survives a power cut (fsync(2) on the directory). */
export async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function manifestText(manifest: ContentManifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

export async function writeManifest(path: string, manifest: ContentManifest): Promise<void> {
  await writeFileAtomic(path, manifestText(manifest));
}

/** Reads a manifest and checks every field, so a truncated or foreign file is refused by name. */
export async function readManifest(path: string): Promise<ContentManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError('BAD_MANIFEST', code === 'ENOENT' ? `There is no manifest at ${path}.` : `The manifest ${path} cannot be read (${code ?? String(error)}).`);
  }
  return parseManifest(text, path);
}

export function parseManifest(text: string, where: string): ContentManifest {
  const bad = (why: string) => new ContentError('BAD_MANIFEST', `${where} is not a content manifest Courier can read: ${why}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('it is not whole JSON');
  }
  const checked = checkContentManifest(value);
  if ('problem' in checked) throw bad(checked.problem);
  return checked.manifest;
}

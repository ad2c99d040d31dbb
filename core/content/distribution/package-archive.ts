import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants as zlib } from 'node:zlib';
import { ContentError, abortedError, throwIfAborted } from './content-error';
import type { ContentSource } from './content-source';
import { parseManifest, syncFolder, type ContentManifest, type ManifestFile } from './manifest';

/**
 * The compressed package (`<stored packages location>/SMSPKG/<PackageID>.pkg`): written in one
 * pass, read a file at a time. Layout (docs/content-engine.md has the details):
 *
 *   "CRPKG01\n"                          8 bytes
 *   blocks                               each file's bytes in blocks of at most 1 MiB, each block
 *                                        Brotli (quality 1) or stored when Brotli did not help
 *   index                                UTF-8 JSON: the manifest and, per file, its blocks
 *   index offset, "CRPKGEND"             8 bytes little-endian, 8 bytes
 *
 * Blocks are independent, so they compress on libuv's threads several at a time and a file is read
 * without the files before it. Brotli at quality 1 is in Node's zlib (no native addon to ship) and
 * measured faster than deflate at level 1 here (docs/content-engine.md).
 */
const magic = Buffer.from('CRPKG01\n', 'latin1');
const endMagic = Buffer.from('CRPKGEND', 'latin1');
const trailerBytes = 16;
const archiveFormat = 'courier-compressed-package';
const archiveFormatVersion = 1;
const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/** 0: stored, 1: Brotli. */
type Codec = 0 | 1;
/** [codec, bytes in the package, bytes of the file]. */
type Block = readonly [Codec, number, number];

interface ArchiveEntry {
  readonly path: string;
  readonly offset: number;
  readonly blocks: readonly Block[];
}

interface ArchiveIndex {
  readonly format: typeof archiveFormat;
  readonly formatVersion: typeof archiveFormatVersion;
  readonly packageId: string;
  readonly version: number;
  readonly manifest: ContentManifest;
  readonly entries: readonly ArchiveEntry[];
}

export interface BuildArchiveOptions {
  readonly path: string;
  readonly packageId: string;
  readonly version: number;
  readonly manifest: ContentManifest;
  readonly source: ContentSource;
  /** Blocks compressing at once (default 4, libuv's thread pool). */
  readonly concurrency?: number;
  /**
   * The compressed package of an earlier version: a file it holds with the same path, size and
   * SHA-256 keeps its blocks, copied as they are (checked by decoding them, not read from the
   * source nor compressed again), so an update packs only what changed.
   */
  readonly previous?: PackageArchive;
  readonly signal?: AbortSignal;
}

export interface ArchiveSummary {
  readonly path: string;
  readonly bytes: number;
  readonly storedBlocks: number;
  readonly compressedBlocks: number;
  /** Files whose blocks came from `previous`, and their bytes (as files). */
  readonly reusedFiles: number;
  readonly reusedBytes: number;
}

/** One block of a file as the package holds it. */
export interface StoredBlock {
  readonly codec: Codec;
  readonly data: Uint8Array;
  readonly raw: number;
}

/** A block of `previous` did not decode to the file its index says: the package is packed again without it. */
class ReuseMismatch extends Error {}

async function writeAt(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let offset = 0;
  while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset, position + offset)).bytesWritten;
}

async function packBlock(raw: Uint8Array, tryCompress: boolean): Promise<{ codec: Codec; data: Uint8Array }> {
  if (!tryCompress) return { codec: 0, data: raw };
  const packed = await compress(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  // Stored when Brotli saves less than 3 %: reading a stored block costs nothing to decode.
  return packed.length < raw.length * 0.97 ? { codec: 1, data: packed } : { codec: 0, data: raw };
}

/** Writes the compressed package atomically (temp file beside it, fsync, rename). */
export async function buildPackageArchive(options: BuildArchiveOptions): Promise<ArchiveSummary> {
  try {
    return await packArchive(options, options.previous ?? null);
  } catch (error) {
    if (!(error instanceof ReuseMismatch)) throw error;
    return packArchive(options, null);
  }
}

async function packArchive(options: BuildArchiveOptions, previous: PackageArchive | null): Promise<ArchiveSummary> {
  const { manifest, source, signal } = options;
  const temp = join(dirname(options.path), `.${basename(options.path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let position = 0;
  let storedBlocks = 0;
  let compressedBlocks = 0;
  let reusedFiles = 0;
  let reusedBytes = 0;
  const entries: ArchiveEntry[] = [];
  try {
    await writeAt(handle, magic, 0);
    position = magic.length;
    // Blocks in flight, in file order, each file's start marked so its offset is taken when the
    // blocks before it are written: small files compress in parallel too.
    type Item = { readonly start: { offset: number } } | { readonly blocks: Block[]; readonly raw: number; readonly packed: Promise<{ codec: Codec; data: Uint8Array }> };
    const inFlight: Item[] = [];
    let pendingBlocks = 0;
    const drainOne = async () => {
      const next = inFlight.shift()!;
      if ('start' in next) {
        next.start.offset = position;
        return;
      }
      pendingBlocks -= 1;
      const { codec, data } = await next.packed;
      await writeAt(handle, data, position);
      position += data.length;
      next.blocks.push([codec, data.length, next.raw]);
      if (codec === 0) storedBlocks += 1;
      else compressedBlocks += 1;
    };
    const starts: { offset: number }[] = [];
    const blockLists: Block[][] = [];
    for (const file of manifest.files) {
      throwIfAborted(signal);
      const blocks: Block[] = [];
      const start = { offset: 0 };
      starts.push(start);
      blockLists.push(blocks);
      inFlight.push({ start });
      const hash = createHash('sha256');
      let size = 0;
      const kept = previous?.storedBlocksOf(file) ?? null;
      if (kept !== null) {
        // Decoded to be hashed (on libuv's threads, as compression is), and written as they were.
        for await (const block of kept) {
          const raw = block.codec === 0 ? block.data : await decompress(block.data, { maxOutputLength: block.raw }).catch(() => null);
          if (raw === null || raw.length !== block.raw) throw new ReuseMismatch();
          hash.update(raw);
          size += raw.length;
          inFlight.push({ blocks, raw: block.raw, packed: Promise.resolve({ codec: block.codec, data: block.data }) });
          pendingBlocks += 1;
          while (pendingBlocks >= concurrency) await drainOne();
        }
        if (size !== file.size || hash.digest('hex') !== file.sha256) throw new ReuseMismatch();
        reusedFiles += 1;
        reusedBytes += size;
        continue;
      }
      let skip = 0;
      for await (const chunk of source.read(file, signal)) {
        hash.update(chunk);
        size += chunk.length;
        // After a block that did not compress, the next seven are stored untried (media, archives).
        const tryIt = skip === 0;
        const packed = packBlock(chunk, tryIt).then((result) => {
          if (tryIt && result.codec === 0) skip = 8;
          return result;
        });
        if (!tryIt) skip -= 1;
        inFlight.push({ blocks, raw: chunk.length, packed });
        pendingBlocks += 1;
        while (pendingBlocks >= concurrency) await drainOne();
      }
      if (size !== file.size || hash.digest('hex') !== file.sha256) {
        throw new ContentError('HASH_MISMATCH', `${file.path} in ${source.description} does not match its manifest entry: the source changed since its manifest was made.`, file.path);
      }
    }
    while (inFlight.length > 0) await drainOne();
    manifest.files.forEach((file, i) => entries.push({ path: file.path, offset: starts[i]!.offset, blocks: blockLists[i]! }));
    const index: ArchiveIndex = { format: archiveFormat, formatVersion: archiveFormatVersion, packageId: options.packageId, version: options.version, manifest, entries };
    const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
    const trailer = Buffer.alloc(trailerBytes);
    trailer.writeBigUInt64LE(BigInt(position), 0);
    endMagic.copy(trailer, 8);
    await writeAt(handle, indexBytes, position);
    await writeAt(handle, trailer, position + indexBytes.length);
    position += indexBytes.length + trailer.length;
    await handle.sync();
    await handle.close();
    await rename(temp, options.path);
    await syncFolder(dirname(options.path));
    return { path: options.path, bytes: position, storedBlocks, compressedBlocks, reusedFiles, reusedBytes };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    if (signal?.aborted === true) throw abortedError();
    throw error;
  }
}

export interface PackageArchive {
  readonly packageId: string;
  readonly version: number;
  readonly manifest: ContentManifest;
  /** Reads one file's bytes straight from its blocks, for copying to distribution points. */
  readonly source: ContentSource;
  /** The blocks of a file this package holds with the same path, size and SHA-256, as stored; null when it holds no such file. */
  storedBlocksOf(file: ManifestFile): AsyncIterable<StoredBlock> | null;
  close(): Promise<void>;
}

function badPackage(path: string, why: string): ContentError {
  return new ContentError('BAD_PACKAGE', `${path} is not a compressed package Courier can read: ${why}.`);
}

function checkIndex(path: string, index: ArchiveIndex, indexOffset: number): ArchiveIndex {
  if (index.format !== archiveFormat || index.formatVersion !== archiveFormatVersion) throw badPackage(path, `its format is not ${archiveFormat} version ${archiveFormatVersion}`);
  if (typeof index.packageId !== 'string' || !Number.isSafeInteger(index.version)) throw badPackage(path, 'its index has no package ID and version');
  const manifest = parseManifest(JSON.stringify(index.manifest), `The manifest inside ${path}`);
  if (!Array.isArray(index.entries) || index.entries.length !== manifest.files.length) throw badPackage(path, 'its index does not list every file of its manifest');
  let end = magic.length;
  index.entries.forEach((entry, i) => {
    const file = manifest.files[i]!;
    if (entry?.path !== file.path || entry.offset !== end || !Array.isArray(entry.blocks)) throw badPackage(path, `its index entry ${i + 1} does not follow the one before it`);
    let raw = 0;
    for (const block of entry.blocks) {
      const [codec, stored, bytes] = Array.isArray(block) ? block : [];
      if ((codec !== 0 && codec !== 1) || !Number.isSafeInteger(stored) || !Number.isSafeInteger(bytes) || stored! <= 0 || bytes! <= 0 || (codec === 0 && stored !== bytes)) {
        throw badPackage(path, `a block of ${file.path} is not a codec and two lengths`);
      }
      end += stored!;
      raw += bytes!;
    }
    if (raw !== file.size) throw badPackage(path, `the blocks of ${file.path} do not add up to its size`);
  });
  if (end !== indexOffset) throw badPackage(path, 'its blocks do not end where its index begins');
  return { ...index, manifest };
}

/** Opens a compressed package, checking its trailer and index before any file is read. */
export async function openPackageArchive(path: string): Promise<PackageArchive> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ContentError('BAD_PACKAGE', `The compressed package ${path} cannot be opened (${error.code ?? String(error)}).`);
  });
  try {
    const { size } = await handle.stat();
    if (size < magic.length + trailerBytes) throw badPackage(path, 'it is too short');
    const head = Buffer.alloc(magic.length);
    await handle.read(head, 0, head.length, 0);
    const trailer = Buffer.alloc(trailerBytes);
    await handle.read(trailer, 0, trailerBytes, size - trailerBytes);
    if (!head.equals(magic) || !trailer.subarray(8).equals(endMagic)) throw badPackage(path, 'its first or last bytes are not a Courier package (a copy cut short?)');
    const indexOffset = Number(trailer.readBigUInt64LE(0));
    const indexLength = size - trailerBytes - indexOffset;
    if (indexOffset < magic.length || indexLength <= 0 || indexLength > 256 * 1024 * 1024) throw badPackage(path, 'its index is out of place');
    const indexBytes = Buffer.alloc(indexLength);
    await handle.read(indexBytes, 0, indexLength, indexOffset);
    let parsed: ArchiveIndex;
    try {
      parsed = JSON.parse(indexBytes.toString('utf8')) as ArchiveIndex;
    } catch {
      throw badPackage(path, 'its index is not whole JSON');
    }
    const index = checkIndex(path, parsed, indexOffset);
    const entries = new Map(index.entries.map((entry) => [entry.path, entry]));
    const description = `the compressed package ${path}`;
    const entryOf = (file: ManifestFile): ArchiveEntry => {
      const entry = entries.get(file.path);
      if (entry === undefined) throw new ContentError('BAD_PACKAGE', `${file.path} is not in the compressed package ${path}.`, file.path);
      return entry;
    };
    const source: ContentSource = {
      description,
      locate(file) {
        const entry = entryOf(file);
        return { kind: 'package', path, description, offset: entry.offset, blocks: entry.blocks };
      },
      async *read(file: ManifestFile, signal?: AbortSignal) {
        const entry = entryOf(file);
        let at = entry.offset;
        for (const [codec, stored, bytes] of entry.blocks) {
          throwIfAborted(signal);
          const data = Buffer.allocUnsafe(stored);
          const { bytesRead } = await handle.read(data, 0, stored, at);
          if (bytesRead !== stored) throw badPackage(path, `it ends inside ${file.path}`);
          at += stored;
          const out = codec === 0 ? data : await decompress(data, { maxOutputLength: bytes }).catch(() => null);
          if (out === null || out.length !== bytes) throw badPackage(path, `a block of ${file.path} does not decompress to its length`);
          yield out;
        }
      },
    };
    const held = new Map(index.manifest.files.map((file) => [file.path, file]));
    async function* storedBlocks(entry: ArchiveEntry, name: string): AsyncIterable<StoredBlock> {
      let at = entry.offset;
      for (const [codec, stored, raw] of entry.blocks) {
        const data = Buffer.allocUnsafe(stored);
        const { bytesRead } = await handle.read(data, 0, stored, at);
        if (bytesRead !== stored) throw badPackage(path, `it ends inside ${name}`);
        at += stored;
        yield { codec, data, raw };
      }
    }
    const storedBlocksOf = (file: ManifestFile): AsyncIterable<StoredBlock> | null => {
      const mine = held.get(file.path);
      const entry = entries.get(file.path);
      if (mine === undefined || entry === undefined || mine.size !== file.size || mine.sha256 !== file.sha256) return null;
      return storedBlocks(entry, file.path);
    };
    return { packageId: index.packageId, version: index.version, manifest: index.manifest, source, storedBlocksOf, close: () => handle.close() };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

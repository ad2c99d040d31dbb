import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { manifestPathOf, packageFolderOf, type PackageTarget } from '../distribution/package-target';
import { rangeOf } from './byte-ranges';
import { ManifestCache, isMissing } from './manifest-cache';
import { ownsConnection, whenConnectionEnds } from './connections';
import { parseRequestPath } from './request-path';
import { pump } from './send-file';

/** Which copy of a package a request names: the share, the folder segments after it, the Host it was sent to. */
export interface ContentResolver {
  /**
   * The package copy whose URL folder is `segments[0..n)` for the longest n, with `n`; null when
   * no BITS-enabled distribution point reachable from here holds one under that share.
   */
  resolve(share: string, segments: readonly string[], host: string | null): { readonly target: PackageTarget; readonly folderSegments: number } | null;
}

export interface ContentHandlerOptions {
  readonly resolver: ContentResolver;
  readonly log: (text: string) => void;
  /** What a client is told to wait when a file is being replaced under it (Retry-After, seconds). */
  readonly retryAfterSeconds?: number;
}

/**
 * A copy preserves each file's modification time from the manifest (futimes with fractional
 * seconds, or a Date in milliseconds), so a file whose time differs by more than this is not the
 * version the manifest describes.
 */
const mtimeToleranceMs = 2;
/** Files (or ranges) up to this size are read in one call and sent in one write. */
const smallFileBytes = 128 * 1024;

type Answer = ServerResponse<IncomingMessage>;

/** Opening a symlink fails (ELOOP) rather than following it; Windows has no such flag. */
const noFollow = constants.O_NOFOLLOW ?? 0;

const samePath = process.platform === 'win32' ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;

/**
 * Whether the open file is the one at the package's path with no symlink on the way: a share
 * someone can write to could have a file or folder of the copy replaced by a link to anything on
 * the server (a key, the site database) after the manifest was written. The real path must be
 * the package path under the share root's real path (the root itself may be an admin's link),
 * and the file there must be the one opened, so a swap between the open and this check is caught.
 */
function insidePackage(target: PackageTarget, segments: readonly string[], path: string, opened: Stats): boolean {
  try {
    const expected = join(realpathSync.native(target.root), target.folder, ...segments);
    if (!samePath(realpathSync.native(path), expected)) return false;
    const there = statSync(expected);
    return there.dev === opened.dev && there.ino === opened.ino;
  } catch {
    return false;
  }
}

function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

function refuse(res: Answer, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = `${text}\n`;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** RFC 9110, section 13.1.2: a strong or weak tag in the list, or `*`. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * RFC 9110, section 13.1.5: a range is honoured only if the representation is still the one the client
 * has: the same strong ETag, or a date equal to Last-Modified. Anything else gets the whole file.
 */
function rangeStillApplies(ifRange: string | undefined, etag: string, lastModified: string): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  return value === lastModified;
}

/**
 * The request handler of the content service: serves the manifest of a package copy at its
 * folder URL and, below it, only the files that manifest lists, from the copy in place.
 * Everything else a share root holds (other manifests, the `.courier-<folder>` work folders,
 * staging copies) has no URL, since a path is looked up in the manifest, never on disk.
 */
export function createContentHandler(options: ContentHandlerOptions): (req: IncomingMessage, res: Answer) => void {
  const manifests = new ManifestCache();
  const mismatchesLogged = new Set<string>();
  const retryAfter = String(options.retryAfterSeconds ?? 5);

  async function handle(req: IncomingMessage, res: Answer): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'The content service answers GET and HEAD only.', { Allow: 'GET, HEAD' });
      return;
    }
    if (!(await ownsConnection(req, res))) return;
    const path = parseRequestPath(req.url ?? '');
    if (!path.ok) {
      refuse(res, path.status, path.problem);
      return;
    }
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '') || null;
    const found = options.resolver.resolve(path.share, path.segments, host);
    if (!found) {
      refuse(res, 404, 'No package is served at that address.');
      return;
    }
    const loaded = await manifests.get(manifestPathOf(found.target));
    if (!loaded) {
      refuse(res, 404, 'The package is not on this distribution point now.');
      return;
    }
    const rest = path.segments.slice(found.folderSegments);
    if (rest.length === 0) {
      const headers = { 'Content-Type': 'application/json; charset=utf-8', ETag: loaded.etag, 'Last-Modified': httpDate(loaded.mtimeMs), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
      if (noneMatch(req.headers['if-none-match'], loaded.etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': loaded.bytes.length });
      res.end(req.method === 'HEAD' ? undefined : loaded.bytes);
      return;
    }
    const entry = path.trailingSlash ? undefined : loaded.files.get(rest.join('/').toLowerCase());
    if (!entry) {
      refuse(res, 404, 'The package does not list that file.');
      return;
    }
    const segments = entry.path.split('/');
    const filePath = join(packageFolderOf(found.target), ...segments);
    const notTheManifests = (seen: string, why: string) => {
      // Once per file as found: clients retrying (as Retry-After asks) must not fill the log.
      if (!mismatchesLogged.has(seen)) {
        if (mismatchesLogged.size >= 1000) mismatchesLogged.clear();
        mismatchesLogged.add(seen);
        options.log(`${entry.path} of ${packageFolderOf(found.target)} is not the file its manifest lists (${why}); answered 503.`);
      }
      refuse(res, 503, 'The file is being updated on this distribution point; try again shortly.', { 'Retry-After': retryAfter });
    };
    let fd: number;
    try {
      // O_NONBLOCK: a FIFO put where the file was cannot hang the open.
      fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK | noFollow);
    } catch (error) {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ELOOP') {
        notTheManifests(`${filePath}:link`, 'it is a symbolic link');
        return;
      }
      if (!isMissing(error)) throw error;
      refuse(res, 503, 'The package is being updated on this distribution point; try again shortly.', { 'Retry-After': retryAfter });
      return;
    }
    let streaming = false;
    try {
      const stat = fstatSync(fd);
      // A file mid-update (a repair, a copy by hand) is not the manifest's version: never send its bytes as those.
      if (!stat.isFile() || stat.size !== entry.size || Math.abs(stat.mtimeMs - entry.mtimeMs) > mtimeToleranceMs) {
        notTheManifests(`${filePath}:${stat.size}:${stat.mtimeMs}`, `size ${stat.size}, expected ${entry.size}`);
        return;
      }
      if (!insidePackage(found.target, segments, filePath, stat)) {
        notTheManifests(`${filePath}:outside:${stat.dev}:${stat.ino}`, 'a symbolic link on its path leads out of the package');
        return;
      }
      const etag = `"${entry.sha256}"`;
      const lastModified = httpDate(entry.mtimeMs);
      const headers: Record<string, string | number> = {
        'Content-Type': 'application/octet-stream',
        ETag: etag,
        'Last-Modified': lastModified,
        'Accept-Ranges': 'bytes',
        'X-Content-Type-Options': 'nosniff',
      };
      if (noneMatch(req.headers['if-none-match'], etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      const ifRange = req.headers['if-range'];
      const range = rangeStillApplies(Array.isArray(ifRange) ? ifRange[0] : ifRange, etag, lastModified) ? rangeOf(req.headers.range, entry.size) : ({ kind: 'whole' } as const);
      if (range.kind === 'unsatisfiable') {
        refuse(res, 416, `The file is ${entry.size} bytes; the range asked for holds none of them.`, { 'Content-Range': `bytes */${entry.size}`, 'Accept-Ranges': 'bytes' });
        return;
      }
      const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, entry.size - 1];
      const length = end - start + 1;
      if (range.kind === 'partial') res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${entry.size}`, 'Content-Length': length });
      else res.writeHead(200, { ...headers, 'Content-Length': entry.size });
      if (req.method === 'HEAD' || length === 0) {
        res.end();
        return;
      }
      if (length <= smallFileBytes) {
        // One read and one write: a stream's set-up costs more than a small file's bytes.
        const buffer = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
          const bytesRead = readSync(fd, buffer, done, length - done, start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        if (done < length) {
          res.destroy();
          return;
        }
        res.end(buffer);
        return;
      }
      streaming = true;
      const gone = new AbortController();
      const forget = whenConnectionEnds(req.socket, () => gone.abort());
      await pump(fd, start, end, res, gone.signal)
        .catch((error: unknown) => {
          options.log(`Sending ${entry.path} failed: ${error instanceof Error ? error.message : String(error)}`);
          res.destroy();
        })
        .finally(() => {
          forget();
          closeSync(fd);
        });
    } finally {
      if (!streaming) closeSync(fd);
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`A request for ${JSON.stringify(req.url ?? '')} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) res.destroy();
      else refuse(res, 500, 'The content service could not answer; see dpcontent.log on the site server.');
    });
  };
}

import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildManifest } from '../../core/content/distribution/build-manifest';
import type { ContentManifest } from '../../core/formats/content-manifest';

/** What a test makes one request of the server do instead of answering properly. */
export type ContentFault =
  | { readonly kind: 'status'; readonly status: number }
  /** Sends the first `afterBytes` of the body, then drops the connection. */
  | { readonly kind: 'drop'; readonly afterBytes: number }
  /** Sends the first `afterBytes`, waits `ms`, then sends the rest. */
  | { readonly kind: 'pause'; readonly afterBytes: number; readonly ms: number }
  /** Sends the first `afterBytes`, then nothing, without closing. */
  | { readonly kind: 'stall'; readonly afterBytes: number }
  /** The right length, every byte changed. */
  | { readonly kind: 'wrong-bytes' }
  /** The file and `bytes` more, chunked (no Content-Length to stop the client). */
  | { readonly kind: 'extra-bytes'; readonly bytes: number }
  /** A 200 with the whole file whatever the Range says. */
  | { readonly kind: 'ignore-range' }
  /** A Content-Length one short of the body, and that many bytes. */
  | { readonly kind: 'short-length' };

export interface ContentRequest {
  readonly method: string;
  readonly url: string;
  /** The package-relative file path, '' for the manifest. */
  readonly file: string;
  readonly range: string | undefined;
  readonly ifRange: string | undefined;
  /** How many requests for this file came before this one. */
  readonly before: number;
}

export interface ContentServer {
  /** A distribution point's content URL for a package: `http://127.0.0.1:PORT/SMS_DP_SMSPKGD$/<id>/`. */
  url(packageId: string): string;
  readonly requests: ContentRequest[];
  /** The most requests that were being answered at once. */
  readonly maxInFlight: number;
  /** What the server answers for a package's manifest, when a test wants another one (hostile, or of another version). */
  manifests: Map<string, unknown>;
  /** Rebuilds the manifest of a package whose folder the test changed. */
  refresh(packageId: string): Promise<void>;
  close(): Promise<void>;
}

const prefix = '/SMS_DP_SMSPKGD$/';

/**
 * A stand-in for a distribution point's content service: serves `<root>/<PackageID>/` over
 * HTTP on loopback with the manifest at the folder URL, files with Range, If-Range and an ETag
 * of the file's SHA-256, and the faults a test asks for.
 */
export async function startContentServer(root: string, packageIds: readonly string[], fault?: (request: ContentRequest) => ContentFault | undefined): Promise<ContentServer> {
  const built = new Map<string, ContentManifest>();
  for (const id of packageIds) built.set(id, await buildManifest(join(root, id)));
  const manifests = new Map<string, unknown>();
  const requests: ContentRequest[] = [];
  const counts = new Map<string, number>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const send = (status: number, body = '') => {
      res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (!url.startsWith(prefix)) return send(404, 'not a share');
    const [packageId, ...rest] = url.slice(prefix.length).split('/');
    const manifest = built.get(packageId ?? '');
    if (packageId === undefined || manifest === undefined) return send(404, 'no such package');
    let file: string;
    try {
      file = rest.map((segment) => decodeURIComponent(segment)).join('/');
    } catch {
      return send(400, 'bad encoding');
    }
    const key = `${packageId}/${file}`;
    const before = counts.get(key) ?? 0;
    counts.set(key, before + 1);
    const request: ContentRequest = { method: req.method ?? 'GET', url, file, range: req.headers.range, ifRange: req.headers['if-range'] as string | undefined, before };
    requests.push(request);
    const injected = fault?.(request);
    if (injected?.kind === 'status') return send(injected.status, 'injected');

    if (file === '') {
      const body = Buffer.from(JSON.stringify(manifests.has(packageId) ? manifests.get(packageId) : manifest));
      return writeBody(res, 200, { 'Content-Type': 'application/json' }, body, injected);
    }
    const entry = manifest.files.find((f) => f.path.toLowerCase() === file.toLowerCase());
    if (entry === undefined) return send(404, 'not in the manifest');
    const path = join(root, packageId, ...entry.path.split('/'));
    const size = statSync(path).size;
    const etag = `"${entry.sha256}"`;
    const headers: Record<string, string | number> = { ETag: etag, 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    const range = /^bytes=(\d+)-(\d*)$/u.exec(req.headers.range ?? '');
    const rangeApplies = range !== null && injected?.kind !== 'ignore-range' && (req.headers['if-range'] === undefined || req.headers['if-range'] === etag);
    let start = 0;
    let end = size - 1;
    let status = 200;
    if (rangeApplies) {
      start = Number(range[1]);
      end = range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
      if (start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        return res.end();
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    if (injected === undefined && size > 0) {
      res.writeHead(status, { ...headers, 'Content-Length': end - start + 1 });
      createReadStream(path, { start, end }).pipe(res);
      return;
    }
    const body = size === 0 ? Buffer.alloc(0) : readFileSync(path).subarray(start, end + 1);
    return writeBody(res, status, headers, body, injected);
  };

  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    try {
      handle(req, res);
    } catch (error) {
      res.destroy(error as Error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (packageId) => `http://127.0.0.1:${port}${prefix}${packageId}/`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    manifests,
    refresh: async (packageId) => {
      built.set(packageId, await buildManifest(join(root, packageId)));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function writeBody(res: ServerResponse, status: number, headers: Record<string, string | number>, body: Buffer, injected: ContentFault | undefined): void {
  switch (injected?.kind) {
    case 'drop':
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
      res.write(body.subarray(0, injected.afterBytes), () => res.destroy());
      return;
    case 'stall':
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
      // A body shorter than that is sent whole and ended, so the kept-alive connection stays usable.
      if (injected.afterBytes >= body.length) res.end(body);
      else res.write(body.subarray(0, injected.afterBytes));
      return;
    case 'pause': {
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
      res.write(body.subarray(0, injected.afterBytes));
      const rest = setTimeout(() => res.end(body.subarray(injected.afterBytes)), injected.ms);
      res.on('close', () => clearTimeout(rest));
      return;
    }
    case 'wrong-bytes':
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
      res.end(Buffer.from(body.map((byte) => byte ^ 0xff)));
      return;
    case 'short-length':
      res.writeHead(status, { ...headers, 'Content-Length': Math.max(0, body.length - 1) });
      res.end(body.subarray(0, Math.max(0, body.length - 1)));
      return;
    case 'extra-bytes':
      res.writeHead(status, headers);
      res.write(body);
      res.end(Buffer.alloc(injected.bytes, 0x41));
      return;
    default:
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
      res.end(body);
  }
}

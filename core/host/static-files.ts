import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentTypeFor } from './console-assets';

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Courier</title></head>
<body><h1>The Courier console has not been built</h1>
<p>Run <code>npm run build:renderer</code>, then reload this page.</p></body></html>
`;

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Maps a URL path to a file under root, or null when it points outside root or cannot be a
 * file name. Decoding first means `%2e%2e%2f` is caught as surely as `../`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const candidate = join(root, ...segments);
  return isInside(root, candidate) ? candidate : null;
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path, size: info.size };
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      const indexInfo = await stat(index);
      if (indexInfo.isFile()) return { path: index, size: indexInfo.size };
    }
  } catch {
    // Missing or unreadable: the caller answers 404.
  }
  return null;
}

/** Serves the built console (GET and HEAD only). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendPlain(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const candidate = resolveStaticPath(root, urlPath);
  if (candidate === null) {
    sendPlain(res, 404, 'Not found.');
    return;
  }
  const found = await fileAt(candidate);
  if (found === null) {
    if (urlPath === '/' || urlPath === '/index.html') {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : notBuiltPage);
      return;
    }
    sendPlain(res, 404, 'Not found.');
    return;
  }
  // A symbolic link inside the build output must not lead outside it either.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(found.path)]);
  if (!isInside(realRoot, realFile)) {
    sendPlain(res, 404, 'Not found.');
    return;
  }
  const isHtml = extname(found.path).toLowerCase() === '.html';
  res.writeHead(200, {
    'Content-Type': contentTypeFor(found.path),
    'Content-Length': String(found.size),
    // index.html names the hashed bundles of one build: it must never be stale.
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(realFile);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

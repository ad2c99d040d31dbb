import { extname, join } from 'node:path';

/**
 * The console is served from courier://console/ rather than file://: the page gets an origin of
 * its own (so it cannot read other local files), and its responses can carry real headers,
 * which is how the CSP reaches it.
 */
export const rendererScheme = 'courier';
export const rendererHost = 'console';
export const rendererOrigin = `${rendererScheme}://${rendererHost}`;
export const rendererIndexUrl = `${rendererOrigin}/index.html`;

/** Fluent UI (Griffel) injects <style> elements at run time; scripts come from the bundle only. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function isConsoleUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${rendererScheme}:` && parsed.host === rendererHost;
  } catch {
    return false;
  }
}

/** The file under rendererDir that a courier://console/ URL names, or null if it names none. */
export function rendererFileFor(rendererDir: string, url: string): string | null {
  if (!isConsoleUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  return join(rendererDir, ...(segments.length === 0 ? ['index.html'] : segments));
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function rendererHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

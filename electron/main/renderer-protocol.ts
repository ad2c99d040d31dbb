import { join } from 'node:path';
import { consoleContentSecurityPolicy, contentTypeFor } from '../../core';

/**
 * The console is served from courier://console/ rather than file://: the page gets an origin of
 * its own (so it cannot read other local files), and its responses can carry real headers,
 * which is how the CSP reaches it.
 */
export const rendererScheme = 'courier';
export const rendererHost = 'console';
export const rendererOrigin = `${rendererScheme}://${rendererHost}`;
export const rendererIndexUrl = `${rendererOrigin}/index.html`;

export { consoleContentSecurityPolicy as contentSecurityPolicy };

export function isConsoleUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${rendererScheme}:` && parsed.host === rendererHost;
  } catch {
    return false;
  }
}

/** The console's own pages that may open as a window of their own (window.open). */
export function isViewerWindowUrl(url: string): boolean {
  return isConsoleUrl(url) && new URL(url).pathname === '/status-viewer.html';
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

export function rendererHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(file),
    'Content-Security-Policy': consoleContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

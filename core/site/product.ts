import { readFileSync } from 'node:fs';

/**
 * package.json is the one place the version is written. The bundles (scripts/bundle-options.mjs)
 * get it at build time through esbuild's `define`; run from the sources (vitest, tsx) it is read
 * from package.json, two folders up.
 */
declare const COURIER_PRODUCT_VERSION: string | undefined;

function versionInPackageJson(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error('package.json has no version.');
  return manifest.version;
}

export const productVersion: string = typeof COURIER_PRODUCT_VERSION === 'string' ? COURIER_PRODUCT_VERSION : versionInPackageJson();

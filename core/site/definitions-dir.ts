import { fileURLToPath } from 'node:url';

/**
 * The built-in package definitions shipped in assets/. Run from the sources (tsx: the CLI,
 * `npm run serve`, tests) they sit two folders up from this file; bundles (Electron) pass the
 * folder in CoreOptions instead, because a bundle has no such relative place.
 */
export function defaultDefinitionsDir(): string {
  return fileURLToPath(new URL('../../assets/package-definitions', import.meta.url));
}

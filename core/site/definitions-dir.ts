import { fileURLToPath } from 'node:url';

/**
 * The built-in package definitions in assets/, found from this source file: only for code run
 * from the sources (vitest, tsx). Bundles have no place in the source tree; they pass the folder
 * installed beside them (core/cli/cli-bundle.ts, electron/main/main.ts), and resolving it from
 * here fails in a bundle (its import.meta.url is undefined) instead of finding a checkout by chance.
 */
export function defaultDefinitionsDir(): string {
  return fileURLToPath(new URL('../../assets/package-definitions', import.meta.url));
}

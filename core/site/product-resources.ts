import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDefinitionsDir } from './definitions-dir';

/** What the product reads at run time besides the site: found where it is installed, never in the sources. */
export interface ProductResources {
  /** The built-in package definitions (assets/package-definitions in the repository). */
  readonly definitionsDir: string;
  /** The built console that `courier serve` serves (dist/renderer). */
  readonly consoleDir: string;
}

/**
 * The layout scripts/build-cli.mjs writes and electron-builder.yml packages: the definitions
 * copied beside the CLI bundle (dist/cli/package-definitions), the console one folder up
 * (dist/renderer).
 */
export function resourcesBeside(bundleDir: string): ProductResources {
  return { definitionsDir: join(bundleDir, 'package-definitions'), consoleDir: join(bundleDir, '..', 'renderer') };
}

/** Run from the sources (vitest, tsx): assets/ and dist/renderer of the checkout. */
export function sourceTreeResources(): ProductResources {
  return { definitionsDir: defaultDefinitionsDir(), consoleDir: fileURLToPath(new URL('../../dist/renderer', import.meta.url)) };
}

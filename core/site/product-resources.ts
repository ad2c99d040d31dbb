import { fileURLToPath } from 'node:url';
import { defaultDefinitionsDir } from './definitions-dir';

/** What the product reads at run time besides the site, wherever it is installed. */
export interface ProductResources {
  /** The built-in package definitions (assets/package-definitions in the repository). */
  readonly definitionsDir: string;
  /** The built console that `courier serve` serves (dist/renderer). */
  readonly consoleDir: string;
}

/**
 * Run from the sources (vitest, tsx): assets/ and dist/renderer of the checkout. A bundle says
 * where its own are instead (core/cli/cli-bundle.ts, electron/main/main.ts).
 */
export function sourceTreeResources(): ProductResources {
  return { definitionsDir: defaultDefinitionsDir(), consoleDir: fileURLToPath(new URL('../../dist/renderer', import.meta.url)) };
}

// What every esbuild bundle of core code shares (build-cli.mjs, build-electron.mjs).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** package.json is the one place the product version is written (core/site/product.ts). */
export function productVersion() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
}

/**
 * A bundle has no place in the source tree: `import.meta.url` is left undefined, so code that
 * would find a file relative to its source (core/site/definitions-dir.ts) fails in a bundle
 * instead of finding the checkout by chance. Bundles are told where their resources are.
 */
export function bundleDefines() {
  return {
    COURIER_PRODUCT_VERSION: JSON.stringify(productVersion()),
    'import.meta.url': 'undefined',
  };
}

const zodNamespace = join(dirname(createRequire(import.meta.url).resolve('zod/package.json')), 'v4', 'classic', 'external.js');
const zodImport = /^import \{ z \} from 'zod';$/m;

/**
 * esbuild cannot tree-shake `import { z } from 'zod'` (zod's index re-exports a namespace), so
 * each bundle carried all of zod, every locale included: 750 kB and about 40 ms of start-up.
 * Importing the namespace module itself lets esbuild keep only what the schemas use; the
 * sources keep the documented import.
 */
export const zodTreeShaking = {
  name: 'zod-tree-shaking',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!zodImport.test(text)) return undefined;
      return { contents: text.replace(zodImport, `import * as z from ${JSON.stringify(zodNamespace)};`), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

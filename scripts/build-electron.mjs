// npm run build:electron: bundles the main process, the site components' worker and the preload
// into dist/electron/*.cjs.
// Electron is provided at run time; better-sqlite3 is a native module that electron-builder
// rebuilds for Electron and ships unpacked, so neither goes into the bundle.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { bundleDefines, repoRoot, zodTreeShaking } from './bundle-options.mjs';

const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22 and Chromium 140.
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // The main process names the resources it passes to core (electron/main/main.ts).
  define: bundleDefines(),
  plugins: [zodTreeShaking],
};

/** `outDir` is for tests; the app loads the bundles from dist/electron. */
export async function buildElectron({ outDir = 'dist/electron' } = {}) {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: `${outDir}/main.cjs` }),
    // The site components' worker threads (core/components/README.md); the main process starts them.
    build({ ...common, external: ['better-sqlite3'], entryPoints: ['core/components/component-worker.ts'], outfile: `${outDir}/component-worker.cjs` }),
    // A sandboxed preload may require only 'electron' (and a few Node shims), so everything
    // else, the contract included, is bundled in; minified because every window loads it.
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: `${outDir}/preload.cjs`,
      external: ['electron'],
      minify: true,
    }),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildElectron();
    console.log('Built dist/electron/main.cjs, component-worker.cjs and preload.cjs');
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
}

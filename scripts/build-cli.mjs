// npm run build:cli (and `prepare`, so npm install / npm ci run it): bundles the command line and
// `courier serve` into dist/cli/courier.cjs, the site components' worker thread that serve starts
// into dist/cli/component-worker.cjs, the client agent into dist/cli/courier-client.cjs, with the
// built-in package definitions beside them.
// better-sqlite3 is a native module (rebuilt for Electron when packaged), so it stays outside.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleDefines, repoRoot, zodTreeShaking } from './bundle-options.mjs';
import { alsoBuiltFrom, cliBundleDir, definitionsSource, stampOf } from './cli-build-state.mjs';

/** Writes through a temporary file and a rename, so a CLI started meanwhile never reads half a file. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Copies assets/package-definitions beside the bundle; answers the files' repository paths. */
function copyDefinitions(outDir) {
  const target = join(outDir, 'package-definitions');
  mkdirSync(target, { recursive: true });
  const names = new Set(readdirSync(definitionsSource));
  for (const name of names) {
    const temporary = join(target, `.${name}.${process.pid}.tmp`);
    copyFileSync(join(definitionsSource, name), temporary);
    renameSync(temporary, join(target, name));
  }
  for (const name of readdirSync(target)) if (!names.has(name) && !name.endsWith('.tmp')) rmSync(join(target, name), { force: true });
  return [...names].map((name) => relative(repoRoot, join(definitionsSource, name)));
}

/**
 * Builds the bundle into `outDir` (tests may pick another). Records the sources it was built from
 * in build.json, which bin/courier.mjs compares with the sources to rebuild when one changed.
 */
export async function buildCli({ outDir = cliBundleDir } = {}) {
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: { courier: 'core/cli/cli-bundle.ts', 'component-worker': 'core/components/component-worker.ts', 'courier-client': 'client/cli/client-bundle.ts' },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The CLI runs on Node 20.19+ and, packaged, on Electron 45's Node 22.
    target: 'node20.19',
    // Not minified: it starts no faster minified (bench:cli), and a stack trace in smsprov.log
    // stays readable without the source map.
    sourcemap: true,
    legalComments: 'none',
    external: ['better-sqlite3'],
    define: bundleDefines(),
    plugins: [zodTreeShaking],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  const definitions = copyDefinitions(outDir);
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  const finishedAt = Date.now();
  const inputs = Object.fromEntries([...new Set([...sources, ...alsoBuiltFrom, ...definitions])].sort().map((input) => [input, stampOf(input, startedAt, finishedAt)]));
  writeAtomically(join(outDir, 'build.json'), `${JSON.stringify({ inputs }, null, 2)}\n`);
  return { bundle: join(outDir, 'courier.cjs'), inputs: Object.keys(result.metafile.inputs) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { bundle } = await buildCli();
    console.log(`Built ${relative(repoRoot, bundle)}`);
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
}

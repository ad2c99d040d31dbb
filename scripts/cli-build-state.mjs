// Whether dist/cli was built from the sources as they are now. Loaded on every `courier` start in
// a checkout, so it reads one small file and stats the bundle's own sources: no esbuild, no walk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const cliBundleDir = join(root, 'dist', 'cli');
export const cliBundle = join(cliBundleDir, 'courier.cjs');
export const definitionsSource = join(root, 'assets', 'package-definitions');
const buildRecord = join(cliBundleDir, 'build.json');

/** Besides the bundle's own inputs (esbuild's metafile), what decides what dist/cli holds. */
export const alsoBuiltFrom = ['package.json', 'scripts/build-cli.mjs', 'scripts/bundle-options.mjs', 'assets/package-definitions'];

/**
 * What build.json records of each input: its mtime and size. A file edited while the build ran
 * is recorded as unknown, so the next start rebuilds; one dated in the future (an archive, a
 * skewed clock) is recorded as it is, so it does not cause a rebuild on every start.
 */
export function stampOf(input, startedAt, finishedAt) {
  const { mtimeMs, size } = statSync(join(root, input));
  const editedDuringBuild = mtimeMs > startedAt && mtimeMs <= finishedAt;
  return { mtimeMs: editedDuringBuild ? -1 : mtimeMs, size };
}

/**
 * `{ fresh: true }`, or `{ fresh: false, reason, canBuild }`: canBuild is false where there are
 * no sources to build from (a copy of dist/cli without the repository).
 */
export function cliBuildState() {
  const canBuild = existsSync(join(root, 'core', 'cli', 'cli-bundle.ts'));
  for (const bundle of [cliBundle, join(cliBundleDir, 'courier-client.cjs')]) {
    if (!existsSync(bundle)) return { fresh: false, canBuild, reason: `dist/cli/${bundle.slice(cliBundleDir.length + 1)} has not been built yet` };
  }
  if (!canBuild) return { fresh: true };
  let record;
  try {
    record = JSON.parse(readFileSync(buildRecord, 'utf8'));
  } catch {
    return { fresh: false, canBuild, reason: 'dist/cli/build.json is missing' };
  }
  for (const [input, stamp] of Object.entries(record.inputs ?? {})) {
    let now;
    try {
      now = statSync(join(root, input));
    } catch {
      return { fresh: false, canBuild, reason: `${input} is gone since dist/cli was built` };
    }
    if (now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) return { fresh: false, canBuild, reason: `${input} changed since dist/cli was built` };
  }
  return { fresh: true };
}

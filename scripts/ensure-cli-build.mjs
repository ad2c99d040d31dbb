// Shared by bin/courier.mjs and serve.mjs: load the CLI bundle, rebuilding it first when a source
// it was built from changed, so a checkout always runs its current sources (as tsx did) while
// each start costs a bundle, not a TypeScript compile.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cliBuildState, cliBundleDir } from './cli-build-state.mjs';

function fail(who, message) {
  process.stderr.write(`${who}: ${message}\n`);
  process.exit(1);
}

/**
 * `who` prefixes the one line said before a rebuild ("courier", "npm run serve"); `bundle` names
 * the entry in dist/cli: `courier`, or `courier-client` for the client agent.
 */
export async function loadCliBundle(who, bundle = 'courier') {
  const state = cliBuildState();
  if (!state.fresh) {
    if (!state.canBuild) fail(who, `${state.reason}, and there are no sources here to build it from; reinstall Courier.`);
    process.stderr.write(`${who}: ${state.reason}; rebuilding it (npm run build:cli) …\n`);
    const { buildCli } = await import('./build-cli.mjs');
    try {
      await buildCli();
    } catch {
      fail(who, 'rebuilding dist/cli failed (the errors are above); fix them, or see them again with npm run build:cli.');
    }
  }
  return createRequire(import.meta.url)(join(cliBundleDir, `${bundle}.cjs`));
}

// The entry of the CLI bundle, dist/cli/courier.cjs (scripts/build-cli.mjs). Run as a script
// (`node dist/cli/courier.cjs …`, or the packaged launchers: the app's Electron in Node mode) it
// runs its command line; required (bin/courier.mjs, scripts/serve.mjs) it exports run() and
// serve(). Whatever it reads besides the site is installed beside it, wherever that is.
import { join } from 'node:path';
import type { ExitCode } from './cli-failure';
import type { CliInstall } from './cli-install';
import { processIo } from './cli-io';
import { main } from './main';

/** package.json's version, written in by the build (scripts/bundle-options.mjs). */
declare const COURIER_PRODUCT_VERSION: string;

// The layout build-cli.mjs writes and electron-builder.yml packages: a CommonJS bundle, so
// __dirname is its folder; the definitions and the components' worker are beside it, the
// console is one folder up.
const install: CliInstall = {
  version: COURIER_PRODUCT_VERSION,
  definitionsDir: join(__dirname, 'package-definitions'),
  consoleDir: join(__dirname, '..', 'renderer'),
  componentWorker: join(__dirname, 'component-worker.cjs'),
};

export function run(argv: readonly string[]): Promise<ExitCode> {
  return main(argv, processIo, install);
}

/** `npm run serve`: the same host, with a hook that rebuilds the console in a checkout first. */
export async function serve(argv: readonly string[], beforeStart?: (options: { readonly staticDirGiven: boolean }) => boolean): Promise<number | 'running'> {
  const core = await import('../index');
  return core.serve(argv, { ...install, beforeStart });
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

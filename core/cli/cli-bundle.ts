// The entry of the CLI bundle, dist/cli/courier.cjs (scripts/build-cli.mjs). Run as a script
// (`node dist/cli/courier.cjs …`, or the packaged launchers: the app's Electron in Node mode) it
// runs its command line; required (bin/courier.mjs, scripts/serve.mjs) it exports run() and
// serve(). Whatever it reads besides the site is installed beside it, wherever that is.
import { resourcesBeside } from '../site/product-resources';
import type { ExitCode } from './cli-failure';
import { processIo } from './cli-io';
import { main } from './main';

// A CommonJS bundle: __dirname is the bundle's folder.
const resources = resourcesBeside(__dirname);

export function run(argv: readonly string[]): Promise<ExitCode> {
  return main(argv, processIo, resources);
}

/** `npm run serve`: the same host, with a hook that rebuilds the console in a checkout first. */
export async function serve(argv: readonly string[], beforeStart?: (options: { readonly staticDirGiven: boolean }) => boolean): Promise<number | 'running'> {
  const host = await import('../host/serve-main');
  return host.serve(argv, { resources, beforeStart });
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

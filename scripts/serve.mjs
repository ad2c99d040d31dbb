// npm run serve [-- --port N --data-dir DIR --host ADDR --no-build]
// `courier serve` from the CLI bundle (rebuilt when its sources changed, as for bin/courier.mjs),
// after building the console when it is missing or out of date. It runs in this process, so
// Ctrl-C reaches one process that closes the site cleanly.
import { loadCliBundle } from './ensure-cli-build.mjs';
import { ensureRendererBuild } from './ensure-renderer-build.mjs';

const argv = process.argv.slice(2);
const cli = await loadCliBundle('npm run serve');
const outcome = await cli.serve(argv, ({ staticDirGiven }) => staticDirGiven || argv.includes('--no-build') || ensureRendererBuild());
if (outcome !== 'running') process.exit(outcome);

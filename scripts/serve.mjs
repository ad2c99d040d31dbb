// npm run serve [-- --port N --data-dir DIR --host ADDR --no-build]
// Builds the console when it is missing or out of date, then runs core/host/serve-main.ts
// in this process (through tsx), so Ctrl-C reaches one process that closes the site cleanly.
import { tsImport } from 'tsx/esm/api';
import { ensureRendererBuild } from './ensure-renderer-build.mjs';

const argv = process.argv.slice(2);
const { serve } = await tsImport('../core/host/serve-main.ts', import.meta.url);
const outcome = await serve(argv, {
  beforeStart: ({ staticDirGiven }) => staticDirGiven || argv.includes('--no-build') || ensureRendererBuild(),
});
if (outcome !== 'running') process.exit(outcome);

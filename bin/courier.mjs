#!/usr/bin/env node
// `courier` in a checkout (npm's bin: `npx courier`, `npm run courier --`): runs the CLI bundle,
// dist/cli/courier.cjs, rebuilt first when its sources changed. The installed desktop app runs
// the same bundle with its own Electron (bin/launchers/).
import { loadCliBundle } from '../scripts/ensure-cli-build.mjs';

const cli = await loadCliBundle('courier');
process.exitCode = await cli.run(process.argv.slice(2));

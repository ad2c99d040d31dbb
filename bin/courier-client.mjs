#!/usr/bin/env node
// `courier-client` in a checkout (npm's bin: `npx courier-client`): runs the client agent's bundle,
// dist/cli/courier-client.cjs, rebuilt first when its sources changed (docs/client-agent.md).
import { loadCliBundle } from '../scripts/ensure-cli-build.mjs';

const client = await loadCliBundle('courier-client', 'courier-client');
process.exitCode = await client.run(process.argv.slice(2));

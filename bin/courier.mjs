#!/usr/bin/env node
// `courier` from the repository: runs the TypeScript CLI through tsx, no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../core/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));

// What bin/courier.mjs did before the CLI was bundled: compile the TypeScript sources through
// tsx on every start. Kept for bench:cli, as the figure the bundle is compared with.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../../core/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));

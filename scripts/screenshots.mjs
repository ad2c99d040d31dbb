// npm run screenshots: retakes the pictures of every wizard page, property sheet tab and small
// dialog (test/screenshots/dialogs/), light and dark. The e2e spec that walks them keeps its
// pictures only when COURIER_SCREENSHOTS is 1; set here so the script runs the same on Windows.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('@playwright/test/cli');
const run = spawnSync(process.execPath, [cli, 'test', 'test/e2e/dialogs.spec.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, COURIER_SCREENSHOTS: '1' },
});
process.exit(run.status ?? 1);

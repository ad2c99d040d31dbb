// node --import tsx test/helpers/deploy-then-die.ts DATA_DIR PLAN.json
// Runs the plan through deployments:run and kills itself with SIGKILL the first time the
// advertisement step reads the clock: inside the deployment's transaction, after the package,
// program, distribution and collection are written and before anything is committed. The clock
// (CoreOptions.now, the core's own seam for tests) is the edge used here, not any part of Courier.
import { readFileSync, writeSync } from 'node:fs';
import { createCore } from '../../core';

const [dataDir, planFile] = process.argv.slice(2);
if (!dataDir || !planFile) throw new Error('usage: deploy-then-die.ts DATA_DIR PLAN.json');
const plan: unknown = JSON.parse(readFileSync(planFile, 'utf8'));

const now = () => {
  if (new Error().stack?.includes('AdvertisementService.create')) {
    // Said synchronously, so the parent knows where the process died.
    writeSync(2, 'killed in the advertisement step\n');
    process.kill(process.pid, 'SIGKILL');
  }
  return new Date('2026-12-02T08:00:00Z');
};
const core = createCore({ dataDir, now });
const result = await core.invoke('deployments:run', plan);
process.stderr.write(`the process was not killed inside the deployment: ${JSON.stringify(result)}\n`);
process.exit(3);

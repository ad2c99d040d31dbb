import { startComponentRunner, type ComponentRunner } from '../../core';
import { createDistributionManager, distributionManagerName } from '../../core/components/distmgr';

/**
 * Distribution Manager on the site at `dataDir`, in the test's own thread, on the test's clock
 * (Retry Delay and update schedules are counted in minutes, so the tests move it forward).
 */
export function startInlineDistributionManager(dataDir: string, now: () => Date): ComponentRunner {
  return startComponentRunner({
    dataDir,
    components: [{ name: distributionManagerName, thread: 'inline' }],
    factories: { [distributionManagerName]: () => createDistributionManager({ now }) },
    leaseMs: 2_000,
  });
}

// A process that runs Distribution Manager on a site until it is killed, as `courier site run`
// does, for the crash tests: argv[2] is the data directory. It says "running" once started.
import { startComponentRunner } from '../../core';

const runner = startComponentRunner({ dataDir: process.argv[2]!, components: [{ name: 'SMS_DISTRIBUTION_MANAGER', thread: 'inline' }], leaseMs: 2_000 });
process.stdout.write('running\n');
process.on('SIGTERM', () => {
  void runner.stop().then(() => process.exit(0));
});

// A process that runs a site component on a site until it is killed, as `courier site run`
// does, for the crash tests: argv[2] is the data directory, argv[3] the component
// (SMS_DISTRIBUTION_MANAGER unless given). It says "running" once started.
import { startComponentRunner } from '../../core';

const name = process.argv[3] ?? 'SMS_DISTRIBUTION_MANAGER';
const runner = startComponentRunner({ dataDir: process.argv[2]!, components: [{ name, thread: 'inline' }], leaseMs: 2_000 });
process.stdout.write('running\n');
process.on('SIGTERM', () => {
  void runner.stop().then(() => process.exit(0));
});

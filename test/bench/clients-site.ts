// The site process of `npm run bench:clients`: every site component in its worker thread, as
// `courier serve` starts them (startComponentRunner with Courier's defaults), the management point
// among them. argv[2] is the data directory. It says "running" once started, and stops on SIGTERM.
import { startComponentRunner } from '../../core';

const runner = startComponentRunner({ dataDir: process.argv[2]! });
process.stdout.write('running\n');
process.on('SIGTERM', () => {
  void runner.stop().then(() => process.exit(0));
});

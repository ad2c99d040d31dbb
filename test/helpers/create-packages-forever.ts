// node --import tsx test/helpers/create-packages-forever.ts DATA_DIR
// Creates packages through the core, one request after another, until it is killed; prints
// "ready" once the site is open, so a test knows the loop is running before it kills it.
import { createCore } from '../../core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: create-packages-forever.ts DATA_DIR');
const core = createCore({ dataDir });
process.stdout.write('ready\n');
for (let i = 1; ; i++) {
  const result = await core.client['packages:create']({ name: `Crash ${process.pid} ${i}` });
  if (!result.ok) {
    process.stderr.write(`${result.error.code}: ${result.error.message}\n`);
    process.exit(1);
  }
}

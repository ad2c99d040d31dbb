// node --import tsx test/helpers/distribute-then-die.ts DATA_DIR PACKAGE_ID DP_NAME
// Gives the package the DP through the core, and kills itself with SIGKILL the moment the
// change's wake-up file is about to be written: after the commit, before the .PKN exists. The
// file system is the edge faked here (fs.writeFileSync), not any part of Courier.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createCore } from '../../core';

const [dataDir, packageId, dpName] = process.argv.slice(2);
if (!dataDir || !packageId || !dpName) throw new Error('usage: distribute-then-die.ts DATA_DIR PACKAGE_ID DP_NAME');
const write = fs.writeFileSync;
fs.writeFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
  if (typeof path === 'string' && /Distmgr\.box[\\/]\.[A-Z0-9]{8}\.PKN\./i.test(path)) process.kill(process.pid, 'SIGKILL');
  return (write as (...args: unknown[]) => void)(path, ...rest);
}) as typeof fs.writeFileSync;
syncBuiltinESMExports();

const core = createCore({ dataDir });
const result = await core.client['packages:distribute']({ packageId, distributionPoints: [dpName], groups: [] });
process.stderr.write(`the process was not killed before the wake-up file: ${JSON.stringify(result)}\n`);
process.exit(3);

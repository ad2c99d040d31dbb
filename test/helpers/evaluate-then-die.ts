// node --import tsx test/helpers/evaluate-then-die.ts DATA_DIR NOW_ISO
// Runs SMS_COLLECTION_EVALUATOR inline on a clock stopped at NOW_ISO, and kills itself with
// SIGKILL the moment its first evaluation is about to reach colleval.log: after the first batch of
// evaluations committed, before the others. The file system is the edge faked here
// (fs.appendFileSync), not any part of Courier.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { startComponentRunner } from '../../core';
import { collectionEvaluatorName, createCollectionEvaluator } from '../../core/components/colleval';

const [dataDir, nowIso] = process.argv.slice(2);
if (!dataDir || !nowIso) throw new Error('usage: evaluate-then-die.ts DATA_DIR NOW_ISO');
const append = fs.appendFileSync;
fs.appendFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
  if (typeof path === 'string' && /colleval\.log$/.test(path) && String(rest[0]).includes('evaluated for its schedule occurrence')) process.kill(process.pid, 'SIGKILL');
  return (append as (...args: unknown[]) => void)(path, ...rest);
}) as typeof fs.appendFileSync;
syncBuiltinESMExports();

startComponentRunner({
  dataDir,
  components: [{ name: collectionEvaluatorName, thread: 'inline' }],
  factories: { [collectionEvaluatorName]: () => createCollectionEvaluator({ now: () => new Date(nowIso) }) },
});
setTimeout(() => {
  process.stderr.write('the process was not killed within 20 s\n');
  process.exit(3);
}, 20_000);

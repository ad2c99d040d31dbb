// node --import tsx test/helpers/distribute-forever.ts SOURCE ROOT
// Copies SOURCE to the package folder CRS00009 in ROOT with the content engine, printing a line
// per progress report, for a test that kills it with SIGKILL in the middle of the copy.
import { buildManifest, distributePackage, folderSource } from '../../core/content/distribution';

const [source, root] = process.argv.slice(2);
if (source === undefined || root === undefined) throw new Error('usage: distribute-forever.ts SOURCE ROOT');
const manifest = await buildManifest(source);
await distributePackage({
  packageId: 'CRS00009',
  version: 2,
  manifest,
  source: folderSource(source),
  targets: [{ root, folder: 'CRS00009' }],
  threads: 1,
  progressEveryMs: 0,
  onProgress: (progress) => process.stdout.write(`${progress.files}\n`),
});
process.stdout.write('done\n');

// node --import tsx test/helpers/download-then-die.ts CONTENT_URL DESTINATION BYTES
// Downloads a package's content and kills itself with SIGKILL as soon as BYTES of it are on
// disk, the way a power cut or a killed agent stops a download mid-file.
import { downloadContent } from '../../client/download/download-content';
import { fetchManifest } from '../../client/download/fetch-manifest';

const [url, destination, bytes] = process.argv.slice(2);
if (!url || !destination || !bytes) throw new Error('usage: download-then-die.ts CONTENT_URL DESTINATION BYTES');
const { manifest } = await fetchManifest([url]);
await downloadContent({
  urls: [url],
  manifest,
  destination,
  concurrency: 1,
  progressEveryMs: 0,
  onProgress: (progress) => {
    if (progress.bytesDone >= Number(bytes)) process.kill(process.pid, 'SIGKILL');
  },
});
process.stderr.write('the download finished before it was killed\n');
process.exit(3);

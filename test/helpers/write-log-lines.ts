// node --import tsx test/helpers/write-log-lines.ts LOGS_DIR WRITER COUNT MAX_BYTES
// Writes COUNT numbered lines to distmgr.log through the site log, as one of several processes
// sharing a site's logs would, rotating it at MAX_BYTES; waits for "go" on stdin so writers start together.
import { createSiteLog } from '../../core/site/site-log';
import type { SiteRoot } from '../../core/site/site-root';

const [logs, writer, count, maxBytes] = process.argv.slice(2);
if (!logs || !writer || !count || !maxBytes) throw new Error('usage: write-log-lines.ts LOGS_DIR WRITER COUNT MAX_BYTES');
const root: SiteRoot = { path: logs, inboxes: logs, logs };
const log = createSiteLog(root, () => new Date(), { maxBytes: Number(maxBytes) });
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  for (let i = 1; i <= Number(count); i++) log.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', `writer ${writer} line ${i} ${'x'.repeat(80)}`);
  process.exit(0);
});

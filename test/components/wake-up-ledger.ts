import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineInboxComponent } from '../../core/components/inbox-component';
import type { SiteComponent } from '../../core/components/site-component';

/**
 * A real site component for the tests (ours, not a stand-in): it consumes Distribution Manager's
 * wake-ups, as the Distribution Manager will, and writes one line per wake-up it processed to
 * `ledger.txt` in the data directory: `<file name> <outbox id> <thread>`. Two files in the data
 * directory steer it: `ledger-delay-ms` (how long one wake-up takes) and `crash-on-<file name>`
 * (end its thread mid-way through that wake-up, once, after the ledger line: a crash between
 * the work and its completion). It runs in a worker thread of test/components/ledger-worker.ts.
 */
export function createWakeUpLedger(): SiteComponent {
  return defineInboxComponent({
    name: 'SMS_WAKE_UP_LEDGER',
    inbox: 'Distmgr.box',
    logFile: 'ledger.log',
    pollMs: 200,
    async process(item, context) {
      const dataDir = context.root.path;
      const delayFile = join(dataDir, 'ledger-delay-ms');
      if (existsSync(delayFile)) await sleep(Number(readFileSync(delayFile, 'utf8')));
      const { threadId } = await import('node:worker_threads');
      appendFileSync(join(dataDir, 'ledger.txt'), `${item.fileName} ${item.id} ${threadId}\n`);
      const crash = join(dataDir, `crash-on-${item.fileName}`);
      if (existsSync(crash)) {
        rmSync(crash);
        process.exit(3);
      }
    },
  });
}

/** The ledger's lines as [file name, outbox id, thread] tuples. */
export function readLedger(dataDir: string): { fileName: string; id: number; thread: number }[] {
  const path = join(dataDir, 'ledger.txt');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [fileName, id, thread] = line.split(' ');
      return { fileName: fileName!, id: Number(id), thread: Number(thread) };
    });
}

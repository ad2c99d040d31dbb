import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogWriter } from '../../../client/logs/log-writer';
import { createSiteLog } from '../../site/site-log';
import { ensureSiteRoot, siteRootAt } from '../../site/site-root';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { formatStatMsgLine } from '../statmsg-line';
import { parseLog } from '.';

let temp: TempDir;
const zone = process.env.TZ;
beforeEach(() => {
  temp = makeTempDir('courier-logparse-');
});
afterEach(() => {
  temp.remove();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

// West and east of UTC, one with a bias that is not whole hours: the bias's sign and size both count.
const zones = ['America/Los_Angeles', 'Asia/Kolkata', 'UTC'];
/** The bias each zone writes in January, to be sure the writer really wrote in that zone. */
const januaryBias: Record<string, string> = { 'America/Los_Angeles': '+480', 'Asia/Kolkata': '-330', UTC: '+0' };

describe('logs written by Courier read back', () => {
  it.each(zones)('site logs (SMS trace lines of the site log) give back text, component, thread and time, in %s', (tz) => {
    process.env.TZ = tz;
    const times = [new Date(Date.UTC(2026, 0, 15, 8, 30, 0, 7)), new Date(Date.UTC(2026, 6, 1, 23, 59, 59, 999))];
    let next = 0;
    const root = siteRootAt(temp.path);
    ensureSiteRoot(root);
    const log = createSiteLog(root, () => times[next++ % times.length]!);
    const statmsg = formatStatMsgLine({
      messageId: 2303, severity: 'error', type: 'milestone', moduleName: 'SMS Server', component: 'SMS_DISTRIBUTION_MANAGER', machine: 'SRV01', siteCode: 'A01',
      processId: 4604, threadId: 2, time: times[0]!, insertionStrings: ['A0100001'], attributes: [[400, 'A0100001']],
    });
    const written = [
      ['SMS_PROVIDER', 'Modified package A0100001 "Office" ~ with a tilde and $$<dollars>.'],
      ['SMS_DISTRIBUTION_MANAGER', statmsg],
    ] as const;
    for (const [component, text] of written) log.write('distmgr.log', component, text);
    log.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', 'two\nlines');
    const raw = readFileSync(join(root.logs, 'distmgr.log'), 'utf8');
    expect(raw).toContain(`01-15-2026 ${tz === 'UTC' ? '08' : tz === 'Asia/Kolkata' ? '14' : '00'}:`);
    expect(raw).toContain(`${januaryBias[tz]}><thread=`);
    const records = parseLog(raw);
    expect(records.map(({ text, component, time, thread, type, format }) => ({ text, component, time, thread, type, format }))).toEqual([
      { text: written[0][1], component: 'SMS_PROVIDER', time: times[0]!.toISOString(), thread: threadId, type: 'info', format: 'sms' },
      { text: statmsg, component: 'SMS_DISTRIBUTION_MANAGER', time: times[1]!.toISOString(), thread: threadId, type: 'error', format: 'sms' },
      // The writer makes one line of every entry.
      { text: 'two lines', component: 'SMS_DISTRIBUTION_MANAGER', time: times[0]!.toISOString(), thread: threadId, type: 'info', format: 'sms' },
    ]);
  });

  it.each(zones)('client logs (CMTrace lines of the client log writer) give back text, component, thread, time and type, in %s', (tz) => {
    process.env.TZ = tz;
    const at = new Date(Date.UTC(2026, 0, 29, 1, 30, 0, 250));
    const folder = join(temp.path, 'CCM', 'Logs');
    const logs = new LogWriter({ folder, now: () => at, thread: 4242 });
    const texts = ['Execution Request for advertisement A0120000 package A0100001', 'a\nb\r\n\tc ]LOG]!> d \x1b[31m é 漢字', 'Download of A0100001.1 deferred: the cache is full'];
    logs.info('execmgr', texts[0]!);
    logs.error('execmgr', texts[1]!);
    logs.warning('execmgr', texts[2]!);
    logs.write('execmgr', 'from another component', 1, 'CCMExec');
    const raw = readFileSync(logs.pathOf('execmgr'), 'utf8');
    expect(raw).toContain(`${januaryBias[tz]}" date="01-`);
    const records = parseLog(raw);
    expect(records.map(({ text, component, time, thread, type, format }) => ({ text, component, time, thread, type, format }))).toEqual([
      { text: texts[0], component: 'execmgr', time: at.toISOString(), thread: 4242, type: 'info', format: 'cmtrace' },
      { text: texts[1], component: 'execmgr', time: at.toISOString(), thread: 4242, type: 'error', format: 'cmtrace' },
      { text: texts[2], component: 'execmgr', time: at.toISOString(), thread: 4242, type: 'warning', format: 'cmtrace' },
      { text: 'from another component', component: 'CCMExec', time: at.toISOString(), thread: 4242, type: 'info', format: 'cmtrace' },
    ]);
  });
});

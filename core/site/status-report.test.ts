import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { openSite, type OpenSite } from './open-site';
import { createSiteLog } from './site-log';
import { openSitePlumbing, type SitePlumbing } from './site-plumbing';
import { machineName, type StatusReport } from './status-report';

let data: TempDir;
let site: OpenSite;
let plumbing: SitePlumbing;
const at = new Date(Date.UTC(2026, 11, 1, 9, 30, 15, 250));
const distmgrLog = () => readFileSync(join(site.root.logs, 'distmgr.log'), 'utf8');
const dm = 'SMS_DISTRIBUTION_MANAGER';

beforeEach(() => {
  data = makeTempDir('courier-report-');
  site = openSite(data.path, () => at);
  plumbing = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, () => at), logAs: { file: 'distmgr.log', component: dm }, now: () => at });
});
afterEach(() => {
  site.db.close();
  data.remove();
});

describe('reporting a status message in a unit of work', () => {
  it('commits the message with the change and echoes its STATMSG line in the component log after the commit', () => {
    let logDuring = '';
    const recordId = plumbing.work.run((change) => {
      change.wake('Offermgr.box', 'A0100001.PKN', 'ready\r\n');
      const id = change.status({ component: dm, messageId: 2330, insertionStrings: ['A0100001', '\\\\DP01\\SMSPKGD$'], attributes: { 400: 'A0100001', 404: '\\\\DP01\\' } });
      logDuring = (() => {
        try {
          return distmgrLog();
        } catch {
          return '';
        }
      })();
      return id;
    });
    expect(logDuring).toBe('');
    expect(plumbing.statusMessages.get(recordId)).toMatchObject({
      messageId: 2330,
      severity: 'info',
      type: 'milestone',
      moduleName: 'SMS Server',
      component: dm,
      siteCode: 'A01',
      machine: machineName(),
      time: at.getTime(),
      processId: process.pid,
      threadId,
      insertionStrings: ['A0100001', '\\\\DP01\\SMSPKGD$'],
      attributes: [[400, 'A0100001'], [404, '\\\\DP01\\']],
    });
    const line = distmgrLog().split('\r\n')[0] ?? '';
    expect(line).toMatch(
      new RegExp(
        `^STATMSG: ID=2330 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=${machineName()} SITE=A01 PID=${process.pid} TID=${threadId} ` +
          'GMTDATE=Tue Dec 01 09:30:15.250 2026 ISTR0="A0100001" ISTR1="\\\\\\\\DP01\\\\SMSPKGD\\$" ISTR2="" .* ISTR9="" NUMATTRS=2 AID0=400 AVAL0="A0100001" AID1=404 AVAL1="\\\\\\\\DP01\\\\"~ {2}\\$\\$<SMS_DISTRIBUTION_MANAGER><',
      ),
    );
  });

  it('keeps nothing of a change that fails, the message and its log line included', () => {
    expect(() =>
      plumbing.work.run((change) => {
        change.status({ component: dm, messageId: 2300, insertionStrings: ['Office', 'A0100001'], attributes: { 400: 'A0100001' } });
        throw new Error('the copy failed');
      }),
    ).toThrow('the copy failed');
    expect(plumbing.statusMessages.count()).toBe(0);
    expect(() => distmgrLog()).toThrow(/ENOENT/);
  });

  it("takes the catalogue's severity and type, the reporter's when given, and goes to the log it names", () => {
    plumbing.work.run((change) => {
      change.status({ component: dm, messageId: 2302, insertionStrings: ['Office', 'A0100001', 'Access is denied.'] });
      change.status({ component: dm, messageId: 2330, severity: 'warning', type: 'detail' });
      change.status({ component: 'SMS_PROVIDER', messageId: 30000, severity: 'info', type: 'audit', moduleName: 'SMS Provider', logFile: 'smsprov.log' });
    });
    const page = plumbing.statusMessages.query({ order: 'oldest', limit: 10 });
    expect(page.messages.map((m) => [m.messageId, m.severity, m.type, m.moduleName])).toEqual([
      [2302, 'error', 'milestone', 'SMS Server'],
      [2330, 'warning', 'detail', 'SMS Server'],
      [30000, 'info', 'audit', 'SMS Provider'],
    ]);
    expect(distmgrLog().match(/STATMSG:/g)).toHaveLength(2);
    expect(readFileSync(join(site.root.logs, 'smsprov.log'), 'utf8')).toMatch(/^STATMSG: ID=30000 SEV=I LEV=A SOURCE="SMS Provider" COMP="SMS_PROVIDER"/);
  });

  it('refuses a report it cannot complete, rolling the change back', () => {
    const report = (r: StatusReport) => () => plumbing.work.run((change) => change.status(r));
    expect(report({ component: 'SMS_X', messageId: 1 })).toThrow('Message 1 of SMS_X is not in the catalogue: report its severity.');
    expect(report({ component: dm, messageId: 65536 })).toThrow('A status message ID is a whole number from 0 to 65535 (65536 given).');
    expect(report({ component: dm, messageId: 2301, insertionStrings: Array.from({ length: 11 }, () => 'x') })).toThrow(/at most 10 insertion strings/);
    expect(report({ component: dm, messageId: 2301, attributes: { [-1]: 'x' } })).toThrow(/An attribute ID is a whole number/);
    expect(plumbing.statusMessages.count()).toBe(0);
    // An over-long string is cut, not refused: an operating system's error text may be long.
    plumbing.work.run((change) => change.status({ component: dm, messageId: 2302, insertionStrings: ['n', 'A0100001', 'e'.repeat(5000)] }));
    expect(plumbing.statusMessages.query({ order: 'newest', limit: 1 }).messages[0]?.insertionStrings[2]).toHaveLength(1024);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusMessageDto } from '../../core/api';
import { createSiteLog } from '../../core/site/site-log';
import { openSite } from '../../core/site/open-site';
import { openSitePlumbing } from '../../core/site/site-plumbing';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeouts.
let data: TempDir;
const dir = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', dir(), ...args]);
const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const dm = 'SMS_DISTRIBUTION_MANAGER';
const dp = '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\';

beforeAll(() => {
  data = makeTempDir('courier-cli-status-');
  // Messages as the Distribution Manager reports them: through a unit of work on the site.
  let clock = t0;
  const now = () => new Date(clock);
  const site = openSite(dir(), now);
  const plumbing = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, now), logAs: { file: 'distmgr.log', component: dm }, now });
  const report = (minutes: number, messageId: number, strings: string[], attributes: Record<number, string>) => {
    clock = t0 + minutes * 60_000;
    plumbing.work.run((change) => change.status({ component: dm, messageId, insertionStrings: strings, attributes }));
  };
  report(0, 2300, ['Office 2007', 'A0100001'], { 400: 'A0100001' });
  report(1, 2342, ['A0100001', dp], { 400: 'A0100001', 404: dp });
  report(2, 2328, ['A0100001', dp, 'Access is denied.'], { 400: 'A0100001', 404: dp });
  report(3, 2330, ['A0100002', dp], { 400: 'A0100002', 404: dp });
  // Enough older ones that a long listing takes more than one page of the contract.
  site.db.transaction(() => {
    for (let i = 0; i < 1500; i++) report(-10 - i, 2311, [`A01${String(i).padStart(5, '0')}`, '1'], { 400: 'A0100009' });
  })();
  site.db.close();
});
afterAll(() => data.remove());

describe('courier status messages', () => {
  it('prints the contract DTOs with --json, newest first, filtered by package', async () => {
    const run = await courier('status', 'messages', '--package', 'a0100001', '--json');
    expect(run.code).toBe(0);
    const messages = JSON.parse(run.stdout) as StatusMessageDto[];
    expect(messages.map((m) => m.messageId)).toEqual([2328, 2342, 2300]);
    expect(messages[0]).toEqual({
      recordId: 3,
      messageId: 2328,
      severity: 'error',
      type: 'milestone',
      moduleName: 'SMS Server',
      component: dm,
      siteCode: 'A01',
      machine: expect.any(String),
      time: '2026-12-01T09:02:00.000Z',
      processId: expect.any(Number),
      threadId: 0,
      insertionStrings: ['A0100001', dp, 'Access is denied.'],
      attributes: { '400': 'A0100001', '404': dp },
      description: `Distribution Manager failed to copy package A0100001 to distribution point ${dp}: Access is denied. It will try again.`,
    });
  }, 60_000);

  it('filters by component, severity, distribution point, message IDs and time, and prints a table without --json', async () => {
    const errors = await courier('status', 'messages', '--component', dm, '--severity', 'error', '--since', '2026-12-01T09:00:00Z');
    expect(errors.code).toBe(0);
    const lines = errors.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Severity +Time \(UTC\) +Message ID +Component +Machine +Description$/);
    expect(lines.slice(2)).toEqual([expect.stringMatching(/^Error +2026-12-01 09:02:00Z +2328 +SMS_DISTRIBUTION_MANAGER +\S+ +Distribution Manager failed to copy package A0100001/)]);

    const onDp = JSON.parse((await courier('status', 'messages', '--dp', dp.toLowerCase(), '--order', 'oldest', '--json')).stdout) as StatusMessageDto[];
    expect(onDp.map((m) => m.messageId)).toEqual([2342, 2328, 2330]);
    const byId = JSON.parse((await courier('status', 'messages', '--message-id', '2330,2300', '--until', '2026-12-01T09:03:00Z', '--json')).stdout) as StatusMessageDto[];
    expect(byId.map((m) => m.messageId)).toEqual([2330, 2300]);
    const none = await courier('status', 'messages', '--text', 'no such words');
    expect([none.code, none.stdout]).toEqual([0, 'No status messages match.\n']);
  }, 120_000);

  it('pages through the contract for a long listing, with no message twice', async () => {
    const run = await courier('status', 'messages', '--limit', '1200', '--json');
    const messages = JSON.parse(run.stdout) as StatusMessageDto[];
    expect(messages).toHaveLength(1200);
    expect(new Set(messages.map((m) => m.recordId)).size).toBe(1200);
    const times = messages.map((m) => Date.parse(m.time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(JSON.parse((await courier('status', 'messages', '--json')).stdout)).toHaveLength(50);
  }, 60_000);

  it('refuses bad filters with errors that say what is wrong', async () => {
    const date = await courier('status', 'messages', '--since', '12/01/2026');
    expect(date.code).toBe(1);
    expect(date.stderr).toContain('since: "12/01/2026" is not a date: use ISO 8601, for example 2026-12-01 or 2026-12-01T08:30:00Z.');
    const zone = await courier('status', 'messages', '--since', '2026-12-01T08:00', '--json');
    expect(zone.code).toBe(1);
    expect(JSON.parse(zone.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'since', message: expect.stringContaining('has no time zone') } });
    const severity = await courier('status', 'messages', '--severity', 'fatal');
    expect(severity.code).toBe(2);
    expect(severity.stderr).toMatch(/'fatal' is invalid\. Allowed choices are info, warning, error/);
    const ids = await courier('status', 'messages', '--message-id', '2301,x');
    expect(ids.code).toBe(2);
    expect(ids.stderr).toContain('--message-id takes message IDs from 0 to 65535, separated by commas');
    const limit = await courier('status', 'messages', '--limit', '0');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit is a whole number from 1 to 100000 (0 given).');
  }, 120_000);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { openSite, type OpenSite } from '../site/open-site';
import { createSiteLog } from '../site/site-log';
import { openSitePlumbing, type SitePlumbing } from '../site/site-plumbing';
import { deleteAgedStatusMessages } from '../site/status-retention';
import { StatusRetentionRepository } from '../db/repositories/status-retention-repository';
import { createInboxManager } from './inbox-manager';
import type { ComponentContext } from './site-component';

let data: TempDir;
let site: OpenSite;
let plumbing: SitePlumbing;
let clock: number;
const day = 24 * 60 * 60 * 1000;
const now = () => new Date(clock);
const logged: string[] = [];
const retention = () => new StatusRetentionRepository(site.db);

function reportAt(time: number, packageId: string): void {
  const saved = clock;
  clock = time;
  plumbing.work.run((change) => change.status({ component: 'SMS_DISTRIBUTION_MANAGER', messageId: 2301, insertionStrings: ['P', packageId], attributes: { 400: packageId } }));
  clock = saved;
}

function context(): ComponentContext {
  return {
    name: 'SMS_INBOX_MANAGER',
    siteCode: 'A01',
    root: site.root,
    db: site.db,
    work: plumbing.work,
    queue: null,
    log: (text) => logged.push(text),
    now,
    stopping: new AbortController().signal,
  };
}

beforeEach(() => {
  clock = Date.UTC(2026, 11, 10, 12, 0, 0);
  logged.length = 0;
  data = makeTempDir('courier-inboxmgr-');
  site = openSite(data.path, now);
  plumbing = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, now), logAs: { file: 'inboxmgr.log', component: 'SMS_INBOX_MANAGER' }, now });
});
afterEach(() => {
  site.db.close();
  data.remove();
});

describe('Delete Aged Status Messages', () => {
  it('deletes what is older than the days kept, and refuses a negative number of days', () => {
    reportAt(clock - 8 * day, 'A0100001');
    reportAt(clock - 6 * day, 'A0100002');
    expect(deleteAgedStatusMessages(plumbing.statusMessages, 7, now())).toBe(1);
    expect(deleteAgedStatusMessages(plumbing.statusMessages, 7, now())).toBe(0);
    expect(deleteAgedStatusMessages(plumbing.statusMessages, 0, now())).toBe(1);
    expect(() => deleteAgedStatusMessages(plumbing.statusMessages, -1, now())).toThrow('Status messages are kept a number of days, 0 or more (-1 given).');
  });

  it("runs on Inbox Manager's schedule as the site's settings say: a week kept, once a day, by default", async () => {
    const manager = createInboxManager();
    await manager.start(context());
    reportAt(clock - 8 * day, 'A0100001');
    reportAt(clock - 7 * day + 60_000, 'A0100002');
    await manager.wake();
    expect(plumbing.statusMessages.query({ order: 'newest', limit: 10 }).messages.map((m) => m.insertionStrings[1])).toEqual(['A0100002']);
    expect(logged).toEqual(['Deleted 1 status messages older than 7 days.']);
    expect(retention().get()).toMatchObject({ lastRunAt: now().toISOString(), lastDeleted: 1 });

    // Two minutes later the second has aged too, but the day is not up; nor for a restarted manager.
    clock += 2 * 60_000;
    await manager.wake();
    await manager.stop();
    const restarted = createInboxManager();
    await restarted.start(context());
    await restarted.wake();
    expect(plumbing.statusMessages.count()).toBe(1);
    clock += 24 * 60 * 60_000;
    await restarted.wake();
    expect(plumbing.statusMessages.count()).toBe(0);
    await restarted.stop();
  });

  it('keeps the days and runs as often as the site settings say, read on every wake, and not at all when disabled', async () => {
    const manager = createInboxManager();
    await manager.start(context());
    retention().save({ enabled: true, keepDays: 30, everyHours: 2, lastModified: now().toISOString() });
    reportAt(clock - 8 * day, 'A0100001');
    reportAt(clock - 31 * day, 'A0100002');
    await manager.wake();
    expect(plumbing.statusMessages.query({ order: 'newest', limit: 10 }).messages.map((m) => m.insertionStrings[1])).toEqual(['A0100001']);

    // Changed while it runs: 3 days kept, at most every 2 hours, so not yet, then after 2 hours.
    retention().save({ enabled: true, keepDays: 3, everyHours: 2, lastModified: now().toISOString() });
    clock += 60 * 60_000;
    await manager.wake();
    expect(plumbing.statusMessages.count()).toBe(1);
    clock += 60 * 60_000;
    await manager.wake();
    expect(plumbing.statusMessages.count()).toBe(0);
    expect(logged.at(-1)).toBe('Deleted 1 status messages older than 3 days.');

    // Disabled: nothing is deleted however long it has been, and no run is recorded.
    retention().save({ enabled: false, keepDays: 1, everyHours: 1, lastModified: now().toISOString() });
    reportAt(clock - 5 * day, 'A0100003');
    const ranAt = retention().get().lastRunAt;
    clock += 10 * day;
    await manager.wake();
    expect(plumbing.statusMessages.count()).toBe(1);
    expect(retention().get().lastRunAt).toBe(ranAt);

    // A clock set back before the last run does not stop the task until it catches up.
    retention().save({ enabled: true, keepDays: 1, everyHours: 24, lastModified: now().toISOString() });
    retention().noteRun(new Date(clock + 30 * day).toISOString(), 0);
    await manager.wake();
    expect(plumbing.statusMessages.count()).toBe(0);
    await manager.stop();
  });
});

import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteRepository } from '../db/repositories/site-repository';
import { openSitePlumbing, type SitePlumbing } from '../site/site-plumbing';
import { openSite, type OpenSite } from '../site/open-site';
import { createSiteLog } from '../site/site-log';
import { InboxQueue, retryDelayMs } from './inbox-queue';

let dir: string;
let site: OpenSite;
let plumbing: SitePlumbing;
let clock: number;
const now = () => new Date(clock);
const pkn = (name: string) => join(dir, 'SMS', 'Inboxes', 'Distmgr.box', name);

function queueFor(owner: string): InboxQueue {
  const repository = new SiteRepository(site.db);
  return new InboxQueue({
    inbox: 'Distmgr.box',
    owner,
    outbox: plumbing.outbox,
    work: plumbing.work,
    transaction: (work) => repository.transaction(work),
    root: site.root,
    now,
  });
}

function wake(fileName: string, body: string): void {
  plumbing.work.run((change) => change.wake('Distmgr.box', fileName, body));
}

beforeEach(() => {
  clock = Date.parse('2026-12-01T09:00:00Z');
  dir = mkdtempSync(join(tmpdir(), 'courier-queue-'));
  site = openSite(dir, now);
  const log = createSiteLog(site.root, now);
  plumbing = openSitePlumbing({ db: site.db, root: site.root, log, logAs: { file: 'distmgr.log', component: 'SMS_DISTRIBUTION_MANAGER' }, now });
});
afterEach(() => {
  site.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the inbox queue', () => {
  it('keeps one waiting wake-up per file however often the package changes, with the newest body', () => {
    wake('A0100001.PKN', 'created A0100001\r\n');
    wake('A0100001.PKN', 'updated A0100001\r\n');
    wake('A0100002.PKN', 'created A0100002\r\n');
    expect(plumbing.outbox.pending('Distmgr.box').map((e) => [e.fileName, e.body, e.revision])).toEqual([
      ['A0100001.PKN', 'updated A0100001\r\n', 2],
      ['A0100002.PKN', 'created A0100002\r\n', 1],
    ]);
  });

  it('writes the file of a waiting wake-up once for changes that say the same, and again when one says otherwise, after a claim and after a failure', () => {
    // A write is a new file renamed into place. A hard link keeps the first one's inode, so a new
    // file cannot be given the same number again.
    const inode = () => statSync(pkn('SMS00001.CMN')).ino;
    wake('SMS00001.CMN', 'membership SMS00001\r\n');
    linkSync(pkn('SMS00001.CMN'), join(dir, 'first-write'));
    const written = inode();
    wake('SMS00001.CMN', 'membership SMS00001\r\n');
    wake('SMS00001.CMN', 'membership SMS00001\r\n');
    expect(inode()).toBe(written);
    expect(plumbing.outbox.undelivered(10)).toEqual([]);
    expect(plumbing.outbox.pending('Distmgr.box').map((e) => [e.body, e.revision])).toEqual([['membership SMS00001\r\n', 3]]);

    wake('SMS00001.CMN', 'rules SMS00001\r\n');
    expect(inode()).not.toBe(written);
    expect(readFileSync(pkn('SMS00001.CMN'), 'utf8')).toBe('rules SMS00001\r\n');

    // Claimed, its file is gone: the same change again is a new wake-up with a file of its own.
    const queue = queueFor('dm/1');
    const item = queue.claim()!;
    expect(item).toMatchObject({ body: 'rules SMS00001\r\n' });
    wake('SMS00001.CMN', 'rules SMS00001\r\n');
    expect(existsSync(pkn('SMS00001.CMN'))).toBe(true);
    expect(queue.complete(item)).toBe(true);

    // A failed claim put back waits without a file; the same change again is worth a file now.
    const again = queue.claim()!;
    queue.fail(again);
    expect(existsSync(pkn('SMS00001.CMN'))).toBe(false);
    wake('SMS00001.CMN', 'rules SMS00001\r\n');
    expect(existsSync(pkn('SMS00001.CMN'))).toBe(true);
    expect(queue.claim()).toMatchObject({ body: 'rules SMS00001\r\n', failures: 0 });
  });

  it('gives a claimed wake-up to one claimant, removes its file, and queues a change made meanwhile apart', () => {
    wake('A0100001.PKN', 'created A0100001\r\n');
    const first = queueFor('dm/1');
    const item = first.claim();
    expect(item).toMatchObject({ fileName: 'A0100001.PKN', body: 'created A0100001\r\n', failures: 0 });
    expect(existsSync(pkn('A0100001.PKN'))).toBe(false);
    expect(queueFor('dm/2').claim()).toBeNull();

    wake('A0100001.PKN', 'updated A0100001\r\n');
    expect(existsSync(pkn('A0100001.PKN'))).toBe(true);
    expect(first.complete(item!)).toBe(true);
    // The change after the claim is still to do.
    expect(first.claim()).toMatchObject({ fileName: 'A0100001.PKN', body: 'updated A0100001\r\n' });
  });

  it('records the work and its completion together, and neither when the claim was taken back', () => {
    wake('A0100001.PKN', 'created A0100001\r\n');
    const dead = queueFor('dm/1');
    const item = dead.claim()!;
    // The next run takes back what the previous one left half done.
    const next = queueFor('dm/2');
    expect(next.recoverClaims()).toBe(1);
    const again = next.claim()!;
    expect(again.id).toBe(item.id);

    expect(dead.complete(item, (change) => change.wake('Offermgr.box', 'A0100001.OFR', 'from the dead run\r\n'))).toBe(false);
    expect(plumbing.outbox.pending('Offermgr.box')).toEqual([]);
    expect(next.complete(again, (change) => change.wake('Offermgr.box', 'A0100001.OFR', 'from the live run\r\n'))).toBe(true);
    expect(plumbing.outbox.pending('Distmgr.box')).toEqual([]);
    expect(plumbing.outbox.pending('Offermgr.box').map((e) => e.body)).toEqual(['from the live run\r\n']);
  });

  it('retries failed work after a growing delay, and folds a failed claim into a change that waits for the same file', () => {
    wake('A0100001.PKN', 'created A0100001\r\n');
    const queue = queueFor('dm/1');
    const item = queue.claim()!;
    expect(queue.fail(item)).toBe(5_000);
    expect(queue.claim()).toBeNull();
    expect(queue.nextRetryInMs()).toBe(5_000);
    clock += 5_000;
    const retried = queue.claim()!;
    expect(retried.failures).toBe(1);
    expect(queue.fail(retried)).toBe(10_000);
    expect([retryDelayMs(1), retryDelayMs(3), retryDelayMs(30)]).toEqual([5_000, 20_000, 600_000]);

    clock += 10_000;
    const third = queue.claim()!;
    wake('A0100001.PKN', 'updated A0100001\r\n');
    queue.fail(third);
    // One wake-up for the file, the newer one, due now: a new change is worth trying at once.
    expect(plumbing.outbox.pending('Distmgr.box').map((e) => [e.body, e.failures])).toEqual([['updated A0100001\r\n', 0]]);
    expect(queue.claim()).toMatchObject({ body: 'updated A0100001\r\n' });
  });

  it('takes in wake-up files dropped by hand, but not the writers\' temporary files or what already waits', () => {
    writeFileSync(pkn('A0100007.PKN'), 'dropped by the admin\r\n');
    writeFileSync(pkn('.A0100008.PKN.123-0.tmp'), 'half written');
    wake('A0100009.PKN', 'created A0100009\r\n');
    const queue = queueFor('dm/1');
    expect(queue.adoptFiles()).toBe(1);
    expect(queue.adoptFiles()).toBe(0);
    expect(plumbing.outbox.pending('Distmgr.box').map((e) => [e.fileName, e.body])).toEqual([
      ['A0100009.PKN', 'created A0100009\r\n'],
      ['A0100007.PKN', 'dropped by the admin\r\n'],
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatusMessagesAddedEvent } from '../api';
import { createCore, type Core } from '../core';
import { EventRepository } from '../db/repositories/event-repository';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { openSite, type OpenSite } from './open-site';
import { createSiteLog } from './site-log';
import { openSitePlumbing, type SitePlumbing } from './site-plumbing';
import type { StatusReport } from './status-report';

// A component's connection reports status messages; this connection's listeners and another
// core's (through the event feed) hear of them as status-messages:added, coalesced.

let data: TempDir;
let site: OpenSite;
let plumbing: SitePlumbing;
let heard: StatusMessagesAddedEvent[];
const dm = 'SMS_DISTRIBUTION_MANAGER';
const gapMs = 150;

function open(): void {
  site = openSite(data.path, () => new Date());
  plumbing = openSitePlumbing({
    db: site.db,
    root: site.root,
    log: createSiteLog(site.root, () => new Date()),
    logAs: { file: 'distmgr.log', component: dm },
    now: () => new Date(),
    listeners: { emit: (channel, payload) => void (channel === 'status-messages:added' && heard.push(payload as StatusMessagesAddedEvent)) },
    statusEventGapMs: gapMs,
  });
}

const copied = (packageId: string): StatusReport => ({ component: dm, messageId: 2330, insertionStrings: [packageId, '\\\\DP01\\'], attributes: { 400: packageId, 404: '\\\\DP01\\' } });

/** The status-messages:added rows of the events table, read on a connection of their own. */
function storedEvents(): StatusMessagesAddedEvent[] {
  const reader = openSite(data.path, () => new Date());
  try {
    return new EventRepository(reader.db)
      .after(0, 1000)
      .filter((row) => row.channel === 'status-messages:added')
      .map((row) => JSON.parse(row.payload) as StatusMessagesAddedEvent);
  } finally {
    reader.db.close();
  }
}

beforeEach(() => {
  data = makeTempDir('courier-status-event-');
  heard = [];
  open();
});
afterEach(() => {
  plumbing.work.close();
  site.db.close();
  data.remove();
});

describe('status-messages:added', () => {
  it('comes with the first commit that reports messages, naming the newest record, the packages and components', () => {
    const ids = plumbing.work.run((change) => [change.status(copied('A0100001')), change.status(copied('A0100002')), change.status({ component: 'SMS_OFFER_MANAGER', messageId: 3900, severity: 'info' })]);
    const event = { newestRecordId: Math.max(...ids), packageIds: ['A0100001', 'A0100002'], components: [dm, 'SMS_OFFER_MANAGER'] };
    // In the change's own transaction: stored by the time the unit returns, heard at its commit.
    expect(storedEvents()).toEqual([event]);
    expect(heard).toEqual([event]);
  });

  it('says nothing of a change that was rolled back, nor of a change with no message', () => {
    expect(() =>
      plumbing.work.run((change) => {
        change.status(copied('A0100001'));
        throw new Error('the copy failed');
      }),
    ).toThrow('the copy failed');
    plumbing.work.run((change) => change.emit('package-dps:changed', { packageId: 'A0100001' }));
    expect(storedEvents()).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('tells of a burst of commits in a few events, the last naming the newest message and every package', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 60; i++) ids.push(plumbing.work.run((change) => change.status(copied(`A01${String(i).padStart(5, '0')}`))));
    // The first commit carried its event; the others wait for the gap to pass.
    expect(heard).toHaveLength(1);
    await expect.poll(() => heard.at(-1)?.newestRecordId, { timeout: 5_000, interval: 20 }).toBe(ids.at(-1));
    const stored = storedEvents();
    expect(stored).toEqual(heard);
    expect(stored.length).toBeLessThanOrEqual(3);
    expect(new Set(stored.flatMap((event) => event.packageIds)).size).toBe(60);
    // Once quiet for the gap, the next commit carries its own event again.
    await new Promise((resolve) => setTimeout(resolve, gapMs + 20));
    const next = plumbing.work.run((change) => change.status(copied('A0100001')));
    expect(storedEvents().at(-1)).toEqual({ newestRecordId: next, packageIds: ['A0100001'], components: [dm] });
  });

  it('tells of the messages still held when the connection closes', () => {
    plumbing.work.run((change) => change.status(copied('A0100001')));
    const held = plumbing.work.run((change) => change.status(copied('A0100002')));
    expect(storedEvents()).toHaveLength(1);
    plumbing.work.close();
    expect(storedEvents().at(-1)).toEqual({ newestRecordId: held, packageIds: ['A0100002'], components: [dm] });
  });

  it("reaches another core's listeners through the event feed", async () => {
    const core: Core = createCore({ dataDir: data.path, eventPollMs: 10 });
    const there: StatusMessagesAddedEvent[] = [];
    core.on('status-messages:added', (event) => there.push(event));
    try {
      const id = plumbing.work.run((change) => change.status(copied('A0100001')));
      await expect.poll(() => there, { timeout: 5_000, interval: 10 }).toEqual([{ newestRecordId: id, packageIds: ['A0100001'], components: [dm] }]);
      const page = await core.client['status:messages']({ packageId: 'A0100001', afterRecordId: id - 1 });
      expect(page.ok && page.value.messages.map((m) => m.recordId)).toEqual([id]);
    } finally {
      core.close();
    }
  });
});

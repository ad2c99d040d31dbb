import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageChangedEvent } from '../api';
import { createCore, type Core } from '../core';

let dir: string;
let core: Core;
const inbox = () => join(dir, 'SMS', 'Inboxes', 'Distmgr.box');
const providerLog = () => readFileSync(join(dir, 'SMS', 'Logs', 'smsprov.log'), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-uow-'));
  core = createCore({ dataDir: dir });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a wake-up file that cannot be written', () => {
  it('leaves the change saved, says so in the answer, and is written once the folder in its way is gone', async () => {
    // A folder with the wake-up's name: renaming the temporary file onto it fails.
    mkdirSync(join(inbox(), 'A0100001.PKN'));

    const created = await core.client['packages:create']({ name: 'Blocked' });
    expect(created).toMatchObject({ ok: true, value: { packageId: 'A0100001', name: 'Blocked' } });
    if (!created.ok) return;
    expect(created.notices).toHaveLength(1);
    expect(created.notices?.[0]).toMatch(/^The change was saved, but Distribution Manager is not woken yet: SMS\\Inboxes\\Distmgr\.box\\A0100001\.PKN could not be written/);
    expect(created.notices?.[0]).not.toMatch(/Nothing was changed/);
    expect(await core.client['packages:get']({ packageId: 'A0100001' })).toMatchObject({ ok: true, value: { name: 'Blocked' } });
    expect(providerLog()).toMatch(/Could not write the wake-up file SMS\\Inboxes\\Distmgr\.box\\A0100001\.PKN for Distribution Manager \(attempt 1\)/);
    expect(readdirSync(inbox()).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // Another package's answer is not about the blocked wake-up, which is tried again (and logged once).
    const other = await core.client['packages:create']({ name: 'Other' });
    expect(other).toEqual({ ok: true, value: expect.objectContaining({ packageId: 'A0100002' }) });
    expect(existsSync(join(inbox(), 'A0100002.PKN'))).toBe(true);
    expect(providerLog().match(/Could not write the wake-up file/g)).toHaveLength(1);

    rmSync(join(inbox(), 'A0100001.PKN'), { recursive: true });
    core.close();
    core = createCore({ dataDir: dir });
    expect(readFileSync(join(inbox(), 'A0100001.PKN'), 'utf8')).toBe('created A0100001\r\n');
    expect(providerLog()).toMatch(/Wrote the wake-up file SMS\\Inboxes\\Distmgr\.box\\A0100001\.PKN after 2 failed attempts\./);
  });

  it('is written again with the newest change folded in, when the site opens after a crash left it unwritten', async () => {
    mkdirSync(join(inbox(), 'A0100001.PKN'));
    await core.client['packages:create']({ name: 'Folded' });
    await core.client['packages:update']({ packageId: 'A0100001', changes: { version: '2.0' } });
    rmSync(join(inbox(), 'A0100001.PKN'), { recursive: true });
    core.close();
    core = createCore({ dataDir: dir });
    expect(readFileSync(join(inbox(), 'A0100001.PKN'), 'utf8')).toBe('updated A0100001\r\n');
  });
});

describe('events', () => {
  it('reach this core once and every other core of the site once, whichever process made them', async () => {
    const second = createCore({ dataDir: dir, eventPollMs: 10 });
    const third = createCore({ dataDir: dir });
    const here: PackageChangedEvent[] = [];
    const there: PackageChangedEvent[] = [];
    core.on('packages:changed', (event) => here.push(event));
    second.on('packages:changed', (event) => there.push(event));
    const comments = (events: PackageChangedEvent[]) => events.map((e) => e.package?.comment ?? '').sort();
    const comment = (on: Core, text: string) => on.client['packages:update']({ packageId: 'A0100001', changes: { comment: text } });
    try {
      await core.client['packages:create']({ name: 'Heard' });
      // This core's own listeners hear it at the commit, before the answer.
      expect(here.map((e) => [e.change, e.packageId])).toEqual([['created', 'A0100001']]);
      await comment(second, 'one');
      await comment(core, 'two');
      await comment(second, 'three');
      // The feeds read in commit order: once both have heard the last change, made by a third
      // core, each has passed every row before it, its own included.
      await comment(third, 'last');
      await expect.poll(() => comments(here).includes('last') && comments(there).includes('last'), { timeout: 5_000 }).toBe(true);
      expect(comments(here)).toEqual(['', 'last', 'one', 'three', 'two']);
      expect(comments(there)).toEqual(['', 'last', 'one', 'three', 'two']);
    } finally {
      second.close();
      third.close();
    }
  });
});

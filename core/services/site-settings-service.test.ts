import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteSettingsChangedEvent } from '../api';
import { createCore, type Core } from '../core';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';

let temp: TempDir;
let core: Core;
const clock = () => new Date('2026-11-26T09:00:00Z');

beforeEach(() => {
  temp = makeTempDir('courier-settings-');
  core = createCore({ dataDir: join(temp.path, 'site'), now: clock });
});
afterEach(() => {
  core.close();
  temp.remove();
});

describe('Path Mappings', () => {
  it('adds, lists, changes and removes mappings, keeping the spelling the admin typed', async () => {
    const events: SiteSettingsChangedEvent[] = [];
    core.on('site:settings-changed', (event) => events.push(event));
    const added = await core.client['site:path-mappings:set']({ uncPrefix: '\\\\FS01\\Sources\\', localPath: '/mnt/fs01/sources/' });
    expect(added).toEqual({
      ok: true,
      value: { uncPrefix: '\\\\FS01\\Sources', localPath: '/mnt/fs01/sources', createdAt: '2026-11-26T09:00:00.000Z', lastModified: '2026-11-26T09:00:00.000Z' },
      notices: [expect.stringContaining('/mnt/fs01/sources does not exist on the site server yet')],
    });
    await core.client['site:path-mappings:set']({ uncPrefix: '\\\\fs02\\apps', localPath: '/mnt/fs02/apps' });
    // The same prefix in another case is the same mapping: its local path changes.
    await core.client['site:path-mappings:set']({ uncPrefix: '\\\\fs01\\sources', localPath: '/srv/sources' });
    const listed = await core.client['site:path-mappings:list']({});
    expect(listed.ok && listed.value.map((m) => [m.uncPrefix, m.localPath])).toEqual([
      ['\\\\fs01\\sources', '/srv/sources'],
      ['\\\\fs02\\apps', '/mnt/fs02/apps'],
    ]);
    const left = await core.client['site:path-mappings:remove']({ uncPrefix: '\\\\FS02\\APPS\\' });
    expect(left.ok && left.value.map((m) => m.uncPrefix)).toEqual(['\\\\fs01\\sources']);
    expect(events).toEqual([{ setting: 'pathMappings' }, { setting: 'pathMappings' }, { setting: 'pathMappings' }, { setting: 'pathMappings' }]);
    expect(readFileSync(join(core.site.siteRoot, 'SMS', 'Logs', 'smsprov.log'), 'utf8')).toContain('Mapped \\\\fs01\\sources to /srv/sources.');
  });

  it('keeps them in the site database for the next process', async () => {
    await core.client['site:path-mappings:set']({ uncPrefix: '\\\\fs01\\sources', localPath: '/mnt/fs01/sources' });
    core.close();
    core = createCore({ dataDir: join(temp.path, 'site'), now: clock });
    const listed = await core.client['site:path-mappings:list']({});
    expect(listed.ok && listed.value.map((m) => m.localPath)).toEqual(['/mnt/fs01/sources']);
  });

  it.each([
    [{ uncPrefix: 'C:\\Sources', localPath: '/mnt/x' }, 'uncPrefix', /Map a UNC path/],
    [{ uncPrefix: '\\\\fs01', localPath: '/mnt/x' }, 'uncPrefix', /share after the server/],
    [{ uncPrefix: '\\\\fs01\\sources\\..\\x', localPath: '/mnt/x' }, 'uncPrefix', /\.\. as a folder/],
    [{ uncPrefix: '\\\\.\\pipe\\x', localPath: '/mnt/x' }, 'uncPrefix', /device path/],
    [{ uncPrefix: '\\\\fs01\\sources', localPath: 'mnt/x' }, 'localPath', /must start with \//],
    [{ uncPrefix: '\\\\fs01\\sources', localPath: '/mnt/../etc' }, 'localPath', /\.\. as a folder/],
    [{ uncPrefix: '\\\\fs01\\sources', localPath: '' }, 'localPath', /Give the folder the share is mounted on/],
  ])('refuses %j', async (input, field, message) => {
    const result = await core.invoke('site:path-mappings:set', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(await core.client['site:path-mappings:list']({})).toEqual({ ok: true, value: [] });
  });

  it('maps only onto a folder of the site server, and says when that folder is not there yet', async () => {
    const file = join(temp.path, 'sources.txt');
    writeFileSync(file, 'not a folder');
    const fifo = join(temp.path, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const [localPath, message] of [
      [file, /is a file, not a folder/],
      [fifo, /is a named pipe \(FIFO\), not a folder/],
      ['/proc/self', /kernel's proc file system/],
    ] as const) {
      const result = await core.invoke('site:path-mappings:set', { uncPrefix: '\\\\fs01\\sources', localPath });
      expect(result).toMatchObject({ ok: false, error: { field: 'localPath', message: expect.stringMatching(message) } });
    }
    expect(await core.client['site:path-mappings:list']({})).toEqual({ ok: true, value: [] });

    const later = join(temp.path, 'mnt', 'not-mounted-yet');
    const kept = await core.invoke('site:path-mappings:set', { uncPrefix: '\\\\fs01\\sources', localPath: later });
    expect(kept).toMatchObject({ ok: true, value: { localPath: later }, notices: [expect.stringMatching(/does not exist on the site server yet/)] });
  });

  it('says so when there is no mapping to remove', async () => {
    expect(await core.client['site:path-mappings:remove']({ uncPrefix: '\\\\fs01\\sources' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'uncPrefix', message: expect.stringMatching(/There is no path mapping for/) },
    });
  });

  it('lets a package keep its UNC source directory while the server reads the mount', async () => {
    const mount = join(temp.path, 'mnt', 'sources');
    mkdirSync(join(mount, 'Viewer'), { recursive: true });
    const refused = await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: '\\\\fs01\\sources\\Viewer' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SOURCE_UNREADABLE', field: 'sourceDirectory', message: expect.stringMatching(/courier site map-path/) } });
    await core.client['site:path-mappings:set']({ uncPrefix: '\\\\fs01\\sources', localPath: mount });
    const created = await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: '\\\\fs01\\sources\\Viewer' });
    expect(created).toMatchObject({ ok: true, value: { sourceDirectory: '\\\\fs01\\sources\\Viewer' } });
  });
});

describe('source roots', () => {
  it('are off by default, replace as a list without duplicates, and limit browsing only when asked', async () => {
    expect(await core.client['site:source-roots:get']({})).toEqual({ ok: true, value: { limitBrowsing: false, roots: [] } });
    const set = await core.client['site:source-roots:set']({ roots: ['/srv/sources/', '/srv/sources', '\\\\FS01\\Sources', '\\\\fs01\\sources\\'] });
    expect(set).toEqual({ ok: true, value: { limitBrowsing: false, roots: ['/srv/sources', '\\\\FS01\\Sources'] } });
    expect(await core.client['site:source-roots:set']({ limitBrowsing: true })).toEqual({ ok: true, value: { limitBrowsing: true, roots: ['/srv/sources', '\\\\FS01\\Sources'] } });
  });

  it('refuses to limit browsing to no root at all, and roots that are not folder paths', async () => {
    expect(await core.client['site:source-roots:set']({ limitBrowsing: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'roots' } });
    expect(await core.client['site:source-roots:set']({ roots: ['relative'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'roots.0' } });
    expect(await core.client['site:source-roots:get']({})).toEqual({ ok: true, value: { limitBrowsing: false, roots: [] } });
  });
});

describe('Site Maintenance › Delete Aged Status Messages', () => {
  it("starts at the suite's defaults, changes only what is given, tells the consoles and logs it", async () => {
    const events: SiteSettingsChangedEvent[] = [];
    core.on('site:settings-changed', (event) => events.push(event));
    expect(await core.client['site:maintenance:get']({})).toEqual({
      ok: true,
      value: { deleteAgedStatusMessages: { enabled: true, keepDays: 7, everyHours: 24, lastModified: '1970-01-01T00:00:00.000Z', lastRunAt: null, lastDeleted: null } },
    });
    const set = await core.client['site:maintenance:set']({ deleteAgedStatusMessages: { keepDays: 30 } });
    expect(set).toMatchObject({ ok: true, value: { deleteAgedStatusMessages: { enabled: true, keepDays: 30, everyHours: 24, lastModified: '2026-11-26T09:00:00.000Z' } } });
    const off = await core.client['site:maintenance:set']({ deleteAgedStatusMessages: { enabled: false, everyHours: 1 } });
    expect(off).toMatchObject({ ok: true, value: { deleteAgedStatusMessages: { enabled: false, keepDays: 30, everyHours: 1 } } });
    expect(events).toEqual([{ setting: 'siteMaintenance' }, { setting: 'siteMaintenance' }]);
    expect(readFileSync(join(core.site.siteRoot, 'SMS', 'Logs', 'smsprov.log'), 'utf8')).toContain('Delete Aged Status Messages: enabled, keeping 30 days, at most every 24 hours.');
  });

  it('refuses hostile values at their field and keeps what was there', async () => {
    const refusals: [unknown, string, RegExp][] = [
      [{ deleteAgedStatusMessages: { keepDays: 0 } }, 'deleteAgedStatusMessages.keepDays', /from 1 to 365/],
      [{ deleteAgedStatusMessages: { keepDays: 1e9 } }, 'deleteAgedStatusMessages.keepDays', /from 1 to 365/],
      [{ deleteAgedStatusMessages: { keepDays: 7.5 } }, 'deleteAgedStatusMessages.keepDays', /whole number/],
      [{ deleteAgedStatusMessages: { everyHours: '24' } }, 'deleteAgedStatusMessages.everyHours', /whole number/],
      [{ deleteAgedStatusMessages: { everyHours: 169 } }, 'deleteAgedStatusMessages.everyHours', /from 1 to 168/],
      [{ deleteAgedStatusMessages: { enabled: 'yes' } }, 'deleteAgedStatusMessages.enabled', /true or false/],
      [{ deleteAgedStatusMessages: { keepDays: 3, lastRunAt: '2000-01-01T00:00:00Z' } }, 'deleteAgedStatusMessages.lastRunAt', /Unknown field/],
      [{}, 'deleteAgedStatusMessages', /./],
    ];
    for (const [input, field, message] of refusals) {
      const answer = await core.client['site:maintenance:set'](input as never);
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field, message: expect.stringMatching(message) } });
    }
    expect(await core.client['site:maintenance:get']({})).toMatchObject({ ok: true, value: { deleteAgedStatusMessages: { enabled: true, keepDays: 7, everyHours: 24, lastRunAt: null } } });
  });
});

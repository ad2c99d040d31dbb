import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../api';
import { openDatabase } from '../db/connection';
import { createCore } from '../core';
import { initSite } from './open-site';
import { inboxFolders } from './site-root';
import { existsSync } from 'node:fs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-site-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the site', () => {
  it('gives a new data dir the default site A01 "Central Site" and the whole inbox tree', () => {
    const core = createCore({ dataDir: dir });
    expect(core.site).toMatchObject({ siteCode: 'A01', siteName: 'Central Site', dataDir: dir, databasePath: join(dir, 'courier.db') });
    for (const folder of inboxFolders) expect(existsSync(join(dir, 'SMS', 'Inboxes', ...folder.split('/')))).toBe(true);
    expect(existsSync(join(dir, 'SMS', 'Logs'))).toBe(true);
    core.close();
  });

  it('lets the admin choose the site code and name, and uses the code in package IDs', async () => {
    expect(initSite(dir, { siteCode: 'xy9', siteName: 'Lab Site' })).toMatchObject({ siteCode: 'XY9', siteName: 'Lab Site' });
    const core = createCore({ dataDir: dir });
    expect(core.site.siteCode).toBe('XY9');
    expect(await core.client['packages:create']({ name: 'Viewer' })).toMatchObject({ ok: true, value: { packageId: 'XY900001' } });
    core.close();
  });

  it.each(['AB', 'ABCD', 'A-1', ''])('refuses the site code %j', (siteCode) => {
    expect(() => initSite(dir, { siteCode, siteName: 'Lab' })).toThrow(/exactly three letters or digits/);
  });

  it('refuses to init over an existing site', () => {
    createCore({ dataDir: dir }).close();
    expect(() => initSite(dir, { siteCode: 'B02', siteName: 'Other' })).toThrow(/already holds site A01/);
  });

  it('refuses to open a site database whose history was tampered with', () => {
    createCore({ dataDir: dir }).close();
    const db = openDatabase(join(dir, 'courier.db'));
    db.prepare("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1").run();
    db.close();
    let thrown: unknown;
    try {
      createCore({ dataDir: dir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CourierError);
    expect((thrown as CourierError).code).toBe('DATABASE_HISTORY_MISMATCH');
  });
});

import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CourierError, siteInitSchema, type SiteInfoDto, type SiteInitInput } from '../api';
import { openDatabase, type SqliteDatabase } from '../db/connection';
import { migrations } from '../db/migrations';
import { migrate } from '../db/migrator';
import { SiteRepository, type SiteRecord } from '../db/repositories/site-repository';
import { parseOrThrow } from '../domain/validation';
import { defaultSite } from '../domain/default-site';
import { productVersion } from './product';
import { ensureSiteRoot, siteRootAt, type SiteRoot } from './site-root';

export const databaseFileName = 'courier.db';
export { defaultSite };

export interface OpenSite {
  readonly db: SqliteDatabase;
  readonly root: SiteRoot;
  readonly record: SiteRecord;
  readonly info: SiteInfoDto;
}

function prepare(dataDir: string, now: () => Date): { db: SqliteDatabase; root: SiteRoot; databasePath: string } {
  mkdirSync(dataDir, { recursive: true });
  const root = siteRootAt(dataDir);
  const databasePath = join(dataDir, databaseFileName);
  const db = openDatabase(databasePath);
  try {
    migrate(db, migrations, now);
  } catch (error) {
    db.close();
    throw error;
  }
  ensureSiteRoot(root);
  return { db, root, databasePath };
}

function infoOf(record: SiteRecord, dataDir: string, root: SiteRoot, databasePath: string): SiteInfoDto {
  return {
    siteCode: record.siteCode,
    siteName: record.siteName,
    serverName: hostname(),
    dataDir,
    siteRoot: root.path,
    databasePath,
    productVersion,
    platform: process.platform,
    createdAt: record.createdAt,
  };
}

/** Opens the site in `dataDir`, creating the default site (A01, Central Site) in a new one. */
export function openSite(dataDir: string, now: () => Date): OpenSite {
  const { db, root, databasePath } = prepare(dataDir, now);
  const sites = new SiteRepository(db);
  let record = sites.get();
  if (!record) {
    record = { ...defaultSite, createdAt: now().toISOString() };
    sites.create(record);
  }
  return { db, root, record, info: infoOf(record, dataDir, root, databasePath) };
}

/** `courier site init`: a new site with the admin's code and name; refuses to overwrite one. */
export function initSite(dataDir: string, input: SiteInitInput, now: () => Date = () => new Date()): SiteInfoDto {
  const chosen = parseOrThrow(siteInitSchema, input);
  const { db, root, databasePath } = prepare(dataDir, now);
  try {
    const sites = new SiteRepository(db);
    const current = sites.get();
    if (current) {
      throw new CourierError(
        'CONFLICT',
        `${dataDir} already holds site ${current.siteCode} (${current.siteName}); a site code cannot be changed once packages carry it. Choose another --data-dir for a new site.`,
      );
    }
    const record = { siteCode: chosen.siteCode, siteName: chosen.siteName, createdAt: now().toISOString() };
    sites.create(record);
    return infoOf(record, dataDir, root, databasePath);
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import { readQueryRule } from '../../core/domain/wql';
import { compileQueryRule, type WqlStorageMapping } from '../../core/db/wql';

/**
 * A small resource store of the tests' own (the site's real resource tables are built
 * elsewhere): systems with a few single-valued columns and two child tables for multi-valued
 * properties, and users with their groups. Rows are what each test says it inserts.
 */
export interface TestSystem {
  id: number;
  name?: string | null;
  os?: string | null;
  domain?: string | null;
  client?: number | null;
  clientVersion?: string | null;
  lastUser?: string | null;
  ous?: string[];
  ips?: string[];
}

export interface TestUser {
  id: number;
  name?: string | null;
  userName?: string | null;
  mail?: string | null;
  groups?: string[];
}

export const systemMapping: WqlStorageMapping = {
  table: 'resources',
  idColumn: 'resource_id',
  filter: 'resource_type = 5',
  columns: {
    ResourceID: { column: 'resource_id' },
    ResourceType: { column: 'resource_type' },
    Name: { column: 'name' },
    NetbiosName: { column: 'name' },
    OperatingSystemNameandVersion: { column: 'os' },
    ResourceDomainORWorkgroup: { column: 'domain' },
    Client: { column: 'client' },
    ClientVersion: { column: 'client_version' },
    LastLogonUserName: { column: 'last_user' },
    SystemOUName: { multi: { table: 'resource_ous', ownerColumn: 'resource_id', valueColumn: 'ou' } },
    IPAddresses: { multi: { table: 'resource_ips', ownerColumn: 'resource_id', valueColumn: 'ip' } },
  },
};

export const userMapping: WqlStorageMapping = {
  table: 'resources',
  idColumn: 'resource_id',
  filter: 'resource_type = 4',
  columns: {
    ResourceID: { column: 'resource_id' },
    Name: { column: 'name' },
    UserName: { column: 'user_name' },
    Mail: { column: 'mail' },
    UserGroupName: { multi: { table: 'resource_groups', ownerColumn: 'resource_id', valueColumn: 'group_name' } },
  },
};

export type ResourceDb = Database.Database;

export function openResourceDb(systems: readonly TestSystem[], users: readonly TestUser[] = []): ResourceDb {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE resources (
      resource_id INTEGER PRIMARY KEY, resource_type INTEGER NOT NULL, name TEXT, os TEXT, domain TEXT,
      client INTEGER, client_version TEXT, last_user TEXT, user_name TEXT, mail TEXT);
    CREATE TABLE resource_ous (resource_id INTEGER NOT NULL REFERENCES resources, ou TEXT NOT NULL);
    CREATE TABLE resource_ips (resource_id INTEGER NOT NULL REFERENCES resources, ip TEXT NOT NULL);
    CREATE TABLE resource_groups (resource_id INTEGER NOT NULL REFERENCES resources, group_name TEXT NOT NULL);
    CREATE TABLE x (keep INTEGER);
    INSERT INTO x VALUES (1);
  `);
  const insert = db.prepare(
    'INSERT INTO resources (resource_id, resource_type, name, os, domain, client, client_version, last_user, user_name, mail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const child = (table: string, column: string) => db.prepare(`INSERT INTO ${table} (resource_id, ${column}) VALUES (?, ?)`);
  const ou = child('resource_ous', 'ou');
  const ip = child('resource_ips', 'ip');
  const group = child('resource_groups', 'group_name');
  for (const s of systems) {
    insert.run(s.id, 5, s.name ?? null, s.os ?? null, s.domain ?? null, s.client ?? null, s.clientVersion ?? null, s.lastUser ?? null, null, null);
    for (const value of s.ous ?? []) ou.run(s.id, value);
    for (const value of s.ips ?? []) ip.run(s.id, value);
  }
  for (const u of users) {
    insert.run(u.id, 4, u.name ?? null, null, null, null, null, null, u.userName ?? null, u.mail ?? null);
    for (const value of u.groups ?? []) group.run(u.id, value);
  }
  return db;
}

/** The resource IDs a query rule takes in, compiled and run in the database, in ascending order. */
export function members(db: ResourceDb, query: string): number[] {
  const checked = readQueryRule(query);
  const mapping = checked.class.name === 'SMS_R_User' ? userMapping : systemMapping;
  const { sql, params } = compileQueryRule(checked, mapping);
  const rows = db.prepare(sql).raw().all(...params) as [number][];
  return rows.map(([id]) => id).sort((a, b) => a - b);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { StatusQueryRepository } from './status-query-repository';

/** The table's own guards, under the service: what a bug in the service would run into. */
let dir: string;
let db: SqliteDatabase;
let queries: StatusQueryRepository;
const stamp = '2026-12-03T09:00:00.000Z';
const row = (name: string, extra: Partial<{ comment: string; criteria: string }> = {}) => ({ name, comment: '', criteria: '{}', createdAt: stamp, lastModified: stamp, ...extra });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-status-query-repo-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date(stamp));
  queries = new StatusQueryRepository(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('status_message_queries', () => {
  it('keeps names unique in any case, finds by name in any case, and lists by name', () => {
    const b = queries.insert(row('beta'));
    queries.insert(row('Alpha'));
    expect(() => queries.insert(row('BETA'))).toThrow(/UNIQUE/);
    expect(queries.byName('ALPHA')?.name).toBe('Alpha');
    expect(queries.list().map((q) => q.name)).toEqual(['Alpha', 'beta']);
    queries.update({ id: b, name: 'Gamma', comment: 'c', criteria: '{"severity":"error"}', lastModified: stamp });
    expect(queries.get(b)).toMatchObject({ name: 'Gamma', comment: 'c', criteria: '{"severity":"error"}', createdAt: stamp });
    expect(queries.remove(b)).toBe(true);
    expect(queries.remove(b)).toBe(false);
  });

  it('refuses criteria that are not JSON, an empty or overlong name and an overlong comment', () => {
    expect(() => queries.insert(row('x', { criteria: '{not json' }))).toThrow(/CHECK/);
    expect(() => queries.insert(row(''))).toThrow(/CHECK/);
    expect(() => queries.insert(row('n'.repeat(129)))).toThrow(/CHECK/);
    expect(() => queries.insert(row('y', { comment: 'c'.repeat(1025) }))).toThrow(/CHECK/);
    expect(queries.list()).toEqual([]);
  });

  it('never gives a deleted query ID to a new query', () => {
    const first = queries.insert(row('one'));
    queries.remove(first);
    expect(queries.insert(row('two'))).toBeGreaterThan(first);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageListPageSchema, type PackageListPageDto, type PackageListRow } from '../../api';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { packageListPage, type PackageListPageQuery } from './package-list-query';

let dir: string;
let db: SqliteDatabase;
const stamp = '2026-11-26T09:00:00.000Z';

function insert(packageId: string, name: string, extra: { version?: string; sourceVersion?: number; lastModified?: string; comment?: string } = {}): void {
  db.prepare(
    `INSERT INTO packages (package_id, name, version, publisher, language, comment, contains_source_files, source_option, persist_in_client_cache,
       binary_differential_replication, data_access, disconnect_users, user_grace_period, disconnect_retries, sending_priority, branch_content,
       available_on_protected_on_request, mif_matching, source_version, source_date, created_at, last_modified)
     VALUES (?, ?, ?, 'Contoso', 'English', ?, 0, 'direct', 0, 0, 'commonShare', 0, 5, 2, 'medium', 'downloadAutomatically', 0, 'packageProperties', ?, ?, ?, ?)`,
  ).run(packageId, name, extra.version ?? '1.0', extra.comment ?? '', extra.sourceVersion ?? 1, stamp, stamp, extra.lastModified ?? stamp);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-package-list-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date(stamp));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (page: PackageListPageDto): string[] => page.rows.map((row) => row[0]);
const page = (query: Partial<PackageListPageQuery>): PackageListPageDto => packageListPage(db, { sort: 'name', direction: 'ascending', ...query });

/** Every page of a listing, `size` rows at a time, each started from the cursor of the one before. */
function allPages(query: Partial<PackageListPageQuery>, size: number): { rows: PackageListRow[]; pages: number } {
  const rows: PackageListRow[] = [];
  let after: PackageListPageQuery['after'];
  for (let pages = 1; ; pages++) {
    const next = page({ ...query, after, limit: size });
    rows.push(...next.rows);
    if (next.next === null) return { rows, pages };
    after = next.next;
  }
}

describe('the Packages list query', () => {
  it('sends the list fields as arrays, in the row order of the contract', () => {
    insert('A0100001', 'Office', { version: '16.0', sourceVersion: 3, lastModified: '2026-11-27T10:00:00.000Z', comment: 'Pilot' });
    expect(page({}).rows).toEqual([['A0100001', 'Office', '16.0', 'English', 'Contoso', 3, '2026-11-27T10:00:00.000Z', 'Pilot', 0, stamp]]);
  });

  it('orders names as NOCASE does, ties by Package ID', () => {
    insert('A0100004', 'visio');
    insert('A0100001', 'Visio');
    insert('A0100002', 'adobe Reader');
    insert('A0100003', 'Office');
    insert('A0100005', 'VISIO');
    expect(ids(page({}))).toEqual(['A0100002', 'A0100003', 'A0100001', 'A0100004', 'A0100005']);
    expect(ids(page({ direction: 'descending' }))).toEqual(['A0100005', 'A0100004', 'A0100001', 'A0100003', 'A0100002']);
  });

  it('orders by any list field, numbers by value', () => {
    insert('A0100001', 'One', { sourceVersion: 10, version: 'b' });
    insert('A0100002', 'Two', { sourceVersion: 9, version: 'A' });
    insert('A0100003', 'Three', { sourceVersion: 100, version: 'C' });
    expect(ids(page({ sort: 'sourceVersion' }))).toEqual(['A0100002', 'A0100001', 'A0100003']);
    expect(ids(page({ sort: 'version' }))).toEqual(['A0100002', 'A0100001', 'A0100003']);
    expect(ids(page({ sort: 'packageId', direction: 'descending' }))).toEqual(['A0100003', 'A0100002', 'A0100001']);
  });

  it('pages by keyset: the pages joined are the whole list in order, each row once, also across equal names', () => {
    const names = ['Beta', 'alpha', 'ALPHA', 'Gamma', 'beta', 'Alpha', 'delta', 'Delta', 'gamma', 'Epsilon', 'alpha'];
    names.forEach((name, i) => insert(`A01000${(i + 1).toString(16).toUpperCase().padStart(2, '0')}`, name, { sourceVersion: 1 + (i % 3) }));
    for (const query of [
      { sort: 'name', direction: 'ascending' },
      { sort: 'name', direction: 'descending' },
      { sort: 'sourceVersion', direction: 'ascending' },
      { sort: 'sourceVersion', direction: 'descending' },
      { sort: 'packageId', direction: 'descending' },
    ] as const) {
      const whole = page(query).rows;
      expect(whole).toHaveLength(names.length);
      for (const size of [1, 2, 3, 4, 11]) {
        const paged = allPages(query, size);
        expect(paged.rows, `${query.sort} ${query.direction} by ${size}`).toEqual(whole);
        // A full last page needs one more (empty) request to learn nothing follows.
        expect(paged.pages).toBe(Math.floor(names.length / size) + 1);
      }
    }
  });

  it('gives a cursor only when a page is full, and the rest after it when no limit is given', () => {
    for (let i = 1; i <= 5; i++) insert(`A010000${i}`, `Package ${i}`);
    const first = page({ limit: 2 });
    expect(ids(first)).toEqual(['A0100001', 'A0100002']);
    expect(first.next).toEqual({ value: 'Package 2', packageId: 'A0100002' });
    const rest = page({ after: first.next ?? undefined });
    expect(ids(rest)).toEqual(['A0100003', 'A0100004', 'A0100005']);
    expect(rest.next).toBeNull();
    expect(page({ limit: 10 }).next).toBeNull();
  });

  it('starts after a cursor whose package is gone, or whose name changed', () => {
    for (let i = 1; i <= 4; i++) insert(`A010000${i}`, `Package ${i}`);
    expect(ids(page({ after: { value: 'package 2', packageId: 'A0100009' } }))).toEqual(['A0100003', 'A0100004']);
    expect(ids(page({ after: { value: 'Package 0', packageId: 'A0100004' } }))).toEqual(['A0100001', 'A0100002', 'A0100003', 'A0100004']);
  });
});

describe('the packages:list-page request', () => {
  it('defaults to names ascending, whole', () => {
    expect(packageListPageSchema.parse({})).toEqual({ sort: 'name', direction: 'ascending' });
  });

  it.each([
    [{ sort: 'share_folder' }, 'sort'],
    [{ sort: 'name; DROP TABLE packages' }, 'sort'],
    [{ limit: 0 }, 'The page size is 1 to 100,000 packages.'],
    [{ limit: 2.5 }, 'The page size is a whole number of packages.'],
    [{ sort: 'sourceVersion', after: { value: '1', packageId: 'A0100001' } }, 'The cursor of a list sorted by Source Version carries a number.'],
    [{ after: { value: 3, packageId: 'A0100001' } }, 'The cursor of a list sorted by name carries text.'],
    [{ after: { value: 'x', packageId: "A01' OR 1=1" } }, 'A package ID is the site code'],
    [{ after: { value: 'x'.repeat(261), packageId: 'A0100001' } }, 'at most 260 characters'],
    [{ after: { value: 'Office\u0000', packageId: 'A0100001' } }, "A list cursor's sort value"],
    [{ after: { value: 'x', packageId: 'A0100001', offset: 5 } }, 'offset'],
  ])('refuses %j', (request, message) => {
    const parsed = packageListPageSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});

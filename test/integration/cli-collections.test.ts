import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionDeletedDto, CollectionDto, CollectionMemberDto, CollectionPreviewDto, ResourceDto, ResourceImportDto, ResourceMaintenanceWindowsDto } from '../../core/api';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { runCli, type CliRun } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn costs about half a second: a few command lines, independent ones side by side.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);

function json<T>(run: CliRun): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

beforeAll(() => {
  data = makeTempDir('courier-cli-collections-');
});
afterAll(() => data.remove());

describe('courier resource and courier collection', () => {
  it('imports a CSV file, adds by hand, lists; creates collections with direct and query rules, a limit and a parent; lists members; deletes', async () => {
    const file = join(data.path, 'systems.csv');
    writeFileSync(file, 'Name,SMSUniqueIdentifier,IPAddresses,Client\r\nPC0001,GUID:00000001-1111-2222-3333-444455556666,10.1.2.3;10.1.2.4,1\r\nPC0002,,,0\r\n');
    const imported = json<ResourceImportDto>(await courier('resource', 'import', file, '--json'));
    expect(imported).toEqual({ resourceType: 'system', created: 2, updated: 0, refused: [] });
    const alice = json<ResourceDto>(await courier('resource', 'add', 'CONTOSO\\alice', '--type', 'user', '--full-name', 'Alice Smith', '--json'));
    expect(alice).toMatchObject({ resourceId: 16777219, resourceType: 'user', domain: 'CONTOSO', fullName: 'Alice Smith' });

    const listed = json<ResourceDto[]>(await courier('resource', 'list', '--json'));
    expect(listed.map((r) => [r.resourceId, r.name])).toEqual([
      [16777219, 'CONTOSO\\alice'],
      [16777217, 'PC0001'],
      [16777218, 'PC0002'],
    ]);
    expect(json<ResourceDto>(await courier('resource', 'show', 'pc0001', '--json')).ipAddresses).toEqual(['10.1.2.3', '10.1.2.4']);

    const pilot = json<CollectionDto>(await courier('collection', 'create', '--name', 'Pilot', '--direct', 'PC0001', '--direct', '16777218', '--limit-to', 'SMS00001', '--json'));
    expect(pilot).toMatchObject({ collectionId: 'A0100010', limitToCollectionId: 'SMS00001', memberCount: 2 });
    const [sub, queried] = await Promise.all([
      courier('collection', 'create', '--name', 'Sub', '--parent', 'A0100010', '--direct', 'CONTOSO\\alice', '--json'),
      courier('collection', 'create', '--name', 'XP', '--query', 'select * from SMS_R_System where IPAddresses like "10.1.2.%" and Client = 1', '--json'),
    ]);
    expect(json<CollectionDto>(sub)).toMatchObject({ parentCollectionId: 'A0100010', memberCount: 1 });
    const xp = json<CollectionDto>(queried);
    expect(xp).toMatchObject({ rules: [{ kind: 'query', ruleName: 'Query 1', resourceClass: 'SMS_R_System' }], membershipPending: false, memberCount: 1 });

    const members = json<CollectionMemberDto[]>(await courier('collection', 'members', 'A0100010', '--json'));
    expect(members.map((m) => [m.resourceId, m.name])).toEqual([
      [16777217, 'PC0001'],
      [16777218, 'PC0002'],
    ]);
    const text = await courier('collection', 'members', 'A0100010');
    expect(text.stdout).toMatch(/16777217\s+system\s+PC0001/);

    // The query editor's preview from the command line: nothing saved, the count of all, the first N listed.
    const [preview, previewText, previewBad, previewNone] = await Promise.all([
      courier('collection', 'preview', '--query', 'select * from SMS_R_System where Name like "PC%"', '--limit', '1', '--json'),
      courier('collection', 'preview', '--query', 'select * from SMS_R_System where Name like "PC%"', '--limit-to', xp.collectionId),
      courier('collection', 'preview', '--query', 'select * from SMS_G_System_DISK', '--json'),
      courier('collection', 'preview', '--json'),
    ]);
    expect(json<CollectionPreviewDto>(preview)).toEqual({ memberCount: 2, members: [expect.objectContaining({ resourceId: 16777217, name: 'PC0001' })] });
    expect(previewText.stdout).toMatch(/^1 member now\.\n\n[^\n]+\n[^\n]+\n16777217\s+system\s+PC0001/);
    expect(previewBad.code).toBe(1);
    expect(previewBad.stderr).toMatch(/SMS_G_System_DISK/);
    expect(previewNone.code).toBe(2);
    expect(previewNone.stderr).toMatch(/at least one rule/);
    expect(json<CollectionDto[]>(await courier('collection', 'list', '--json'))).toHaveLength(6);

    const updated = json<{ collectionId: string; memberCount: number }[]>(await courier('collection', 'update-membership', xp.collectionId, '--json'));
    expect(updated).toEqual([expect.objectContaining({ collectionId: xp.collectionId, memberCount: 1 })]);
    const refused = await courier('collection', 'add-rule', xp.collectionId, '--query', 'select * from SMS_R_System where Name = \u201cPC0001\u201d', '--json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Line 1, column 41: .*typographic quote/);

    const removed = json<CollectionDto>(await courier('collection', 'remove-rule', 'A0100010', '--direct', 'PC0002', '--json'));
    expect(removed.memberCount).toBe(1);
    const deleted = json<CollectionDeletedDto>(await courier('collection', 'delete', 'A0100010', '--json'));
    expect(deleted.deleted.map((d) => d.collectionId)).toEqual(['A0100010', json<CollectionDto>(sub).collectionId]);
    const deletedText = await courier('collection', 'delete', xp.collectionId);
    expect(deletedText.stdout).toBe(`Deleted collection ${xp.collectionId} (XP).\n`);
    const collections = json<CollectionDto[]>(await courier('collection', 'list', '--json'));
    expect(collections.map((c) => c.collectionId)).toEqual(['SMS00001', 'SMS00002', 'SMS00003']);
  });

  it('refuses a CSV file with a bad row (exit 1, nothing imported), imports the rest with --skip-refused, and refuses a bad command line with exit 2', async () => {
    const file = join(data.path, 'bad.csv');
    writeFileSync(file, 'Name,IPAddresses\nPC1001,10.1.2.3\nPC1002,not-an-address\n');
    const refused = await courier('resource', 'import', file, '--json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^courier: Nothing was imported: 1 of 2 rows are refused \(line 3: /);
    const error = (JSON.parse(refused.stdout) as { error: { issues: { field: string }[] } }).error;
    expect(error.issues.map((i) => i.field)).toEqual(['line 3']);
    const partial = await courier('resource', 'import', file, '--skip-refused');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/1 new, 0 updated, 1 rows refused/);
    expect(partial.stdout).toMatch(/3\s+PC1002\s+An IP address must look like/);

    const usage = await courier('collection', 'add-rule', 'SMS00001');
    expect(usage.code).toBe(2);
    const builtIn = await courier('collection', 'delete', 'SMS00001');
    expect(builtIn.code).toBe(1);
    expect(builtIn.stderr).toMatch(/built-in collection and cannot be deleted/);
  });

  it('refuses to delete a targeted collection, naming --with-advertisements, and with it deletes the advertisements too', async () => {
    json(await courier('package', 'create', '--name', 'Viewer', '--json'));
    const [packages, target] = await Promise.all([courier('package', 'list', '--json'), courier('collection', 'create', '--name', 'Targeted', '--json')]);
    const packageId = json<{ packageId: string }[]>(packages)[0]?.packageId ?? '';
    const collectionId = json<CollectionDto>(target).collectionId;
    json(await courier('program', 'create', packageId, '--name', 'Install', '--command-line', 'setup.exe', '--json'));
    // Saved with notices on stderr (not distributed yet), which this test does not need.
    const created = await courier('advertisement', 'create', '--name', 'Viewer to targeted', '--package', packageId, '--program', 'Install', '--collection', collectionId, '--json');
    expect(created.code).toBe(0);
    const advertisement = JSON.parse(created.stdout) as { advertisementId: string };

    const refused = await courier('collection', 'delete', collectionId);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${advertisement.advertisementId} (Viewer to targeted) targets ${collectionId}`);
    expect(refused.stderr).toContain('--with-advertisements');
    const deleted = await courier('collection', 'delete', collectionId, '--with-advertisements');
    expect(deleted.stdout).toBe(`Deleted collection ${collectionId} (Targeted).\nDeleted advertisement ${advertisement.advertisementId} (Viewer to targeted), which targeted ${collectionId}.\n`);
    expect(json<unknown[]>(await courier('advertisement', 'list', '--json'))).toEqual([]);
  });

  it('lists the windows of every collection a resource is a member of, with their union, and shows when membership is next updated', async () => {
    // A site of its own: the names above are taken.
    const courier = (...args: string[]) => runCli(['--data-dir', join(data.path, 'windows-site'), ...args]);
    const pc = json<ResourceDto>(await courier('resource', 'add', 'PC0001', '--json'));
    json<ResourceDto>(await courier('resource', 'add', 'PC0002', '--json'));
    const nightly = encodeScheduleToken({ type: 'interval', start: '2026-12-01T23:00', daySpan: 1, isGmt: true });
    const early = encodeScheduleToken({ type: 'interval', start: '2026-12-01T00:00', daySpan: 1, isGmt: true });
    const hourly = encodeScheduleToken({ type: 'interval', start: '2026-12-01T00:00', hourSpan: 1, isGmt: true });
    const pilot = json<CollectionDto>(await courier('collection', 'create', '--name', 'Pilot', '--direct', 'PC0001', '--window', `Nightly=${nightly}/120`, '--json'));
    json<CollectionDto>(await courier('collection', 'create', '--name', 'Servers', '--query', 'select * from SMS_R_System where Name = "PC0001"', '--window', `Early=${early}/30`, '--window', `Off=${early}/600/disabled`, '--json'));
    json<CollectionDto>(await courier('collection', 'create', '--name', 'Other', '--direct', 'PC0002', '--window', `Other=${early}/600`, '--json'));

    const found = json<ResourceMaintenanceWindowsDto>(await courier('collection', 'windows', '--resource', 'pc0001', '--next', '4', '--after', '2026-12-03T00:15:00Z', '--json'));
    expect(found.resourceId).toBe(pc.resourceId);
    expect(found.windows.map((w) => `${w.collectionName}/${w.windowName} ${w.start.slice(0, 16)}–${w.end.slice(0, 16)}`)).toEqual([
      'Pilot/Nightly 2026-12-02T23:00–2026-12-03T01:00',
      'Servers/Early 2026-12-03T00:00–2026-12-03T00:30',
      'Pilot/Nightly 2026-12-03T23:00–2026-12-04T01:00',
      'Servers/Early 2026-12-04T00:00–2026-12-04T00:30',
    ]);
    expect(found.periods.map((p) => `${p.start.slice(0, 16)}–${p.end.slice(0, 16)}`)).toEqual(['2026-12-02T23:00–2026-12-03T01:00', '2026-12-03T23:00–2026-12-04T01:00']);
    const text = await courier('collection', 'windows', '--resource', 'PC0001', '--after', '2026-12-03T00:15:00Z', '--before', '2026-12-03T12:00:00Z');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Nightly');
    expect(text.stdout).toContain('2026-12-02T23:00:00.000Z – 2026-12-03T01:00:00.000Z');

    const missing = await courier('collection', 'windows', '--resource', 'PC9999', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/PC9999/);

    const scheduled = json<CollectionDto>(await courier('collection', 'update', pilot.collectionId, '--schedule', hourly, '--json'));
    const shown = json<CollectionDto>(await courier('collection', 'show', pilot.collectionId, '--json'));
    expect(shown.nextMembershipUpdate).toBe(scheduled.nextMembershipUpdate);
    // Never evaluated on its schedule: the first hour boundary after the collection was created.
    const created = Date.parse(shown.createdAt);
    expect(Date.parse(shown.nextMembershipUpdate!)).toBe(Math.floor(created / 3_600_000) * 3_600_000 + 3_600_000);
    expect((await courier('collection', 'show', pilot.collectionId)).stdout).toMatch(/Next membership update:\s+\d{4}-/);
  });
});

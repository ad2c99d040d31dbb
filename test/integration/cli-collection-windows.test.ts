import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionDto, ResourceDto, ResourceMaintenanceWindowsDto } from '../../core/api';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { runCli, type CliRun } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);

function json<T>(run: CliRun): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

beforeAll(() => {
  data = makeTempDir('courier-cli-windows-');
});
afterAll(() => data.remove());

describe('courier collection windows and the next membership update', () => {
  it('lists the windows of every collection a resource is a member of, with their union, and shows when membership is next updated', async () => {
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

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdvertisementDeletedDto, AdvertisementDto, DeploymentPreviewDto } from '../../core/api';
import { runCli, type CliRun } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn costs about half a second: a few command lines, independent ones side by side.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);

function json<T>(run: CliRun): T {
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

beforeAll(async () => {
  data = makeTempDir('courier-cli-advertisements-');
  const source = join(data.path, 'office');
  mkdirSync(source);
  writeFileSync(join(source, 'setup.exe'), 'x');
  for (const args of [
    ['package', 'create', '--name', 'Office', '--source', source],
    ['program', 'create', 'A0100001', '--name', 'Typical', '--command-line', 'setup.exe'],
    ['program', 'create', 'A0100001', '--name', 'Unattended', '--command-line', 'setup.exe /q', '--can-run-when', 'noUserLoggedOn', '--run-mode', 'adminRights'],
    ['collection', 'create', '--name', 'Pilot'],
  ]) {
    expect((await courier(...args)).code).toBe(0);
  }
});
afterAll(() => data.remove());

describe('courier advertisement', () => {
  it('creates with the wizard options and prints the suite numbers, lists, shows, updates and deletes', async () => {
    const run = await courier(
      'advertisement', 'create', '--name', 'Office overnight', '--package', 'a0100001', '--program', 'unattended', '--collection', 'A0100010',
      '--no-subcollections', '--available', '2026-12-03T20:00', '--available-utc', '--expires', '2027-01-31T23:59', '--expires-utc',
      '--mandatory', 'asap', '--mandatory', 'logon', '--mandatory', 'logoff', '--mandatory', '00012CC0001A2001',
      '--wake-on-lan', '--ignore-maintenance-windows', '--allow-restart-outside-windows', '--priority', 'high', '--rerun', 'always',
      '--fast-network', 'run-from-dp', '--slow-network', 'download', '--allow-fallback', '--no-allow-users-run-independently', '--reminders',
      '--countdown-minutes', '30', '--json',
    );
    // Saved, with the suite's warning on stderr: the package is on no distribution point yet.
    expect(run.stderr).toMatch(/^courier: Package A0100001 is on no distribution point yet/);
    const created = json<AdvertisementDto>(run);
    expect(created).toMatchObject({
      advertisementId: 'A0120000',
      programName: 'Unattended',
      includeSubcollections: false,
      presentTime: '2026-12-03T20:00',
      expirationTime: '2027-01-31T23:59',
      advertFlags: 0x02700620,
      remoteClientFlags: 0x0c48,
      timeFlags: 0x0273,
      assignedSchedule: '00012CC0001A2001',
      priority: 1,
      repeatRunBehavior: 'RerunAlways',
      mandatoryCountdownMinutes: 30,
    });

    const [plain, listed, shown] = await Promise.all([
      courier('advertisement', 'create', '--name', 'Office to pilot', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--json'),
      courier('advertisement', 'list', '--package', 'A0100001', '--program', 'unattended', '--json'),
      courier('advertisement', 'show', 'A0120000'),
    ]);
    expect(json<AdvertisementDto>(plain)).toMatchObject({ advertisementId: 'A0120001', advertFlags: 0x00020000, remoteClientFlags: 0x1030, timeFlags: 0x0001, priority: 2, repeatRunBehavior: 'RerunNever' });
    expect(json<AdvertisementDto[]>(listed).map((a) => a.advertisementId)).toEqual(['A0120000']);
    expect(shown.stdout).toMatch(/Mandatory assignments:\s+as soon as possible, at logon, at logoff, schedule 00012CC0001A2001 \(Every Monday from 2021-02-01 00:00 UTC\)/);
    expect(shown.stdout).toMatch(/AdvertFlags:\s+0x02700620/);

    // --mandatory on update replaces every assignment; the three mandatory-only options go with them.
    const updated = json<AdvertisementDto>(
      await courier('advertisement', 'update', 'A0120000', '--no-mandatory', '--no-wake-on-lan', '--no-ignore-maintenance-windows', '--no-allow-restart-outside-windows', '--rerun', 'if-succeeded', '--no-expires', '--json'),
    );
    expect(updated).toMatchObject({ advertFlags: 0x02000000, remoteClientFlags: 0x4448, timeFlags: 0x0061, assignedSchedule: '', repeatRunBehavior: 'RerunIfSuccess', options: { mandatory: false } });

    const text = await courier('advertisement', 'list');
    expect(text.stdout).toMatch(/A0120000\s+Office overnight\s+A0100001\s+Unattended\s+A0100010\s+no\s+2026-12-03T20:00 UTC/);
    expect(json<AdvertisementDeletedDto>(await courier('advertisement', 'delete', 'A0120001', '--json'))).toEqual({ advertisementId: 'A0120001', advertisementName: 'Office to pilot' });
  });

  it('refuses what the suite refuses, with exit status 1 and the field, and a wrong command line with 2', async () => {
    const [logoff, expiry, tooMany, badWord, nothing] = await Promise.all([
      courier('advertisement', 'create', '--name', 'X', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--mandatory', 'logoff', '--json'),
      courier('advertisement', 'create', '--name', 'X', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--available', '2026-12-10T09:00', '--expires', '2026-12-01T09:00', '--json'),
      courier('advertisement', 'create', '--name', 'X', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', ...Array.from({ length: 16 }, () => ['--mandatory', '00012CC0001A2000']).flat(), '--json'),
      courier('advertisement', 'create', '--name', 'X', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--mandatory', 'sometime'),
      courier('advertisement', 'update', 'A0120000'),
    ]);
    expect(logoff.code).toBe(1);
    expect(JSON.parse(logoff.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'atLogoff' } });
    expect(JSON.parse(expiry.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'expirationTime' } });
    expect(JSON.parse(tooMany.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'assignedSchedule', message: expect.stringMatching(/at most 15/) } });
    expect(badWord.code).toBe(2);
    expect(badWord.stderr).toMatch(/asap, logon, logoff or a schedule token/);
    expect(nothing.code).toBe(2);
  });

  it('previews an advertisement: the counts, DPs, times and notices as text, or the answer as JSON', async () => {
    expect((await courier('resource', 'add', 'PC0001')).code).toBe(0);
    const target = json<{ collectionId: string }>(await courier('collection', 'create', '--name', 'Preview pilot', '--direct', 'PC0001', '--json')).collectionId;
    const ad = json<AdvertisementDto>(await courier('advertisement', 'create', '--name', 'Office preview', '--package', 'A0100001', '--program', 'Typical', '--collection', target, '--json'));
    const [text, asJson, missing] = await Promise.all([
      courier('advertisement', 'preview', ad.advertisementId),
      courier('advertisement', 'preview', ad.advertisementId, '--json'),
      courier('advertisement', 'preview', 'A01200FF', '--json'),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Advertisement: +A012000\d$/m);
    expect(text.stdout).toMatch(/^Members: +1$/m);
    expect(text.stdout).toMatch(/^No DP within reach: +1$/m);
    expect(text.stdout).toMatch(/^Source: +version 1, 1 file, 1 byte \(measured now\)$/m);
    expect(text.stdout).toMatch(/^Distribution points: none$/m);
    expect(text.stdout).toMatch(/^Note: Package A0100001 is on no distribution point yet/m);
    expect(text.stdout).toMatch(/^\d+ +PC0001 +system +none within reach$/m);
    const preview = json<DeploymentPreviewDto>(asJson);
    expect(preview).toMatchObject({ advertisementId: ad.advertisementId, packageId: 'A0100001', programName: 'Typical', sourceFiles: 1, sourceBytes: 1, counts: { members: 1, unreachable: 1 } });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'NOT_FOUND', field: 'advertisementId' } });
  });

  it('previews a deployment plan with --plan, making nothing, and wants an ID or a plan but not both', async () => {
    expect((await courier('resource', 'add', 'PC0002')).code).toBe(0);
    const target = json<{ collectionId: string }>(await courier('collection', 'create', '--name', 'Plan pilot', '--direct', 'PC0002', '--json')).collectionId;
    const planFile = join(data.path, 'plan.json');
    writeFileSync(
      planFile,
      JSON.stringify({
        package: { kind: 'existing', packageId: 'A0100001' },
        program: { kind: 'existing', programName: 'Unattended' },
        advertisement: { target: { kind: 'collection', collectionId: target }, advertisementName: 'Office to plan pilot', assignedTime: '2026-12-24T18:00' },
      }),
    );
    const before = json<AdvertisementDto[]>(await courier('advertisement', 'list', '--json')).length;
    const [asJson, both, neither] = await Promise.all([
      courier('advertisement', 'preview', '--plan', planFile, '--json'),
      courier('advertisement', 'preview', 'A0120000', '--plan', planFile),
      courier('advertisement', 'preview'),
    ]);
    const preview = json<DeploymentPreviewDto>(asJson);
    expect(preview).toMatchObject({ advertisementId: null, packageId: 'A0100001', programName: 'Unattended', collection: { collectionId: target, name: 'Plan pilot' }, counts: { members: 1 } });
    expect(preview.members.map((m) => m.name)).toEqual(['PC0002']);
    expect(preview.mandatoryAt).toEqual({ time: '2026-12-24T18:00', isGmt: false });
    expect(json<AdvertisementDto[]>(await courier('advertisement', 'list', '--json')).length).toBe(before);
    for (const run of [both, neither]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/advertisement ID, or give --plan FILE/);
    }
  });
});

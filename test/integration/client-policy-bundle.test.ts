import { execFile } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { offerBody } from '../helpers/client-policy';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// `courier-client policy evaluate` from the agent's one-file bundle (built by the globalSetup),
// in a process of its own with a time zone set, as a lab machine would run it.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function client(args: readonly string[], cwd: string, zone: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['courier-client.cjs', ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: zone }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir('courier-client-policy-bundle-');
  copyFileSync(join(repoRoot, 'dist', 'cli', 'courier-client.cjs'), join(temp.path, 'courier-client.cjs'));
  // Available from 08:00 local time; the program needs nobody logged on and restarts the computer.
  const body = offerBody({
    options: { mandatory: { asSoonAsPossible: true } },
    advertisement: { presentTime: '2026-12-01T08:00' },
    program: { canRunWhen: 'noUserLoggedOn', runMode: 'adminRights', afterRunning: 'configMgrRestarts', maximumRunTime: 60 },
  });
  writeFileSync(join(temp.path, 'body.json'), JSON.stringify(body));
  writeFileSync(
    join(temp.path, 'context.json'),
    JSON.stringify({
      machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1.7601' },
      session: { kind: 'none' },
      receivedAt: '2026-12-01T00:00:00Z',
      // Monday and Tuesday nights, 22:00–05:00 local time (tokens of the weeknights vector).
      maintenanceWindows: [{ collectionId: 'A0100020', name: 'Monday night', token: '02C159C0381A2000' }, { collectionId: 'A0100020', name: 'Tuesday night', token: '02C159C0381B2000' }],
    }),
  );
});
afterAll(() => temp.remove());

it('reads local times in the zone of the machine it runs on', async () => {
  // 12:00 UTC: 07:00 in New York (not yet available), 13:00 in Berlin (available, outside the windows).
  const ny = await client(['policy', 'evaluate', 'body.json', '--context', 'context.json', '--now', '2026-12-01T12:00:00Z', '--json'], temp.path, 'America/New_York');
  expect(ny).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(ny.stdout)).toMatchObject({ kind: 'notYetAvailable', availableAt: '2026-12-01T13:00:00.000Z' });
  const berlin = await client(['policy', 'evaluate', 'body.json', '--context', 'context.json', '--now', '2026-12-01T12:00:00Z', '--json'], temp.path, 'Europe/Berlin');
  // Tuesday night's window opens at 22:00 Berlin time, 21:00 UTC.
  expect(JSON.parse(berlin.stdout)).toMatchObject({ kind: 'maintenanceWindow', opensAt: '2026-12-01T21:00:00.000Z' });
  const night = await client(['policy', 'evaluate', 'body.json', '--context', 'context.json', '--now', '2026-12-01T22:00:00Z'], temp.path, 'Europe/Berlin');
  expect(night).toMatchObject({ code: 0, stdout: 'run: Run for the assignment as soon as possible, inside a maintenance window.\nEvaluate again: 2026-12-01T22:00:00.000Z\n' });
  const broken = await client(['policy', 'check', 'context.json'], temp.path, 'UTC');
  expect(broken).toMatchObject({ code: 1, stderr: 'courier-client: The offer body is refused at format: This is not a Courier offer body (format is not courier-offer-body).\n' });
});

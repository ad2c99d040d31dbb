import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { LogWriter } from '../logs/log-writer';
import { carryOutAfterRunning, defaultAfterRunningCommands, pendingRestart, type AfterRunningOptions } from './after-running';

let temp: TempDir;
let logs: LogWriter;
const now = new Date('2026-12-03T10:00:00Z');
const bootedAt = new Date('2026-12-03T08:00:00Z');
const options = (extra: Partial<AfterRunningOptions> = {}): AfterRunningOptions => ({ clientDir: temp.path, logs, now, bootedAt, userLoggedOn: true, restartCommand: null, logoffCommand: null, ...extra });

beforeEach(() => {
  temp = makeTempDir('courier-after-running-');
  logs = new LogWriter({ folder: join(temp.path, 'logs') });
});
afterEach(() => temp.remove());

describe('after running', () => {
  it('keeps a restart an exit code left pending (10022) without running anything, until a boot after it', async () => {
    expect(await carryOutAfterRunning([{ advertisementId: 'A0120000', afterRunning: 'noAction', restartPending: true }], options({ restartCommand: ['/no/such/command'] }))).toBeNull();
    expect(pendingRestart(temp.path, bootedAt)).toEqual({ since: now.toISOString(), advertisementIds: ['A0120000'] });
    // A second one joins it and keeps the first time.
    await carryOutAfterRunning([{ advertisementId: 'A0120001', afterRunning: 'programRestarts', restartPending: false }], options({ now: new Date('2026-12-03T11:00:00Z') }));
    expect(pendingRestart(temp.path, bootedAt)).toEqual({ since: now.toISOString(), advertisementIds: ['A0120000', 'A0120001'] });
    // A boot time within a minute of the old one is the same boot read again.
    expect(pendingRestart(temp.path, new Date(now.getTime() + 30_000))).not.toBeNull();
    expect(pendingRestart(temp.path, new Date(now.getTime() + 5 * 60_000), logs)).toBeNull();
    expect(existsSync(join(temp.path, 'agent', 'restart.json'))).toBe(false);
  });

  it('does nothing for "No action required", and a failing command is reported, not thrown', async () => {
    expect(await carryOutAfterRunning([{ advertisementId: 'A0120000', afterRunning: 'noAction', restartPending: false }], options())).toBeNull();
    expect(pendingRestart(temp.path, bootedAt)).toBeNull();
    const outcome = await carryOutAfterRunning([{ advertisementId: 'A0120000', afterRunning: 'configMgrRestarts', restartPending: false }], options({ restartCommand: [join(temp.path, 'missing-shutdown')] }));
    expect(outcome).toMatchObject({ action: 'restart', problem: expect.stringMatching(/ENOENT/) });
    expect(pendingRestart(temp.path, bootedAt)?.advertisementIds).toEqual(['A0120000']);
  });

  it('moves a damaged restart file aside and starts afresh', () => {
    mkdirSync(join(temp.path, 'agent'), { recursive: true });
    writeFileSync(join(temp.path, 'agent', 'restart.json'), '{"format":"courier-client-restart","formatVersion":1,"since":"not a time","advertisementIds":[]}');
    expect(pendingRestart(temp.path, bootedAt)).toBeNull();
    expect(existsSync(join(temp.path, 'agent', 'restart.json.damaged'))).toBe(true);
  });

  it("uses Windows' shutdown.exe by default there, and nothing elsewhere", () => {
    expect(defaultAfterRunningCommands('win32').restart?.slice(0, 4)).toEqual(['shutdown.exe', '/r', '/t', '300']);
    expect(defaultAfterRunningCommands('win32').logoff).toEqual(['shutdown.exe', '/l']);
    expect(defaultAfterRunningCommands('linux')).toEqual({ restart: null, logoff: null });
  });
});

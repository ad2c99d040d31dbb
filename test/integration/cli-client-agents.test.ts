import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdvertisedProgramsAgentDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeout.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

beforeAll(() => {
  data = makeTempDir('courier-cli-agents-');
});
afterAll(() => data.remove());

describe('courier client-agent show|set advertised-programs', () => {
  it('shows the defaults, changes settings within bounds, names the option of a refused value, and refuses a wrong command line before opening the site', async () => {
    const never = join(data.path, 'never');
    const usage = [
      ['client-agent', 'show', 'hardware-inventory'],
      ['client-agent', 'set', 'advertised-programs'],
      ['client-agent', 'set', 'advertised-programs', '--enabled', 'yes'],
      ['client-agent', 'set', 'advertised-programs', '--countdown-minutes', 'ten'],
      ['client-agent', 'set', 'advertised-programs', '--play-sound', 'loud'],
    ];
    for (const args of usage) {
      const run = await runCli(['--data-dir', never, ...args, '--json']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(json<{ error: { code: string } }>(run.stdout).error.code, args.join(' ')).toBe('VALIDATION_FAILED');
    }
    expect(existsSync(never)).toBe(false);

    const shown = await courier('client-agent', 'show', 'advertised-programs', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(json<AdvertisedProgramsAgentDto>(shown.stdout)).toMatchObject({ agent: 'advertised-programs', enabled: true, countdownMinutes: 5, policyPollingMinutes: 60, newProgramNotificationUi: 'RAP', lastModified: null });

    const set = await courier(
      'client-agent', 'set', 'Advertised-Programs', '--enabled', 'false', '--countdown-minutes', '12', '--notification-opens', 'arp',
      '--play-sound', 'all', '--remind-within-1h', '5', '--policy-polling', '30', '--json',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(json<AdvertisedProgramsAgentDto>(set.stdout)).toMatchObject({ enabled: false, countdownMinutes: 12, newProgramNotificationUi: 'ARP', playSound: 'all', reminderWithin1HourMinutes: 5, policyPollingMinutes: 30, displayNotification: true });

    const tooLong = await courier('client-agent', 'set', 'advertised-programs', '--countdown-minutes', '1441');
    expect([tooLong.code, tooLong.stderr]).toEqual([1, 'courier: Countdown length (minutes) must be from 1 to 1440. (--countdown-minutes)\n']);
    const tooOften = await courier('client-agent', 'set', 'advertised-programs', '--policy-polling', '1', '--json');
    expect(tooOften.code).toBe(1);
    expect(json(tooOften.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'policyPollingMinutes' } });

    const text = await courier('client-agent', 'show', 'advertised-programs');
    expect(text.stdout).toContain('Software distribution to clients:');
    expect(text.stdout).toMatch(/Software distribution to clients: +disabled\n/);
    expect(text.stdout).toMatch(/Countdown for mandatory programs: +12 minutes\n/);
    expect(text.stdout).toMatch(/New program notification opens: +Add or Remove Programs \(ARP\)\n/);
    expect(text.stdout).toMatch(/Policy polling interval: +30 minutes$/m);
  }, 120_000);
});

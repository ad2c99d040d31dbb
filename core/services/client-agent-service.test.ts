import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advertisedProgramsDefaults, advertisedProgramsLimits, type ClientAgentSettingsChangedEvent, type ClientAgentSetInput } from '../api';
import { createCore, type Core } from '../core';
import { value } from '../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';

let temp: TempDir;
let core: Core;
const clock = () => new Date('2026-12-02T10:00:00Z');
const dataDir = () => join(temp.path, 'site');

beforeEach(() => {
  temp = makeTempDir('courier-client-agents-');
  core = createCore({ dataDir: dataDir(), now: clock, eventPollMs: 20 });
});
afterEach(() => {
  core.close();
  temp.remove();
});

const set = (changes: ClientAgentSetInput['changes']) => core.client['client-agents:set']({ agent: 'advertised-programs', changes });

describe('the Advertised Programs Client Agent', () => {
  it("starts with the suite's defaults: enabled, Run Advertised Programs, a 5-minute countdown, reminders 48 h / 4 h / 15 min, polling every 60 minutes", async () => {
    expect(value(await core.client['client-agents:get']({ agent: 'advertised-programs' }))).toEqual({
      agent: 'advertised-programs',
      name: 'Advertised Programs Client Agent',
      ...advertisedProgramsDefaults,
      lastModified: null,
    });
    expect(advertisedProgramsDefaults).toMatchObject({
      enabled: true,
      newProgramNotificationUi: 'RAP',
      countdownMinutes: 5,
      reminderOver24HoursHours: 48,
      reminderWithin24HoursHours: 4,
      reminderWithin1HourMinutes: 15,
      policyPollingMinutes: 60,
    });
  });

  it('changes what is given, keeps the rest, tells other consoles and logs the change', async () => {
    const other = createCore({ dataDir: dataDir(), eventPollMs: 20 });
    const heard: ClientAgentSettingsChangedEvent[] = [];
    other.on('client-agents:settings-changed', (event) => heard.push(event));
    try {
      const saved = value(await set({ enabled: false, newProgramNotificationUi: 'ARP', playSound: 'mandatory', countdownMinutes: 30, policyPollingMinutes: 120 }));
      expect(saved).toMatchObject({ enabled: false, newProgramNotificationUi: 'ARP', playSound: 'mandatory', countdownMinutes: 30, policyPollingMinutes: 120, displayNotification: true, lastModified: '2026-12-02T10:00:00.000Z' });
      expect(value(await other.client['client-agents:get']({ agent: 'advertised-programs' }))).toEqual(saved);
      await expect.poll(() => heard).toEqual([{ agent: 'advertised-programs' }]);
      const log = readFileSync(join(core.site.siteRoot, 'SMS', 'Logs', 'smsprov.log'), 'utf8');
      expect(log).toContain('Modified the Advertised Programs Client Agent (enabled = false, newProgramNotificationUi = ARP, playSound = mandatory, countdownMinutes = 30, policyPollingMinutes = 120).');
    } finally {
      other.close();
    }
  });

  it('saves nothing and says nothing when nothing changes', async () => {
    const heard: ClientAgentSettingsChangedEvent[] = [];
    core.on('client-agents:settings-changed', (event) => heard.push(event));
    expect(value(await set({ enabled: true, countdownMinutes: 5 })).lastModified).toBeNull();
    expect(value(await set({ countdownMinutes: 6 })).lastModified).not.toBeNull();
    await expect.poll(() => heard.length).toBe(1);
  });

  it('refuses values out of bounds at their field, with the range, and keeps the saved ones', async () => {
    const cases: [ClientAgentSetInput['changes'], string, string][] = [
      [{ countdownMinutes: 0 }, 'countdownMinutes', 'Countdown length (minutes) must be from 1 to 1440.'],
      [{ countdownMinutes: 1441 }, 'countdownMinutes', 'Countdown length (minutes) must be from 1 to 1440.'],
      [{ countdownMinutes: 2.5 }, 'countdownMinutes', 'Countdown length (minutes) is a whole number from 1 to 1440.'],
      [{ policyPollingMinutes: 4 }, 'policyPollingMinutes', 'Policy polling interval (minutes) must be from 5 to 1440.'],
      [{ reminderWithin24HoursHours: 25 }, 'reminderWithin24HoursHours', '24 hours or less before an assignment, remind every (hours) must be from 1 to 24.'],
      [{ reminderWithin1HourMinutes: 61 }, 'reminderWithin1HourMinutes', 'An hour or less before an assignment, remind every (minutes) must be from 1 to 60.'],
      [{ reminderOver24HoursHours: 169 }, 'reminderOver24HoursHours', 'More than 24 hours before an assignment, remind every (hours) must be from 1 to 168.'],
      [{ playSound: 'loud' as never }, 'playSound', 'Play a sound is one of none, mandatory, all.'],
      [{ newProgramNotificationUi: 'arp' as never }, 'newProgramNotificationUi', 'The new program notification is one of ARP, RAP.'],
      [{ enabled: 'yes' as never }, 'enabled', 'Enable software distribution to clients is true or false.'],
    ];
    for (const [changes, field, message] of cases) {
      expect(await set(changes), JSON.stringify(changes)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field, message } });
    }
    expect(await core.client['client-agents:set']({ agent: 'hardware-inventory' as never, changes: {} })).toMatchObject({ ok: false, error: { field: 'agent' } });
    expect(await set({ countdown: 5 } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(value(await core.client['client-agents:get']({ agent: 'advertised-programs' }))).toMatchObject({ ...advertisedProgramsDefaults, lastModified: null });
    const { min, max } = advertisedProgramsLimits.countdownMinutes;
    expect(value(await set({ countdownMinutes: max })).countdownMinutes).toBe(max);
    expect(value(await set({ countdownMinutes: min })).countdownMinutes).toBe(min);
  });

  it('has the database refuse a value out of bounds that did not come through the service', () => {
    core.close();
    const db = new Database(join(dataDir(), 'courier.db'));
    try {
      expect(() => db.prepare('UPDATE advertised_programs_agent_settings SET countdown_minutes = 0').run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("UPDATE advertised_programs_agent_settings SET play_sound = 'loud'").run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare('INSERT INTO advertised_programs_agent_settings SELECT 2, enabled, allow_user_targeted_requests, new_program_notification_ui, display_notification, play_sound, countdown_enabled, countdown_minutes, reminder_over_24_hours_hours, reminder_within_24_hours_hours, reminder_within_1_hour_minutes, policy_polling_minutes, NULL FROM advertised_programs_agent_settings').run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
      core = createCore({ dataDir: dataDir(), now: clock });
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schedule } from '../../core/api';
import { createCore, type Core } from '../../core/core';
import { initialWizardState, settingsWizardReducer, type SettingsWizardAction, type SettingsWizardState } from '../../renderer/features/programs/settings-wizard-reducer';
import {
  advertisementRules,
  assignedSchedulesOf,
  draftOfAdvertisement,
  newAdvertisementDraft,
  requestOf,
  type AdvertisementDraft,
  type AdvertisementPage,
} from '../../renderer/features/advertisements/advertisement-draft';
import { sheetChanges } from '../../renderer/features/advertisements/advertisement-properties-model';
import { value } from '../helpers/api-result';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/** SMS_Advertisement AdvertFlags WINDOWS_CE. */
const windowsCe = 0x00008000;

let data: TempDir;
let core: Core;

beforeEach(async () => {
  data = makeTempDir('courier-device-ad-request-');
  core = createCore({ dataDir: data.path, now: () => new Date('2026-12-02T08:00:00Z') });
  value(await core.client['packages:create']({ name: 'Handheld Tools' }));
  value(await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'Install CAB', commandLine: 'setup.cab' } }));
});
afterEach(() => {
  core.close();
  data.remove();
});

type State = SettingsWizardState<AdvertisementDraft, AdvertisementPage, unknown>;
type Action = SettingsWizardAction<AdvertisementDraft, AdvertisementPage, unknown>;
const edit = (changes: Partial<AdvertisementDraft>): Action => ({ type: 'edit', changes });
const atTime: Schedule = { type: 'nonRecurring', start: '2026-12-07T20:00', isGmt: true, minuteDuration: 0, hourDuration: 0, dayDuration: 0 };

async function tokensOf(draft: AdvertisementDraft): Promise<string> {
  const schedules = assignedSchedulesOf(draft);
  return schedules.length === 0 ? '' : value(await core.client['schedules:encode']({ schedules })).tokens.join('');
}

describe('the New Advertisement For Device Wizard\'s request, sent to a real core', () => {
  it('is taken as it is, whatever computer-only options were tried on the way, and Properties saves each device option', async () => {
    // Every computer-only option switched on, as a stale control might: the draft keeps none of them.
    const state = [
      edit({ advertisementName: 'Handheld tonight', packageId: 'A0100001', programName: 'Install CAB', collectionId: 'SMS00001' }),
      edit({ assignments: [{ kind: 'schedule', schedule: atTime }], priority: 'high' }),
      edit({ wakeOnLan: true, ignoreMaintenanceWindows: true, allowRestartOutsideMaintenanceWindows: true, allowFallbackToUnprotectedDps: true, displayReminders: true }),
      edit({ fastNetwork: 'runFromDp', slowNetwork: 'runFromDp' }),
    ].reduce<State>((s, a) => settingsWizardReducer(advertisementRules, s, a), initialWizardState(advertisementRules, newAdvertisementDraft({}, new Date(2026, 11, 2, 9, 0), 'device')));
    expect(Object.keys(advertisementRules.issues(state.draft))).toEqual([]);

    const created = value(await core.client['advertisements:create'](requestOf(state.draft, await tokensOf(state.draft))));
    expect(created.advertFlags & windowsCe).toBe(windowsCe);
    expect(created.options).toMatchObject({ onSchedule: true, priority: 'high', fastNetwork: 'download', slowNetwork: 'download', wakeOnLan: false, displayReminders: false });

    // Properties: the sheet's draft of the saved advertisement is a device one, and each change it can make is saved.
    const schedules = value(await core.client['schedules:decode']({ tokens: created.assignedSchedule })).schedules;
    const saved = { advertisement: created, schedules };
    const draft = draftOfAdvertisement(created, schedules);
    expect(draft.kind).toBe('device');
    const later: Schedule = { ...atTime, start: '2026-12-08T06:30' };
    const changed = advertisementRules.apply(draft, {
      slowNetwork: 'doNotRun',
      allowUsersToRunIndependently: false,
      priority: 'low',
      expirationTimeEnabled: true,
      expirationTime: '2026-12-31T23:00',
      assignments: [{ kind: 'schedule', schedule: later }],
    });
    const { schedules: newSchedules, ...fields } = sheetChanges(saved, changed);
    expect(newSchedules).toEqual([later]);
    const tokens = value(await core.client['schedules:encode']({ schedules: [...(newSchedules ?? [])] })).tokens.join('');
    const updated = value(await core.client['advertisements:update']({ advertisementId: created.advertisementId, changes: { ...fields, assignedSchedule: tokens } }));
    expect(updated.advertFlags & windowsCe).toBe(windowsCe);
    expect(updated.options).toMatchObject({ slowNetwork: 'doNotRun', allowUsersToRunIndependently: false, priority: 'low' });
    expect(updated).toMatchObject({ expirationTimeEnabled: true, expirationTime: '2026-12-31T23:00', assignedSchedule: tokens });
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/helpers/seeded-random';
import {
  AdvertFlags,
  advertisementDefaults,
  advertisementFlagsOf,
  advertisementOptionsOf,
  fastNetworkOptions,
  isMandatory,
  RemoteClientFlags,
  rerunOptions,
  slowNetworkOptions,
  TimeFlags,
  type AdvertisementOptions,
} from './advertisement-flags';

const base = advertisementDefaults;
const fieldsOf = (o: AdvertisementOptions) => {
  const { repeatRunBehavior: _behavior, ...fields } = advertisementFlagsOf(o);
  return fields;
};

describe('advertisement flags from the wizard options', () => {
  it('gives a new advertisement DONOT_FALLBACK, RemoteClientFlags 0x1030, ENABLE_PRESENT and priority 2', () => {
    expect(advertisementFlagsOf(base)).toEqual({ advertFlags: 0x00020000, remoteClientFlags: 0x1030, timeFlags: 0x1, priority: 2, repeatRunBehavior: 'RerunNever' });
  });

  it('reads the class default RemoteClientFlags 0x30 as download on a fast network, do not run on a slow one, never rerun', () => {
    const options = advertisementOptionsOf({ advertFlags: 0, remoteClientFlags: 0x30, timeFlags: 0, priority: 2 });
    expect(options).toMatchObject({ fastNetwork: 'download', slowNetwork: 'doNotRun', rerun: 'never', allowFallbackToUnprotectedDps: true, allowUsersToRunIndependently: true });
    expect(options.otherBits).toEqual({ advertFlags: 0, remoteClientFlags: 0, timeFlags: 0 });
    // Saved from the console, the rerun choice is written out.
    expect(advertisementFlagsOf(options).remoteClientFlags).toBe(0x1030);
  });

  it('sets the Schedule page options of a mandatory assignment', () => {
    const flags = advertisementFlagsOf({
      ...base,
      mandatory: { asSoonAsPossible: true, atLogon: true, atLogoff: true, onSchedule: true, schedulesAreGmt: true },
      wakeOnLan: true,
      ignoreMaintenanceWindows: true,
      allowRestartOutsideMaintenanceWindows: true,
      allowUsersToRunIndependently: false,
      allowFallbackToUnprotectedDps: true,
    });
    // IMMEDIATE | ONUSERLOGON | ONUSERLOGOFF | OVERRIDE_SERVICE_WINDOWS | REBOOT_OUTSIDE… | WAKE_ON_LAN_ENABLED | NO_DISPLAY
    expect(flags.advertFlags).toBe(0x02700620);
    expect(flags.timeFlags).toBe(TimeFlags.ENABLE_PRESENT | TimeFlags.ENABLE_MANDATORY | TimeFlags.GMT_MANDATORY);
  });

  it('maps each network choice, rerun choice and the reminders to their RemoteClientFlags bits', () => {
    const remote = (o: Partial<AdvertisementOptions>) => advertisementFlagsOf({ ...base, ...o }).remoteClientFlags;
    expect(remote({ fastNetwork: 'runFromDp', slowNetwork: 'download', rerun: 'always', displayReminders: true })).toBe(0x0008 | 0x0040 | 0x0800 | 0x0400);
    expect(remote({ slowNetwork: 'runFromDp', rerun: 'ifFailed' })).toBe(0x0010 | 0x0080 | 0x2000);
    expect(remote({ rerun: 'ifSucceeded' })).toBe(0x0010 | 0x0020 | 0x4000);
    const behaviors = rerunOptions.map((rerun) => advertisementFlagsOf({ ...base, rerun }).repeatRunBehavior);
    expect(behaviors).toEqual(['RerunNever', 'RerunAlways', 'RerunIfFail', 'RerunIfSuccess']);
  });

  it('maps priority to 1 high, 2 medium, 3 low, and the times to their TimeFlags', () => {
    expect((['high', 'medium', 'low'] as const).map((priority) => advertisementFlagsOf({ ...base, priority }).priority)).toEqual([1, 2, 3]);
    const times = advertisementFlagsOf({ ...base, present: { enabled: true, isGmt: true }, expiration: { enabled: true, isGmt: true } }).timeFlags;
    expect(times).toBe(0x1 | 0x2 | 0x20 | 0x40);
    expect(advertisementFlagsOf({ ...base, present: { enabled: false, isGmt: false } }).timeFlags).toBe(0);
  });

  it('keeps the bits no option covers through a decode and an encode, the top bit too', () => {
    const fields = {
      advertFlags: (AdvertFlags.WINDOWS_CE | AdvertFlags.ENABLE_PEER_CACHING | AdvertFlags.ONSLOWNET | AdvertFlags.IMMEDIATE | 0x80000000) >>> 0,
      remoteClientFlags: RemoteClientFlags.BATTERY_POWER | RemoteClientFlags.PERSIST_ON_WRITE_FILTER_DEVICES | 0x0030 | 0x2000,
      timeFlags: TimeFlags.ENABLE_AVAILABLE | TimeFlags.GMT_UNAVAILABLE | TimeFlags.ENABLE_EXPIRATION,
      priority: 3,
    };
    const options = advertisementOptionsOf(fields);
    expect(options.otherBits).toEqual({ advertFlags: 0x84018000, remoteClientFlags: 0x8001, timeFlags: 0x104 });
    expect(options).toMatchObject({ rerun: 'ifFailed', priority: 'low', expiration: { enabled: true, isGmt: false }, mandatory: { asSoonAsPossible: true } });
    expect(fieldsOf(options)).toEqual(fields);
  });

  it('gives back every combination of options it encodes', () => {
    const random = seededRandom(7);
    const flip = () => random.int(2) === 0;
    const pick = <T>(values: readonly T[]): T => values[random.int(values.length)]!;
    for (let i = 0; i < 500; i += 1) {
      const options: AdvertisementOptions = {
        mandatory: { asSoonAsPossible: flip(), atLogon: flip(), atLogoff: flip(), onSchedule: flip(), schedulesAreGmt: flip() },
        wakeOnLan: flip(),
        ignoreMaintenanceWindows: flip(),
        allowRestartOutsideMaintenanceWindows: flip(),
        fastNetwork: pick(fastNetworkOptions),
        slowNetwork: pick(slowNetworkOptions),
        allowFallbackToUnprotectedDps: flip(),
        rerun: pick(rerunOptions),
        allowUsersToRunIndependently: flip(),
        displayReminders: flip(),
        present: { enabled: flip(), isGmt: flip() },
        expiration: { enabled: flip(), isGmt: flip() },
        priority: pick(['high', 'medium', 'low'] as const),
        otherBits: { advertFlags: flip() ? AdvertFlags.WINDOWS_CE : 0, remoteClientFlags: flip() ? RemoteClientFlags.BATTERY_POWER : 0, timeFlags: flip() ? TimeFlags.ENABLE_UNAVAILABLE : 0 },
      };
      expect(advertisementOptionsOf(fieldsOf(options))).toEqual(options);
    }
  });

  it('reads an encoding no console writes as the console shows it, and writes it back in the console form', () => {
    const both = advertisementOptionsOf({ advertFlags: 0, remoteClientFlags: 0x08 | 0x10 | 0x20 | 0x80 | 0x0800 | 0x1000, timeFlags: 0, priority: 9 });
    expect(both).toMatchObject({ fastNetwork: 'download', slowNetwork: 'doNotRun', rerun: 'never', priority: 'medium' });
    expect(advertisementFlagsOf(both)).toMatchObject({ remoteClientFlags: 0x1030, priority: 2 });
    expect(advertisementOptionsOf({ advertFlags: 0, remoteClientFlags: 0, timeFlags: 0, priority: 1 })).toMatchObject({ fastNetwork: 'download', slowNetwork: 'doNotRun', rerun: 'never' });
  });

  it('counts any event, a schedule or the start-up event as a mandatory assignment', () => {
    expect(isMandatory(base)).toBe(false);
    expect(isMandatory({ ...base, mandatory: { ...base.mandatory, atLogoff: true } })).toBe(true);
    expect(isMandatory({ ...base, mandatory: { ...base.mandatory, onSchedule: true } })).toBe(true);
    expect(isMandatory(advertisementOptionsOf({ advertFlags: AdvertFlags.ONSYSTEMSTARTUP, remoteClientFlags: 0x30, timeFlags: 0, priority: 2 }))).toBe(true);
  });
});

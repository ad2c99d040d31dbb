import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdvertisementChangedEvent, AdvertisementDto, ApiResult } from '../../api';
import { createCore, type Core } from '../../core';
import { AdvertFlags } from '../../domain/advertisement-flags';
import { encodeScheduleToken } from '../../formats/schedule-token';
import { listWakeUpFiles, siteRootAt } from '../../site/site-root';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

let data: TempDir;
let core: Core;
const siteDir = () => join(data.path, 'site');
const now = new Date('2026-12-02T08:00:00Z');
const token = '00012CC0001A2000';
/** The same schedule with its isGmt bit (bit 0 of the low half). */
const gmtToken = '00012CC0001A2001';

type CreateInput = Parameters<Core['client']['advertisements:create']>[0];

beforeEach(async () => {
  data = makeTempDir('courier-advertisements-');
  core = createCore({ dataDir: siteDir(), now: () => now });
  const officeSource = join(data.path, 'office');
  mkdirSync(officeSource, { recursive: true });
  writeFileSync(join(officeSource, 'setup.exe'), 'x');
  value(await core.client['packages:create']({ name: 'Office', containsSourceFiles: true, sourceDirectory: officeSource })); // A0100001
  value(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Per user', commandLine: 'setup.exe' } }));
  value(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'No user', commandLine: 'setup.exe /q', canRunWhen: 'noUserLoggedOn', runMode: 'adminRights' } }));
  value(await core.client['collections:create']({ name: 'Pilot' })); // A0100010
});
afterEach(() => {
  core.close();
  data.remove();
});

const base: CreateInput = { advertisementName: 'Office to pilot', packageId: 'A0100001', programName: 'Per user', collectionId: 'A0100010' };

async function create(input: Partial<CreateInput> = {}): Promise<AdvertisementDto> {
  return value(await core.client['advertisements:create']({ ...base, ...input }));
}

/** The outbox rows for Offer Manager, as committed with the changes. */
function offerOutbox(): { fileName: string; body: string }[] {
  const db = new Database(join(siteDir(), 'courier.db'), { readonly: true });
  try {
    return db.prepare("SELECT file_name AS fileName, body FROM outbox WHERE inbox = 'Offermgr.box' AND file_name LIKE '%.OFN' ORDER BY id").all() as { fileName: string; body: string }[];
  } finally {
    db.close();
  }
}

const ofnFiles = () => listWakeUpFiles(siteRootAt(siteDir()), 'Offermgr.box').filter((name) => name.endsWith('.OFN'));

function refusal(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}

describe('creating an advertisement', () => {
  it('counts IDs from A0120000 and writes the wizard defaults as the suite numbers them, with the .OFN wake-up and an event', async () => {
    const events: AdvertisementChangedEvent[] = [];
    core.on('advertisements:changed', (event) => events.push(event));
    const result = await core.client['advertisements:create']({ ...base, presentTimeIsGmt: true });
    const created = value(result);
    expect(created).toMatchObject({
      advertisementId: 'A0120000',
      advertisementName: 'Office to pilot',
      comment: '',
      packageId: 'A0100001',
      programName: 'Per user',
      collectionId: 'A0100010',
      includeSubcollections: true,
      sourceSite: 'A01',
      presentTime: '2026-12-02T08:00',
      presentTimeEnabled: true,
      presentTimeIsGmt: true,
      expirationTime: null,
      expirationTimeEnabled: false,
      advertFlags: 0x00020000,
      remoteClientFlags: 0x1030,
      timeFlags: 0x0001 | 0x0020,
      assignedSchedule: '',
      assignedScheduleEnabled: false,
      priority: 2,
      repeatRunBehavior: 'RerunNever',
      mandatoryCountdownMinutes: 0,
      options: { mandatory: false, rerun: 'never', fastNetwork: 'download', slowNetwork: 'doNotRun', allowFallbackToUnprotectedDps: false, allowUsersToRunIndependently: true, priority: 'medium' },
    });
    // The suite warns that the package is on no distribution point yet; the advertisement is saved.
    expect(result.ok && result.notices).toEqual([expect.stringMatching(/^Package A0100001 is on no distribution point yet/)]);
    expect(ofnFiles()).toEqual(['A0120000.OFN']);
    expect(readFileSync(join(siteRootAt(siteDir()).inboxes, 'Offermgr.box', 'A0120000.OFN'), 'utf8')).toBe('created A0120000\r\n');
    expect(offerOutbox()).toEqual([{ fileName: 'A0120000.OFN', body: 'created A0120000\r\n' }]);
    expect(events).toEqual([{ change: 'created', advertisementId: 'A0120000' }]);
    expect((await create()).advertisementId).toBe('A0120001');
  });

  it('commits the .OFN outbox row with the advertisement, so a wake-up file that cannot be written yet is kept, not lost', async () => {
    // A folder with the wake-up's name: the file cannot be written after the commit.
    mkdirSync(join(siteRootAt(siteDir()).inboxes, 'Offermgr.box', 'A0120000.OFN'));
    const result = await core.client['advertisements:create'](base);
    expect(result).toMatchObject({ ok: true, value: { advertisementId: 'A0120000' } });
    expect(result.ok && result.notices).toContainEqual(expect.stringMatching(/^The change was saved, but Offer Manager is not woken yet: SMS\\Inboxes\\Offermgr\.box\\A0120000\.OFN could not be written/));
    const db = new Database(join(siteDir(), 'courier.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT file_name AS fileName, delivered_at AS deliveredAt FROM outbox WHERE file_name LIKE '%.OFN'").all()).toEqual([{ fileName: 'A0120000.OFN', deliveredAt: null }]);
      expect(db.prepare('SELECT advertisement_id FROM advertisements').pluck().all()).toEqual(['A0120000']);
    } finally {
      db.close();
    }
  });

  it('encodes every option of the Schedule, Distribution Points and Interaction pages into the suite numbers', async () => {
    const created = await create({
      programName: 'no user',
      comment: 'Overnight',
      includeSubcollections: false,
      presentTime: '2026-12-03T20:00',
      presentTimeIsGmt: true,
      expirationTimeEnabled: true,
      expirationTime: '2027-01-31T23:59',
      expirationTimeIsGmt: true,
      assignedSchedule: gmtToken.toLowerCase() + gmtToken,
      asSoonAsPossible: true,
      atLogon: true,
      atLogoff: true,
      wakeOnLan: true,
      ignoreMaintenanceWindows: true,
      allowRestartOutsideMaintenanceWindows: true,
      allowUsersToRunIndependently: false,
      allowFallbackToUnprotectedDps: true,
      fastNetwork: 'runFromDp',
      slowNetwork: 'download',
      rerun: 'always',
      displayReminders: true,
      priority: 'high',
      mandatoryCountdownMinutes: 30,
    });
    expect(created).toMatchObject({
      programName: 'No user',
      includeSubcollections: false,
      advertFlags: 0x02700620,
      remoteClientFlags: 0x0c48,
      // ENABLE_PRESENT | ENABLE_EXPIRATION | ENABLE_MANDATORY | GMT_PRESENT | GMT_EXPIRATION | GMT_MANDATORY
      timeFlags: 0x0273,
      assignedSchedule: gmtToken + gmtToken,
      assignedScheduleEnabled: true,
      assignedScheduleIsGmt: true,
      priority: 1,
      repeatRunBehavior: 'RerunAlways',
      mandatoryCountdownMinutes: 30,
      options: { mandatory: true, onSchedule: true, schedulesAreGmt: true, atLogoff: true, rerun: 'always', priority: 'high' },
    });
    expect(value(await core.client['advertisements:get']({ advertisementId: 'a0120000' }))).toEqual(created);
  });

  it('sets GMT_MANDATORY only when every assigned schedule is UTC', async () => {
    const mixed = await create({ assignedSchedule: token + gmtToken });
    expect(mixed).toMatchObject({ timeFlags: 0x0011, assignedScheduleIsGmt: false, options: { mandatory: true } });
  });

  it('warns, and still saves, when the program is disabled or the Advertised Programs Client Agent is off', async () => {
    value(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Per user', changes: { disabled: true } }));
    value(await core.client['client-agents:set']({ agent: 'advertised-programs', changes: { enabled: false } }));
    const result = await core.client['advertisements:create'](base);
    expect(result.ok && result.notices).toEqual([
      expect.stringMatching(/^Program Per user of A0100001 is disabled: clients receive the advertisement but will not run/),
      expect.stringMatching(/^Package A0100001 is on no distribution point yet/),
      expect.stringMatching(/^The Advertised Programs Client Agent is disabled/),
    ]);
    expect(value(await core.client['advertisements:list']({})).map((a) => a.advertisementId)).toEqual(['A0120000']);
  });

  it('says nothing of distribution points for a package without source files: no DP needs it', async () => {
    value(await core.client['packages:create']({ name: 'Script' })); // A0100002
    value(await core.client['programs:create']({ packageId: 'A0100002', program: { name: 'Run', commandLine: 'cscript //nologo c:\\tools\\fix.vbs' } }));
    const result = await core.client['advertisements:create']({ advertisementName: 'Fix', packageId: 'A0100002', programName: 'Run', collectionId: 'A0100010' });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.notices ?? [])).toEqual([]);
  });

  it('says nothing of distribution points once the package is on one', async () => {
    const source = join(data.path, 'source');
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'setup.exe'), 'x');
    value(await core.client['packages:create']({ name: 'Tools', containsSourceFiles: true, sourceDirectory: source })); // A0100002
    value(await core.client['programs:create']({ packageId: 'A0100002', program: { name: 'Install', commandLine: 'setup.exe' } }));
    const volume = join(data.path, 'dp01');
    mkdirSync(volume, { recursive: true });
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volume }] }));
    value(await core.client['packages:distribute']({ packageId: 'A0100002', distributionPoints: ['DP01'] }));
    const result = await core.client['advertisements:create']({ ...base, packageId: 'A0100002', programName: 'Install' });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.notices).toBeUndefined();
  });
});

describe('what is refused', () => {
  const cases: [string, Partial<CreateInput>, { code: string; field: string; message: RegExp }][] = [
    ['a package the site does not have', { packageId: 'A0100099' }, { code: 'NOT_FOUND', field: 'packageId', message: /A0100099/ }],
    ['a program the package does not have', { programName: 'Typical' }, { code: 'NOT_FOUND', field: 'programName', message: /Package A0100001 has no program named Typical/ }],
    ['a collection the site does not have', { collectionId: 'A0100099' }, { code: 'NOT_FOUND', field: 'collectionId', message: /no collection A0100099/ }],
    [
      'an expiration before the start',
      { presentTime: '2026-12-10T09:00', expirationTimeEnabled: true, expirationTime: '2026-12-10T08:59' },
      { code: 'VALIDATION_FAILED', field: 'expirationTime', message: /expire \(2026-12-10T08:59\) before it starts \(2026-12-10T09:00\)/ },
    ],
    ['an expiration with no time', { expirationTimeEnabled: true }, { code: 'VALIDATION_FAILED', field: 'expirationTime', message: /needs its expiration time/ }],
    ['16 assigned schedules', { assignedSchedule: token.repeat(16) }, { code: 'VALIDATION_FAILED', field: 'assignedSchedule', message: /at most 15 assigned schedules/ }],
    ['a schedule that is not whole tokens', { assignedSchedule: `${token}00` }, { code: 'VALIDATION_FAILED', field: 'assignedSchedule', message: /16 hex digits each/ }],
    // Start minute 63: the six bits hold it, the clock does not.
    ['an unreadable schedule token', { assignedSchedule: token + 'FFFFFFFFFFFFFFFF' }, { code: 'VALIDATION_FAILED', field: 'assignedSchedule', message: /^Assigned schedule 2 \(FFFFFFFFFFFFFFFF\): / }],
    [
      'an assignment at logoff of a program that needs a user',
      { atLogoff: true },
      { code: 'VALIDATION_FAILED', field: 'atLogoff', message: /Per user of A0100001 runs only when a user is logged on; an assignment at logoff needs a program that runs only when no user is logged on/ },
    ],
    ['Wake On LAN with no assignment', { wakeOnLan: true }, { code: 'VALIDATION_FAILED', field: 'wakeOnLan', message: /mandatory assignments only/ }],
    ['a time that is no date', { presentTime: '2026-02-30T08:00' }, { code: 'VALIDATION_FAILED', field: 'presentTime', message: /day must be 1–28/ }],
    ['a countdown over a day', { mandatoryCountdownMinutes: 1441 }, { code: 'VALIDATION_FAILED', field: 'mandatoryCountdownMinutes', message: /at most 1440/ }],
  ];

  it.each(cases)('%s, writing nothing: no advertisement, no ID taken, no wake-up', async (_name, input, expected) => {
    const error = refusal(await core.client['advertisements:create']({ ...base, ...input }));
    expect(error).toMatchObject({ code: expected.code, field: expected.field });
    expect(error?.message).toMatch(expected.message);
    expect(value(await core.client['advertisements:list']({}))).toEqual([]);
    expect(ofnFiles()).toEqual([]);
    expect(offerOutbox()).toEqual([]);
    expect((await create()).advertisementId).toBe('A0120000');
  });

  it('allows an assignment at logoff of a program that runs only when no user is logged on', async () => {
    expect(await create({ programName: 'No user', atLogoff: true })).toMatchObject({ advertFlags: 0x00020400, options: { atLogoff: true, mandatory: true } });
  });

  it('advertises a device program for devices (AdvertFlags WINDOWS_CE), refusing each computer-only option by name', async () => {
    value(await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'Handheld', commandLine: 'setup.exe' } }));
    const device = { ...base, programName: 'handheld' };
    const cases: [Partial<CreateInput>, string][] = [
      [{ asSoonAsPossible: true }, 'asSoonAsPossible'],
      [{ atLogon: true }, 'atLogon'],
      [{ atLogoff: true }, 'atLogoff'],
      [{ assignedSchedule: '00012CC0001A2000', wakeOnLan: true }, 'wakeOnLan'],
      [{ assignedSchedule: '00012CC0001A2000', ignoreMaintenanceWindows: true }, 'ignoreMaintenanceWindows'],
      [{ fastNetwork: 'runFromDp' }, 'fastNetwork'],
      [{ slowNetwork: 'runFromDp' }, 'slowNetwork'],
      [{ allowFallbackToUnprotectedDps: true }, 'allowFallbackToUnprotectedDps'],
      [{ displayReminders: true }, 'displayReminders'],
      [{ assignedSchedule: encodeScheduleToken({ type: 'interval', start: '2026-12-10T09:00', daySpan: 1 }) }, 'assignedSchedule'],
    ];
    for (const [input, field] of cases) {
      const refused = refusal(await core.client['advertisements:create']({ ...device, ...input }));
      expect(refused, field).toMatchObject({ code: 'VALIDATION_FAILED', field, message: expect.stringContaining('Program Handheld of A0100001 is a program for devices') });
    }
    const at = encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-10T09:00' });
    const created = await create({ ...device, assignedSchedule: at });
    expect(created).toMatchObject({ programName: 'Handheld', assignedSchedule: at });
    expect(created.advertFlags & AdvertFlags.WINDOWS_CE).toBe(AdvertFlags.WINDOWS_CE);
    // Moved to a program for computers, it is no longer for devices.
    const moved = value(await core.client['advertisements:update']({ advertisementId: created.advertisementId, changes: { programName: 'Per user' } }));
    expect(moved.advertFlags & AdvertFlags.WINDOWS_CE).toBe(0);
  });
});

describe('changing and deleting an advertisement', () => {
  it('re-encodes the numbers from the stored ones and the changes, keeping bits no option covers', async () => {
    await create({ presentTime: '2026-12-10T09:00' });
    // A bit the options do not own (SHOW_PROGRESS in AdvertFlags), as an advertisement made elsewhere may have.
    core.close();
    const db = new Database(join(siteDir(), 'courier.db'));
    db.prepare('UPDATE advertisements SET advert_flags = advert_flags | 0x800000').run();
    db.close();
    core = createCore({ dataDir: siteDir(), now: () => now });
    const events: AdvertisementChangedEvent[] = [];
    core.on('advertisements:changed', (event) => events.push(event));

    const updated = value(await core.client['advertisements:update']({ advertisementId: 'A0120000', changes: { rerun: 'ifFailed', asSoonAsPossible: true, advertisementName: 'Office, assigned' } }));
    expect(updated).toMatchObject({
      advertisementName: 'Office, assigned',
      advertFlags: 0x00020000 | 0x800000 | 0x20,
      remoteClientFlags: 0x2030,
      repeatRunBehavior: 'RerunIfFail',
      presentTime: '2026-12-10T09:00',
      options: { otherBits: { advertFlags: 0x800000, remoteClientFlags: 0, timeFlags: 0 } },
    });
    expect(events).toEqual([{ change: 'updated', advertisementId: 'A0120000' }]);
    expect(offerOutbox()).toEqual([{ fileName: 'A0120000.OFN', body: 'updated A0120000\r\n' }]);

    // The merged result is checked: an expiry before the stored start is refused, nothing changes.
    const refused = refusal(await core.client['advertisements:update']({ advertisementId: 'A0120000', changes: { expirationTimeEnabled: true, expirationTime: '2026-12-09T09:00' } }));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'expirationTime' });
    expect(value(await core.client['advertisements:get']({ advertisementId: 'A0120000' }))).toEqual(updated);
    expect(refusal(await core.client['advertisements:update']({ advertisementId: 'A0120099', changes: { comment: 'x' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'advertisementId' });
  });

  it('deletes it and tells Offer Manager', async () => {
    await create();
    expect(value(await core.client['advertisements:delete']({ advertisementId: 'A0120000' }))).toEqual({ advertisementId: 'A0120000', advertisementName: 'Office to pilot' });
    expect(value(await core.client['advertisements:list']({}))).toEqual([]);
    expect(offerOutbox()).toEqual([{ fileName: 'A0120000.OFN', body: 'deleted A0120000\r\n' }]);
    expect(readFileSync(join(siteRootAt(siteDir()).inboxes, 'Offermgr.box', 'A0120000.OFN'), 'utf8')).toBe('deleted A0120000\r\n');
    expect(refusal(await core.client['advertisements:delete']({ advertisementId: 'A0120000' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the advertisements of a package, program or collection', () => {
  it('lists what a Delete wizard would name as affected', async () => {
    value(await core.client['collections:create']({ name: 'Wave 2' })); // A0100011
    await create();
    await create({ programName: 'No user' });
    await create({ collectionId: 'A0100011' });
    const ids = async (filter: Parameters<Core['client']['advertisements:list']>[0]) => value(await core.client['advertisements:list'](filter)).map((a) => a.advertisementId);
    expect(await ids({})).toEqual(['A0120000', 'A0120001', 'A0120002']);
    expect(await ids({ packageId: 'a0100001', programName: 'PER USER' })).toEqual(['A0120000', 'A0120002']);
    expect(await ids({ collectionId: 'A0100011' })).toEqual(['A0120002']);
    expect(await ids({ packageId: 'A0100002' })).toEqual([]);
    expect(refusal(await core.client['advertisements:list']({ programName: 'Per user' }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'programName' });
  });
});

describe('deleting an advertised program', () => {
  it('names its advertisements and deletes nothing until confirmed, then deletes them with it in one transaction, each waking Offer Manager', async () => {
    const first = await create();
    const second = await create({ advertisementName: 'Office again' });
    const other = await create({ advertisementName: 'Unattended', programName: 'No user' });
    const asked = refusal(await core.client['programs:delete']({ packageId: 'A0100001', programName: 'per user' }));
    expect(asked).toMatchObject({ code: 'CONFLICT', field: 'deleteAdvertisements' });
    expect(asked?.message).toContain(`${first.advertisementId} (Office to pilot), ${second.advertisementId} (Office again)`);
    expect(value(await core.client['advertisements:list']({})).map((a) => a.advertisementId)).toEqual([first.advertisementId, second.advertisementId, other.advertisementId]);

    const events: AdvertisementChangedEvent[] = [];
    core.on('advertisements:changed', (event) => events.push(event));
    const deleted = value(await core.client['programs:delete']({ packageId: 'A0100001', programName: 'Per user', deleteAdvertisements: true }));
    expect(deleted.deletedAdvertisements).toEqual([`${first.advertisementId} (Office to pilot)`, `${second.advertisementId} (Office again)`]);
    expect(value(await core.client['advertisements:list']({})).map((a) => a.advertisementId)).toEqual([other.advertisementId]);
    expect(events).toEqual([
      { change: 'deleted', advertisementId: first.advertisementId },
      { change: 'deleted', advertisementId: second.advertisementId },
    ]);
    expect(offerOutbox().filter((row) => row.body.startsWith('deleted')).map((row) => row.fileName)).toEqual([`${first.advertisementId}.OFN`, `${second.advertisementId}.OFN`]);
  });
});

describe('deleting what an advertisement needs', () => {
  it('refuses to delete an advertised package or a targeted collection (or its parent), naming the advertisements, and deletes nothing', async () => {
    const sub = value(await core.client['collections:create']({ name: 'Pilot laptops', parentCollectionId: 'A0100010' }));
    const advertisement = await create({ collectionId: sub.collectionId });
    const pkg = refusal(await core.client['packages:delete']({ packageId: 'A0100001' }));
    expect(pkg).toMatchObject({ code: 'CONFLICT', field: 'packageId' });
    expect(pkg?.message).toContain(`advertised by ${advertisement.advertisementId} (Office to pilot)`);
    const parent = refusal(await core.client['collections:delete']({ collectionId: 'A0100010' }));
    expect(parent).toMatchObject({ code: 'CONFLICT', field: 'deleteAdvertisements' });
    expect(parent?.message).toContain(`${advertisement.advertisementId} (Office to pilot) targets ${sub.collectionId}`);
    // The refusal names the way to delete them with it.
    expect(parent?.message).toContain('--with-advertisements');
    expect(value(await core.client['packages:get']({ packageId: 'A0100001' })).name).toBe('Office');
    expect(value(await core.client['collections:list']({})).map((c) => c.collectionId)).toContain(sub.collectionId);

    value(await core.client['advertisements:delete']({ advertisementId: advertisement.advertisementId }));
    value(await core.client['collections:delete']({ collectionId: 'A0100010' }));
    value(await core.client['packages:delete']({ packageId: 'A0100001' }));
  });
});

describe('deleting a collection with its advertisements', () => {
  it('deletes the advertisements of it and its subcollections in the same transaction, each with its .OFN wake-up, only when asked', async () => {
    const sub = value(await core.client['collections:create']({ name: 'Pilot laptops', parentCollectionId: 'A0100010' }));
    const other = value(await core.client['collections:create']({ name: 'Elsewhere' }));
    const onParent = await create({ advertisementName: 'Office to pilot' });
    const onSub = await create({ advertisementName: 'Office to laptops', collectionId: sub.collectionId, programName: 'No user' });
    const kept = await create({ advertisementName: 'Office elsewhere', collectionId: other.collectionId });

    expect(refusal(await core.client['collections:delete']({ collectionId: 'A0100010', deleteAdvertisements: false }))).toMatchObject({ code: 'CONFLICT' });
    expect(value(await core.client['advertisements:list']({})).map((a) => a.advertisementId)).toEqual([onParent.advertisementId, onSub.advertisementId, kept.advertisementId]);

    const deleted = value(await core.client['collections:delete']({ collectionId: 'A0100010', deleteAdvertisements: true }));
    expect(deleted.deleted.map((c) => c.collectionId)).toEqual(['A0100010', sub.collectionId]);
    expect(deleted.deletedAdvertisements).toEqual([
      { advertisementId: onSub.advertisementId, name: 'Office to laptops', collectionId: sub.collectionId },
      { advertisementId: onParent.advertisementId, name: 'Office to pilot', collectionId: 'A0100010' },
    ]);
    expect(value(await core.client['advertisements:list']({})).map((a) => a.advertisementId)).toEqual([kept.advertisementId]);
    const wakeUps = offerOutbox().filter((row) => row.body.startsWith('deleted'));
    expect(wakeUps.map((row) => row.fileName).sort()).toEqual([`${onParent.advertisementId}.OFN`, `${onSub.advertisementId}.OFN`].sort());
    expect(ofnFiles()).toEqual(expect.arrayContaining([`${onParent.advertisementId}.OFN`, `${onSub.advertisementId}.OFN`]));
  });

  it('deletes nothing, advertisements included, when the collection cannot go for another reason', async () => {
    const advertisement = await create({});
    value(await core.client['collections:create']({ name: 'Narrow', limitToCollectionId: 'A0100010' }));
    expect(refusal(await core.client['collections:delete']({ collectionId: 'A0100010', deleteAdvertisements: true }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/limited to/) });
    expect(value(await core.client['advertisements:get']({ advertisementId: advertisement.advertisementId })).advertisementName).toBe('Office to pilot');
  });
});

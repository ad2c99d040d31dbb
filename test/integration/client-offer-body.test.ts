import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewOf } from '../../client/agent/policy-view';
import { evaluateAdvertisement } from '../../client/policy/evaluate';
import { OfferBodyError, parseOfferBody } from '../../client/policy/offer-body-schema';
import { createCore, type Core } from '../../core';
import { offerBodyOf, offerBodyText } from '../../core/components/offermgr/offer-body';
import { openDatabase } from '../../core/db/connection';
import { AdvertisementRepository } from '../../core/db/repositories/advertisement-repository';
import { ClientAgentRepository } from '../../core/db/repositories/client-agent-repository';
import { PackageRepository } from '../../core/db/repositories/package-repository';
import { ProgramRepository } from '../../core/db/repositories/program-repository';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { value } from '../helpers/api-result';
import { at, context } from '../helpers/client-policy';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The bodies Offer Manager stores and the management point serves, made by the site's own code
// from advertisements created through the contract, then read by the agent's schema.

let temp: TempDir;
let core: Core;
/** Advertisement ID → the body's JSON text, as the management point serves it. */
const served = new Map<string, string>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  temp = makeTempDir('courier-client-body-');
  const site = join(temp.path, 'site');
  core = createCore({ dataDir: site });
  const c = core.client;
  value(await c['client-agents:set']({ agent: 'advertised-programs', changes: { countdownMinutes: 15, reminderWithin1HourMinutes: 10 } }));
  const viewer = value(
    await c['packages:create']({ name: 'Viewer', version: '2.1', publisher: 'Contoso', mifMatching: 'customFields', mifFileName: 'VIEWER21', mifName: 'Contoso Viewer', mifPublisher: 'Contoso Ltd', mifVersion: '2.1.0' }),
  ).packageId;
  const patch = value(await c['packages:create']({ name: 'Patch' })).packageId;
  const phone = value(await c['packages:create']({ name: 'Phone tools' })).packageId;
  value(await c['programs:create']({ packageId: patch, program: { name: 'KB1', commandLine: 'kb1.exe /q', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
  value(await c['programs:create']({ packageId: viewer, program: { name: 'Per user', commandLine: 'viewer.exe /user', assignment: 'oncePerUser', maximumRunTime: 30 } }));
  value(
    await c['programs:create']({
      packageId: viewer,
      program: {
        name: 'Machine',
        commandLine: 'msiexec /i viewer.msi /q',
        canRunWhen: 'noUserLoggedOn',
        runMode: 'adminRights',
        anyPlatform: false,
        platforms: ['winxp-x86', 'win7-x64'],
        runFirst: { packageId: patch, programName: 'KB1' },
        alwaysRunDependent: true,
        afterRunning: 'configMgrRestarts',
      },
    }),
  );
  value(await c['programs:create-device']({ packageId: phone, program: { name: 'Phone', commandLine: 'phone.cab' } }));
  const daily = encodeScheduleToken({ type: 'interval', start: '2026-12-01T22:00', daySpan: 1 });
  const once = encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-05T10:00', isGmt: true });
  const advertise = async (name: string, packageId: string, programName: string, more: Record<string, unknown> = {}) =>
    value(await c['advertisements:create']({ advertisementName: name, packageId, programName, collectionId: 'SMS00001', presentTime: '2026-12-01T08:00', ...more })).advertisementId;
  ids.optional = await advertise('Optional per user', viewer, 'Per user');
  ids.recurring = await advertise('Nightly, from the DP', viewer, 'Machine', {
    assignedSchedule: daily,
    atLogoff: true,
    fastNetwork: 'runFromDp',
    rerun: 'always',
    ignoreMaintenanceWindows: true,
    expirationTimeEnabled: true,
    expirationTime: '2027-01-01T00:00',
    expirationTimeIsGmt: true,
  });
  ids.asap = await advertise('As soon as possible', viewer, 'Per user', { asSoonAsPossible: true, atLogon: true, allowUsersToRunIndependently: false, displayReminders: true, mandatoryCountdownMinutes: 30 });
  ids.device = await advertise('To phones', phone, 'Phone', { assignedSchedule: once });

  const db = openDatabase(join(site, 'courier.db'));
  try {
    const ads = new AdvertisementRepository(db);
    const programs = new ProgramRepository(db);
    const packages = new PackageRepository(db);
    const agent = new ClientAgentRepository(db).advertisedPrograms();
    for (const ad of ads.list()) {
      const program = programs.get(ad.packageId, ad.programName);
      const pkg = packages.get(ad.packageId);
      if (program === null || pkg === null) throw new Error(`no program or package for ${ad.advertisementId}`);
      served.set(ad.advertisementId, offerBodyText(offerBodyOf(ad, program, pkg, agent)));
    }
  } finally {
    db.close();
  }
});
afterAll(() => {
  core.close();
  temp.remove();
});

const bodyOf = (key: string) => JSON.parse(served.get(ids[key] ?? '') ?? 'null') as Record<string, Record<string, unknown>>;

function refusal(mangle: (body: Record<string, Record<string, unknown>>) => unknown, key = 'recurring'): OfferBodyError {
  const body = bodyOf(key);
  const input = mangle(body) ?? body;
  try {
    parseOfferBody(input);
  } catch (error) {
    if (error instanceof OfferBodyError) return error;
    throw error;
  }
  throw new Error('the mangled body was accepted');
}

describe("the agent's offer body schema against the site's bodies", () => {
  it('accepts the body of each advertisement as the site writes it', () => {
    expect(served.size).toBe(4);
    for (const key of ['optional', 'recurring', 'asap', 'device']) {
      const body = parseOfferBody(bodyOf(key));
      expect(body.advertisement.advertisementId).toBe(ids[key]);
    }
    const recurring = parseOfferBody(bodyOf('recurring'));
    expect(recurring.program).toMatchObject({ kind: 'computer', name: 'Machine', anyPlatform: false, platforms: ['winxp-x86', 'win7-x64'], alwaysRunDependent: true, canRunWhen: 'noUserLoggedOn' });
    expect(recurring.program.kind === 'computer' && recurring.program.runFirst?.programName).toBe('KB1');
    expect(recurring.advertisement).toMatchObject({ repeatRunBehavior: 'RerunAlways', expirationTime: '2027-01-01T00:00' });
    expect(recurring.advertisement.assignedSchedule).toHaveLength(16);
    expect(recurring.clientAgent).toMatchObject({ countdownMinutes: 15, reminderWithin1HourMinutes: 10, reminderOver24HoursHours: 48 });
    expect(parseOfferBody(bodyOf('asap')).advertisement.mandatoryCountdownMinutes).toBe(30);
    expect(parseOfferBody(bodyOf('device')).program.kind).toBe('device');
  });

  it("carries the package's status MIF reporting settings to the agent, which matches on them only when the package says to", () => {
    const viewer = parseOfferBody(bodyOf('asap'));
    expect(viewer.package).toMatchObject({ mifMatching: 'customFields', mifFileName: 'VIEWER21', mifName: 'Contoso Viewer', mifPublisher: 'Contoso Ltd', mifVersion: '2.1.0' });
    const stored = (key: string) => ({ machine: { version: 1, receivedAt: '2026-12-01T00:00:00.000Z', bodies: [bodyOf(key)], maintenanceWindows: [] }, user: null, advertisements: {} });
    expect(viewOf(stored('asap')).advertisements[0]?.mifPackage).toEqual({ name: 'Viewer', manufacturer: 'Contoso', version: '2.1', mifFileName: 'VIEWER21', mifName: 'Contoso Viewer', mifPublisher: 'Contoso Ltd', mifVersion: '2.1.0' });
    const device = parseOfferBody(bodyOf('device'));
    expect(device.package).toMatchObject({ mifMatching: 'packageProperties', mifFileName: '', mifName: '' });
  });

  it('evaluates a real body: the device program does not apply to a computer, the ASAP one runs for the user logged on', () => {
    // A day after the start, which is local time: available in every time zone.
    const now = at('2026-12-02T12:00:00Z');
    expect(evaluateAdvertisement(parseOfferBody(bodyOf('device')), context({ now })).kind).toBe('notApplicable');
    const asap = evaluateAdvertisement(parseOfferBody(bodyOf('asap')), context({ now, session: { kind: 'user', user: 'CONTOSO\\ann' } }));
    expect(asap).toMatchObject({ kind: 'run', forUser: 'CONTOSO\\ann', assignment: { kind: 'asSoonAsPossible' } });
    expect(evaluateAdvertisement(parseOfferBody(bodyOf('optional')), context({ now })).kind).toBe('available');
  });

  it('tolerates fields it does not know, at the top and inside, as a newer site may send', () => {
    const body = bodyOf('optional');
    const newer = { ...body, deliveryOptimization: { peers: true }, advertisement: { ...body.advertisement, offerType: 2 }, program: { ...body.program, uninstallKey: 'X' } };
    expect(parseOfferBody(newer).advertisement.advertisementId).toBe(ids.optional);
  });

  it('refuses a mangled body by the field', () => {
    const cases: [string, (b: Record<string, Record<string, unknown>>) => unknown, RegExp][] = [
      ['format', (b) => ({ ...b, format: 'courier-offer' }), /not a Courier offer body/],
      ['formatVersion', (b) => ({ ...b, formatVersion: 2 }), /formatVersion 1 only/],
      ['advertisement.presentTime', (b) => void delete b.advertisement!.presentTime, /time is required|expected string/i],
      ['advertisement.presentTime', (b) => void (b.advertisement!.presentTime = '2026-02-30T08:00'), /The day must be 1–28/],
      ['advertisement.expirationTime', (b) => void (b.advertisement!.expirationTime = 'tomorrow'), /A time looks like/],
      ['advertisement.advertFlags', (b) => void (b.advertisement!.advertFlags = -1), /unsigned 32-bit/],
      ['advertisement.timeFlags', (b) => void (b.advertisement!.timeFlags = 2 ** 32), /unsigned 32-bit/],
      ['advertisement.remoteClientFlags', (b) => void (b.advertisement!.remoteClientFlags = '4144'), /is a number/],
      ['advertisement.assignedSchedule', (b) => void (b.advertisement!.assignedSchedule = 'NOT A TOKEN'), /schedule tokens of 16 hex digits/],
      // Hex digits, but type code 0: no schedule the suite writes.
      ['advertisement.assignedSchedule', (b) => void (b.advertisement!.assignedSchedule = `${String(b.advertisement!.assignedSchedule)}0000000000000000`), /Schedule 2 of AssignedSchedule is refused: .*type code 0/],
      ['advertisement.assignedSchedule', (b) => void (b.advertisement!.assignedSchedule = '0123456789ABCDEF'.repeat(16)), /at most 15 assigned schedules/],
      ['advertisement.repeatRunBehavior', (b) => void (b.advertisement!.repeatRunBehavior = 'RerunSometimes'), /one of RerunNever/],
      ['advertisement.mandatoryCountdownMinutes', (b) => void (b.advertisement!.mandatoryCountdownMinutes = 1441), /from 0 to 1440/],
      ['advertisement.name', (b) => void (b.advertisement!.name = 'Viewer\r\nInjected line'), /control character/],
      ['advertisement.advertisementId', (b) => void (b.advertisement!.advertisementId = '../etc/x'), /site code followed by five hex digits/],
      ['program.kind', (b) => void (b.program!.kind = 'phone'), /computer or device/],
      ['program.canRunWhen', (b) => void (b.program!.canRunWhen = 'always'), /one of userLoggedOn/],
      ['program.maximumRunTime', (b) => void (b.program!.maximumRunTime = 721), /from 1 to 720/],
      ['program.platforms', (b) => void (b.program!.platforms = 'winxp-x86'), /is a list/],
      ['program.runFirst.packageId', (b) => void (b.program!.runFirst = { packageId: 'nope', programName: 'KB1' }), /package ID/],
      ['program.packageId', (b) => void (b.program!.packageId = 'A01FFFFF'), /The program is of package A01FFFFF/],
      // The suite's number and the settings must agree: the agent could not tell which one is meant.
      ['program.programFlags', (b) => void (b.program!.programFlags = Number(b.program!.programFlags) ^ 0x1000), /^ProgramFlags has DISABLED, but disabled is not set\.$/],
      ['program.programFlags', (b) => void (b.program!.canRunWhen = 'userLoggedOn'), /^ProgramFlags lacks USERCONTEXT, but canRunWhen userLoggedOn is set\.$/],
      ['program.runMode', (b) => void Object.assign(b.program!, { runMode: 'userRights', programFlags: Number(b.program!.programFlags) & ~0x8000 }), /user's rights only when it runs only when a user is logged on/],
      ['package.packageId', (b) => void (b.package!.packageId = 'A01FFFFF'), /The package is A01FFFFF/],
      ['program.name', (b) => void (b.program!.name = 'Another'), /The program is "Another"/],
      ['package.sourceVersion', (b) => void (b.package!.sourceVersion = 1.5), /whole number/],
      ['package.mifMatching', (b) => void (b.package!.mifMatching = 'always'), /one of packageProperties, customFields/],
      ['package.mifName', (b) => void (b.package!.mifName = 'Viewer\u001b[2J'), /control character/],
      ['package.mifFileName', (b) => void (b.package!.mifFileName = 'x'.repeat(51)), /at most 50 characters/],
      ['clientAgent.countdownMinutes', (b) => void (b.clientAgent!.countdownMinutes = 0), /from 1 to 1440/],
      ['clientAgent.reminderWithin24HoursHours', (b) => void (b.clientAgent!.reminderWithin24HoursHours = 25), /from 1 to 24/],
      ['clientAgent.enabled', (b) => void (b.clientAgent!.enabled = 'yes'), /true or false/],
      ['advertisement.name', (b) => void (b.advertisement!.name = 'x'.repeat(1_000_000)), /at most 100 characters/],
    ];
    for (const [field, mangle, message] of cases) {
      const error = refusal(mangle);
      expect(error.field, `${field}: ${error.message}`).toBe(field);
      expect(error.reason, field).toMatch(message);
      expect(error.message).toContain(`at ${field}:`);
    }
  });

  it('refuses what is not a body at all', () => {
    for (const input of [null, 'courier-offer-body', 42, []]) {
      expect(() => parseOfferBody(input)).toThrow(OfferBodyError);
    }
    expect(() => parseOfferBody(null)).toThrow('The offer body is refused: An offer body is a JSON object.');
  });
});

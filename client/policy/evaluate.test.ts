import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { at, context, everyTwoDays, offerBody, otherProgram, weeknights } from '../../test/helpers/client-policy';
import type { ClientMaintenanceWindow, ProgramRun } from './context';
import { evaluateAdvertisement, type Decision } from './evaluate';

// Local times are read in the client's zone: one with an offset from UTC (UTC+1 in winter), so
// a local time and a UTC one with the same text are an hour apart.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

const run = (iso: string, result: ProgramRun['result'] = 'success', more: Partial<ProgramRun> = {}): ProgramRun => ({
  advertisementId: 'A0120000',
  packageId: 'A0100001',
  programName: 'Install',
  user: null,
  at: at(iso),
  result,
  ...more,
});

function expectKind<K extends Decision['kind']>(decision: Decision, kind: K): Extract<Decision, { kind: K }> {
  expect(decision.kind, decision.reason).toBe(kind);
  return decision as Extract<Decision, { kind: K }>;
}

const asap = { mandatory: { asSoonAsPossible: true } };
const onSchedule = { mandatory: { onSchedule: true } };
const weeknightWindows: ClientMaintenanceWindow[] = (weeknights.match(/.{16}/g) ?? []).map((token, i) => ({ collectionId: 'A0100020', name: `Night ${i + 1}`, token }));

describe('whether the advertisement applies to this client', () => {
  it('rejects a program for other platforms with status 10018 and names them', () => {
    const body = offerBody({ program: { anyPlatform: false, platforms: ['winxp-x86', 'vista-x86'] } });
    const decision = expectKind(evaluateAdvertisement(body, context()), 'notApplicable');
    expect(decision.messageId).toBe(10018);
    expect(decision.reason).toBe('The program runs only on All x86 Windows XP, All x86 Windows Vista; this client is Win NT 6.1.7601 on x64.');
    expect(decision.nextEvaluation).toBeNull();
  });

  it('reads the version Windows reports (5.1.2600) as the platform table writes it (5.10)', () => {
    const body = offerBody({ program: { anyPlatform: false, platforms: ['winxp-x86'] } });
    const xp = context({ machine: { platform: 'I386', osName: 'Win NT', osVersion: '5.1.2600' } });
    expect(evaluateAdvertisement(body, xp).kind).toBe('available');
    // Same version, other processor: x64 XP is its own row.
    expect(evaluateAdvertisement(body, { ...xp, machine: { ...xp.machine, platform: 'x64' } }).kind).toBe('notApplicable');
    // Windows 7 (6.1) is after Vista's range 6.00.0000.0–6.00.9999.9999.
    const vista = offerBody({ program: { anyPlatform: false, platforms: ['vista-x64'] } });
    expect(evaluateAdvertisement(vista, context()).kind).toBe('notApplicable');
    expect(evaluateAdvertisement(vista, context({ machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.0.6002' } })).kind).toBe('available');
  });

  it('names a platform it does not know rather than dropping it, and refuses an OS version that is no version', () => {
    const body = offerBody({ program: { anyPlatform: false, platforms: ['win2030-arm'] } });
    expect(evaluateAdvertisement(body, context()).reason).toContain('win2030-arm (a platform this agent does not know)');
    const odd = context({ machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1\u0007' } });
    expect(evaluateAdvertisement(offerBody({ program: { anyPlatform: false, platforms: ['win7-x64'] } }), odd).reason).toMatch(/is not a dotted version number/);
  });

  it('does not run a disabled program, and nothing at all when the site turned software distribution off', () => {
    expectKind(evaluateAdvertisement(offerBody({ options: asap, program: { disabled: true } }), context()), 'programDisabled');
    expectKind(evaluateAdvertisement(offerBody({ options: asap, clientAgent: { enabled: false } }), context()), 'softwareDistributionDisabled');
  });
});

describe('available and expiry times', () => {
  it('reads a local start time in the client zone and a UTC one as UTC', () => {
    // 08:00 in Berlin is 07:00 UTC.
    const local = offerBody({ advertisement: { presentTime: '2026-12-02T08:00' } });
    const early = expectKind(evaluateAdvertisement(local, context({ now: at('2026-12-02T06:59:00Z') })), 'notYetAvailable');
    expect(early.availableAt.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(early.nextEvaluation?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(evaluateAdvertisement(local, context({ now: at('2026-12-02T07:00:00Z') })).kind).toBe('available');
    const gmt = offerBody({ advertisement: { presentTime: '2026-12-02T08:00' }, options: { present: { enabled: true, isGmt: true } } });
    expect(evaluateAdvertisement(gmt, context({ now: at('2026-12-02T07:30:00Z') })).kind).toBe('notYetAvailable');
    expect(evaluateAdvertisement(gmt, context({ now: at('2026-12-02T08:00:00Z') })).kind).toBe('available');
  });

  it('has no start gate when no start time is set', () => {
    const body = offerBody({ advertisement: { presentTime: '2030-01-01T00:00' }, options: { present: { enabled: false, isGmt: false } } });
    expect(evaluateAdvertisement(body, context()).kind).toBe('available');
  });

  it('expires at the expiry time, local or UTC, and an optional program is evaluated again then', () => {
    const local = offerBody({ advertisement: { expirationTime: '2026-12-03T18:00' }, options: { expiration: { enabled: true, isGmt: false } } });
    const open = expectKind(evaluateAdvertisement(local, context()), 'available');
    expect(open.nextEvaluation?.toISOString()).toBe('2026-12-03T17:00:00.000Z');
    const done = expectKind(evaluateAdvertisement(local, context({ now: at('2026-12-03T17:00:00Z') })), 'expired');
    expect(done.expiredAt.toISOString()).toBe('2026-12-03T17:00:00.000Z');
    const gmt = offerBody({ advertisement: { expirationTime: '2026-12-03T18:00' }, options: { expiration: { enabled: true, isGmt: true } } });
    expect(evaluateAdvertisement(gmt, context({ now: at('2026-12-03T17:30:00Z') })).kind).toBe('available');
    // An expiry time with ENABLE_EXPIRATION off does not expire.
    const off = offerBody({ advertisement: { expirationTime: '2026-12-01T09:00' } });
    expect(evaluateAdvertisement(off, context()).kind).toBe('available');
  });

  it('lists an optional program in Run Advertised Programs unless users may not run it on their own', () => {
    expect(expectKind(evaluateAdvertisement(offerBody(), context()), 'available')).toMatchObject({ listed: true, mandatory: false });
    const later = encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-05T10:00' });
    const hidden = offerBody({ options: { ...onSchedule, allowUsersToRunIndependently: false }, advertisement: { assignedSchedule: later } });
    expect(expectKind(evaluateAdvertisement(hidden, context()), 'scheduled').listed).toBe(false);
  });
});

describe('mandatory assignments', () => {
  const scheduled = (more: Parameters<typeof offerBody>[0] = {}) =>
    offerBody({
      ...more,
      options: { ...onSchedule, ...more.options },
      advertisement: { assignedSchedule: everyTwoDays, ...more.advertisement },
      program: { canRunWhen: 'whetherOrNot', runMode: 'adminRights', ...more.program },
    });

  // The schedule started in 2019: its latest occurrence before the advertisement came (30 November)
  // is due at once, as for a client that was off; this run covers it.
  const coveredNov30 = run('2026-12-01T07:30:00Z');

  it('runs the latest occurrence that came before the advertisement did, once it is available', () => {
    const first = expectKind(evaluateAdvertisement(scheduled(), context()), 'run');
    expect(first.assignment.occurrence.toISOString()).toBe('2026-11-30T00:04:00.000Z');
    expect(first.assignment.dueAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('runs a recurring schedule at each occurrence (every 2 days at 01:04 local) and names it', () => {
    const before = expectKind(evaluateAdvertisement(scheduled(), context({ history: [coveredNov30] })), 'scheduled');
    expect(before.assignment).toMatchObject({ kind: 'schedule', token: everyTwoDays });
    expect(before.assignment.dueAt.toISOString()).toBe('2026-12-02T00:04:00.000Z');
    expect(before.nextEvaluation?.toISOString()).toBe('2026-12-02T00:04:00.000Z');
    const due = expectKind(evaluateAdvertisement(scheduled(), context({ now: at('2026-12-02T00:04:00Z') })), 'run');
    expect(due.assignment.occurrence.toISOString()).toBe('2026-12-02T00:04:00.000Z');
    expect(due.reason).toBe('Run for the assignment scheduled for 2026-12-02T00:04:00.000Z, no maintenance window applies.');
    expect(due.nextEvaluation?.toISOString()).toBe('2026-12-02T00:04:00.000Z');
    // Once it ran, the next occurrence is two days later.
    const after = expectKind(evaluateAdvertisement(scheduled(), context({ now: at('2026-12-02T01:00:00Z'), history: [run('2026-12-02T00:05:00Z')] })), 'scheduled');
    expect(after.assignment.dueAt.toISOString()).toBe('2026-12-04T00:04:00.000Z');
  });

  it('runs a missed assignment once, for the latest occurrence, when the client comes back', () => {
    const body = scheduled({ advertisement: { repeatRunBehavior: 'RerunAlways' } });
    const back = expectKind(evaluateAdvertisement(body, context({ now: at('2026-12-07T09:00:00Z'), history: [run('2026-12-02T00:05:00Z')] })), 'run');
    expect(back.assignment.occurrence.toISOString()).toBe('2026-12-06T00:04:00.000Z');
  });

  it('holds an occurrence before the start time until the start', () => {
    // Due at 00:04 UTC on the 2nd, available only from 08:00 local (07:00 UTC).
    const body = scheduled({ advertisement: { presentTime: '2026-12-02T08:00' } });
    expect(evaluateAdvertisement(body, context({ now: at('2026-12-02T06:00:00Z') })).kind).toBe('notYetAvailable');
    const due = expectKind(evaluateAdvertisement(body, context({ now: at('2026-12-02T07:00:00Z') })), 'run');
    expect(due.assignment.occurrence.toISOString()).toBe('2026-12-02T00:04:00.000Z');
    expect(due.assignment.dueAt.toISOString()).toBe('2026-12-02T07:00:00.000Z');
  });

  it('reads a UTC assignment token in UTC', () => {
    const token = encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-05T10:00', isGmt: true });
    const body = offerBody({ options: onSchedule, advertisement: { assignedSchedule: token } });
    expect(expectKind(evaluateAdvertisement(body, context()), 'scheduled').assignment.dueAt.toISOString()).toBe('2026-12-05T10:00:00.000Z');
    // Past its single occurrence and run: nothing more is due; mandatory, so not "optional".
    const done = expectKind(evaluateAdvertisement(body, context({ now: at('2026-12-06T00:00:00Z'), history: [run('2026-12-05T10:01:00Z')] })), 'available');
    expect(done.mandatory).toBe(true);
    expect(done.nextEvaluation).toBeNull();
  });

  it('ignores tokens when the schedule bit (TimeFlags ENABLE_MANDATORY) is off, and occurrences after the expiry', () => {
    expect(evaluateAdvertisement(offerBody({ advertisement: { assignedSchedule: everyTwoDays } }), context()).kind).toBe('available');
    const expiring = scheduled({ advertisement: { expirationTime: '2026-12-02T00:30' }, options: { ...onSchedule, expiration: { enabled: true, isGmt: true } } });
    const last = expectKind(evaluateAdvertisement(expiring, context({ history: [coveredNov30] })), 'scheduled');
    expect(last.assignment.dueAt.toISOString()).toBe('2026-12-02T00:04:00.000Z');
    // After it ran there is no occurrence before the expiry: the next evaluation is the expiry.
    const after = expectKind(evaluateAdvertisement(expiring, context({ now: at('2026-12-02T00:10:00Z'), history: [run('2026-12-02T00:05:00Z')] })), 'available');
    expect(after.nextEvaluation?.toISOString()).toBe('2026-12-02T00:30:00.000Z');
  });

  it('runs as soon as possible once received, then not again', () => {
    const body = offerBody({ options: { ...asap, allowUsersToRunIndependently: false } });
    const due = expectKind(evaluateAdvertisement(body, context({ session: { kind: 'user', user: 'CONTOSO\\ann' } })), 'run');
    expect(due.assignment).toMatchObject({ kind: 'asSoonAsPossible' });
    expect(due.assignment.dueAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    const after = expectKind(evaluateAdvertisement(body, context({ session: { kind: 'user', user: 'CONTOSO\\ann' }, history: [run('2026-12-01T12:01:00Z')] })), 'available');
    expect(after).toMatchObject({ listed: false, mandatory: true });
  });

  it('runs at logon for the next logon after the advertisement came, not an earlier one', () => {
    const body = offerBody({ options: { mandatory: { atLogon: true } } });
    const ann = { kind: 'user', user: 'CONTOSO\\ann' } as const;
    const early = expectKind(evaluateAdvertisement(body, context({ session: ann, events: [{ kind: 'logon', at: at('2026-12-01T06:00:00Z'), user: 'CONTOSO\\ann' }] })), 'available');
    expect(early.reason).toBe('No assignment has come and none is scheduled: one at logon, at logoff or at start-up waits for its event.');
    const due = expectKind(evaluateAdvertisement(body, context({ session: ann, events: [{ kind: 'logon', at: at('2026-12-01T11:00:00Z'), user: 'CONTOSO\\ann' }] })), 'run');
    expect(due.reason).toBe('Run for the assignment at logon (CONTOSO\\ann logged on at 2026-12-01T11:00:00.000Z), no maintenance window applies.');
  });

  it('runs at logoff a program that needs nobody logged on, and waits while someone is', () => {
    const body = offerBody({ options: { mandatory: { atLogoff: true } }, program: { canRunWhen: 'noUserLoggedOn', runMode: 'adminRights' } });
    const events = [{ kind: 'logoff', at: at('2026-12-01T11:00:00Z'), user: 'CONTOSO\\ann' }] as const;
    expectKind(evaluateAdvertisement(body, context({ events: [...events] })), 'run');
    const waiting = expectKind(evaluateAdvertisement(body, context({ events: [...events], session: { kind: 'user', user: 'CONTOSO\\bob' } })), 'waiting');
    expect(waiting.needs).toBe('noUser');
    expect(waiting.reason).toBe('Install runs only when no user is logged on; CONTOSO\\bob is.');
  });

  it('runs at system start-up when an older advertisement carries ONSYSTEMSTARTUP', () => {
    const body = offerBody({ options: { otherBits: { advertFlags: 0x100, remoteClientFlags: 0, timeFlags: 0 } }, program: { canRunWhen: 'whetherOrNot', runMode: 'adminRights' } });
    expect(evaluateAdvertisement(body, context()).kind).toBe('available');
    expectKind(evaluateAdvertisement(body, context({ events: [{ kind: 'startup', at: at('2026-12-01T11:30:00Z') }] })), 'run');
  });

  it("waits for a user when the program needs one (only when a user is logged on, or the user's rights)", () => {
    const waiting = expectKind(evaluateAdvertisement(offerBody({ options: asap }), context()), 'waiting');
    expect(waiting).toMatchObject({ needs: 'user', reason: "Install runs only when a user is logged on, with the user's rights; nobody is logged on." });
    // Whether or not a user is logged on, with administrative rights: runs either way.
    const either = offerBody({ options: asap, program: { canRunWhen: 'whetherOrNot', runMode: 'adminRights' } });
    expectKind(evaluateAdvertisement(either, context()), 'run');
    expectKind(evaluateAdvertisement(either, context({ session: { kind: 'user', user: 'CONTOSO\\ann' } })), 'run');
  });
});

describe('rerun behaviour against this machine’s history', () => {
  const body = (repeatRunBehavior: 'RerunNever' | 'RerunAlways' | 'RerunIfFail' | 'RerunIfSuccess') =>
    offerBody({ options: onSchedule, advertisement: { assignedSchedule: everyTwoDays, repeatRunBehavior }, program: { canRunWhen: 'whetherOrNot', runMode: 'adminRights' } });
  const secondOccurrence = at('2026-12-04T00:04:00Z');
  const ranBefore = (result: ProgramRun['result']) => context({ now: secondOccurrence, history: [run('2026-12-02T00:05:00Z', result)] });

  it('never reruns a program that ran here, whatever its result', () => {
    const no = expectKind(evaluateAdvertisement(body('RerunNever'), ranBefore('failure')), 'wontRerun');
    expect(no.reason).toBe('The program ran here at 2026-12-02T00:05:00.000Z (failure) and the advertisement never reruns it.');
    // Evaluated again at the occurrence after.
    expect(no.nextEvaluation?.toISOString()).toBe('2026-12-06T00:04:00.000Z');
    expect(evaluateAdvertisement(body('RerunNever'), context({ now: secondOccurrence })).kind).toBe('run');
  });

  it('always reruns with RerunAlways', () => {
    expectKind(evaluateAdvertisement(body('RerunAlways'), ranBefore('success')), 'run');
    expectKind(evaluateAdvertisement(body('RerunAlways'), ranBefore('failure')), 'run');
  });

  it('reruns only after a failure with RerunIfFail, only after a success with RerunIfSuccess', () => {
    expectKind(evaluateAdvertisement(body('RerunIfFail'), ranBefore('failure')), 'run');
    expect(evaluateAdvertisement(body('RerunIfFail'), ranBefore('success')).reason).toBe('The program succeeded here at 2026-12-02T00:05:00.000Z and the advertisement reruns it only after a failure.');
    expectKind(evaluateAdvertisement(body('RerunIfSuccess'), ranBefore('success')), 'run');
    expectKind(evaluateAdvertisement(body('RerunIfSuccess'), ranBefore('failure')), 'wontRerun');
  });

  it('counts a run of the same program from another advertisement, and the latest run decides', () => {
    const elsewhere = context({ now: secondOccurrence, history: [run('2026-12-01T09:00:00Z', 'success', { advertisementId: 'A0120007', programName: 'INSTALL' })] });
    expectKind(evaluateAdvertisement(body('RerunNever'), elsewhere), 'wontRerun');
    const failedThenOk = context({ now: secondOccurrence, history: [run('2026-12-02T00:05:00Z', 'success'), run('2026-12-01T09:00:00Z', 'failure')] });
    expectKind(evaluateAdvertisement(body('RerunIfFail'), failedThenOk), 'wontRerun');
    // Another program of the package does not count.
    const other = context({ now: secondOccurrence, history: [run('2026-12-02T00:05:00Z', 'success', { programName: 'Uninstall' })] });
    expectKind(evaluateAdvertisement(body('RerunNever'), other), 'run');
  });
});

describe('run another program first', () => {
  const needsPatch = (more: Parameters<typeof offerBody>[0] = {}) =>
    offerBody({ ...more, options: asap, program: { canRunWhen: 'whetherOrNot', runMode: 'adminRights', runFirst: { packageId: 'A0100002', programName: 'Patch' }, ...more.program } });
  const patch = otherProgram('A0100002', 'Patch', { canRunWhen: 'whetherOrNot', runMode: 'adminRights', maximumRunTime: 30 });

  it('runs the program first once, and not after it succeeded here', () => {
    expect(expectKind(evaluateAdvertisement(needsPatch(), context({ programs: [patch] })), 'run').runFirst.map((p) => p.name)).toEqual(['Patch']);
    const patched = context({ programs: [patch], history: [run('2026-11-20T10:00:00Z', 'success', { advertisementId: 'A0120001', packageId: 'A0100002', programName: 'Patch' })] });
    expect(expectKind(evaluateAdvertisement(needsPatch(), patched), 'run').runFirst).toEqual([]);
    // A failed earlier run of it does not count.
    const failed = context({ programs: [patch], history: [run('2026-11-20T10:00:00Z', 'failure', { packageId: 'A0100002', programName: 'Patch' })] });
    expect(expectKind(evaluateAdvertisement(needsPatch(), failed), 'run').runFirst).toHaveLength(1);
    // "Always run this program first" runs it every time.
    const always = needsPatch({ program: { runFirst: { packageId: 'A0100002', programName: 'Patch' }, alwaysRunDependent: true } });
    expect(expectKind(evaluateAdvertisement(always, patched), 'run').runFirst.map((p) => p.name)).toEqual(['Patch']);
  });

  it('follows a chain deepest first, and fails on a missing, disabled or looping program with the reason', () => {
    const base = otherProgram('A0100003', 'Runtime', { canRunWhen: 'whetherOrNot', runMode: 'adminRights' });
    const patchNeedsRuntime = { ...patch, runFirst: { packageId: 'A0100003', programName: 'Runtime' } };
    expect(expectKind(evaluateAdvertisement(needsPatch(), context({ programs: [patchNeedsRuntime, base] })), 'run').runFirst.map((p) => p.name)).toEqual(['Runtime', 'Patch']);

    const missing = expectKind(evaluateAdvertisement(needsPatch(), context()), 'chainFailed');
    expect(missing.missing).toEqual({ packageId: 'A0100002', programName: 'Patch' });
    expect(missing.reason).toBe("The program to run first, A0100002;;Patch, is not in this client's policy.");
    expect(evaluateAdvertisement(needsPatch(), context({ programs: [{ ...patch, disabled: true }] })).reason).toBe('The program to run first, A0100002;;Patch, is disabled.');
    const loop = { ...patch, runFirst: { packageId: 'A0100001', programName: 'install' } };
    expect(evaluateAdvertisement(needsPatch(), context({ programs: [loop] })).reason).toBe('The programs to run first go round in a loop at A0100001;;install.');
    const xpOnly = { ...patch, anyPlatform: false, platforms: ['winxp-x86'] };
    expect(evaluateAdvertisement(needsPatch(), context({ programs: [xpOnly] })).reason).toMatch(/^The program to run first, A0100002;;Patch, cannot run here: The program runs only on All x86 Windows XP/);
  });

  it('waits when a program of the chain needs a user and nobody is logged on', () => {
    const userPatch = { ...patch, canRunWhen: 'userLoggedOn' as const, runMode: 'userRights' as const };
    expect(expectKind(evaluateAdvertisement(needsPatch(), context({ programs: [userPatch] })), 'waiting').reason).toMatch(/^Patch runs only when a user is logged on/);
  });
});

describe('run once for every user who logs on', () => {
  const perUser = offerBody({ options: asap, program: { assignment: 'oncePerUser' } });
  const ann = { kind: 'user', user: 'CONTOSO\\ann' } as const;
  const bob = { kind: 'user', user: 'CONTOSO\\bob' } as const;
  const annRan = [run('2026-12-01T12:05:00Z', 'success', { user: 'contoso\\ANN' })];

  it('runs for each user who has not run it, and not again for one who has', () => {
    expect(expectKind(evaluateAdvertisement(perUser, context({ session: ann })), 'run').forUser).toBe('CONTOSO\\ann');
    expect(evaluateAdvertisement(perUser, context({ session: ann, history: annRan, now: at('2026-12-01T13:00:00Z') })).kind).toBe('available');
    expect(expectKind(evaluateAdvertisement(perUser, context({ session: bob, history: annRan, now: at('2026-12-01T13:00:00Z') })), 'run').forUser).toBe('CONTOSO\\bob');
  });

  it('waits for a user while nobody is logged on', () => {
    expect(expectKind(evaluateAdvertisement(perUser, context({ history: annRan })), 'waiting').reason).toBe('The program runs once for every user who logs on; nobody is logged on.');
  });

  it('applies the rerun behaviour to the runs of that user only', () => {
    const recurring = offerBody({ options: onSchedule, advertisement: { assignedSchedule: everyTwoDays, repeatRunBehavior: 'RerunNever' }, program: { assignment: 'oncePerUser' } });
    const history = [run('2026-12-02T00:05:00Z', 'success', { user: 'CONTOSO\\ann' })];
    const now = at('2026-12-04T08:00:00Z');
    expectKind(evaluateAdvertisement(recurring, context({ session: ann, history, now })), 'wontRerun');
    expectKind(evaluateAdvertisement(recurring, context({ session: bob, history, now })), 'run');
  });
});

describe('maintenance windows', () => {
  // Wednesday 2 December 2026; the windows open Monday to Friday at 22:00 local (21:00 UTC) for 7 hours.
  const noon = at('2026-12-02T11:00:00Z');
  const admin = { canRunWhen: 'whetherOrNot', runMode: 'adminRights', maximumRunTime: 60 } as const;
  const due = (options = {}, program = {}) => offerBody({ options: { ...asap, ...options }, program: { ...admin, ...program } });

  it('waits outside the windows until one opens that is long enough, then runs', () => {
    const blocked = expectKind(evaluateAdvertisement(due(), context({ now: noon, maintenanceWindows: weeknightWindows })), 'maintenanceWindow');
    expect(blocked.opensAt?.toISOString()).toBe('2026-12-02T21:00:00.000Z');
    expect(blocked.nextEvaluation?.toISOString()).toBe('2026-12-02T21:00:00.000Z');
    const inside = expectKind(evaluateAdvertisement(due(), context({ now: at('2026-12-02T22:00:00Z'), maintenanceWindows: weeknightWindows })), 'run');
    expect(inside.reason).toMatch(/inside a maintenance window\.$/);
    expect(inside.restart).toEqual({ kind: 'none' });
  });

  it('does not start a run that cannot end before the window closes', () => {
    // 03:30 UTC: the window closes at 04:00, 30 minutes left for a 60-minute program; Thursday night's is next.
    const late = expectKind(evaluateAdvertisement(due(), context({ now: at('2026-12-03T03:30:00Z'), maintenanceWindows: weeknightWindows })), 'maintenanceWindow');
    expect(late.opensAt?.toISOString()).toBe('2026-12-03T21:00:00.000Z');
    // Unknown maximum run time counts as 720 minutes: no 7-hour window is long enough.
    const unknown = expectKind(evaluateAdvertisement(due({}, { maximumRunTime: null }), context({ now: noon, maintenanceWindows: weeknightWindows })), 'maintenanceWindow');
    expect(unknown.opensAt).toBeNull();
    expect(unknown.reason).toBe('No maintenance window ahead is long enough for 720 minutes of maximum run time.');
  });

  it('counts the programs to run first in the time needed', () => {
    const patch = otherProgram('A0100002', 'Patch', { ...admin, maximumRunTime: 400 });
    const body = due({}, { runFirst: { packageId: 'A0100002', programName: 'Patch' } });
    // 400 + 60 minutes is more than 7 hours.
    expect(evaluateAdvertisement(body, context({ now: at('2026-12-02T21:00:00Z'), maintenanceWindows: weeknightWindows, programs: [patch] })).kind).toBe('maintenanceWindow');
  });

  it('joins windows of several collections that touch into one stretch, and reads a UTC window with its own duration', () => {
    const gmt = (start: string, durationMinutes: number): ClientMaintenanceWindow => ({
      collectionId: 'A0100021',
      name: start,
      token: encodeScheduleToken({ type: 'interval', start, daySpan: 1, isGmt: true }),
      durationMinutes,
    });
    // 12:00–12:40 and 12:40–13:30 UTC: 90 minutes in one stretch, enough for 60.
    const windows = [gmt('2026-12-01T12:40', 50), gmt('2026-12-01T12:00', 40)];
    expectKind(evaluateAdvertisement(due(), context({ now: at('2026-12-02T12:10:00Z'), maintenanceWindows: windows })), 'run');
    expect(evaluateAdvertisement(due(), context({ now: at('2026-12-02T12:10:00Z'), maintenanceWindows: windows.slice(1) })).kind).toBe('maintenanceWindow');
  });

  it('runs outside the windows when the advertisement ignores them; the restart waits for a window unless allowed outside', () => {
    const restarting = { afterRunning: 'configMgrRestarts' } as const;
    const ignoring = expectKind(evaluateAdvertisement(due({ ignoreMaintenanceWindows: true }, restarting), context({ now: noon, maintenanceWindows: weeknightWindows })), 'run');
    expect(ignoring.restart).toEqual({ kind: 'nextWindow', at: at('2026-12-02T21:00:00Z') });
    expect(ignoring.reason).toMatch(/the advertisement ignores maintenance windows\.$/);
    const free = expectKind(evaluateAdvertisement(due({ ignoreMaintenanceWindows: true, allowRestartOutsideMaintenanceWindows: true }, restarting), context({ now: noon, maintenanceWindows: weeknightWindows })), 'run');
    expect(free.restart).toEqual({ kind: 'anyTime' });
    // Inside a window: restart before it closes (05:00 local, 04:00 UTC), or at any time when allowed.
    const inside = context({ now: at('2026-12-02T22:00:00Z'), maintenanceWindows: weeknightWindows });
    expect(expectKind(evaluateAdvertisement(due({}, restarting), inside), 'run').restart).toEqual({ kind: 'withinWindow', by: at('2026-12-03T04:00:00Z') });
    expect(expectKind(evaluateAdvertisement(due({ allowRestartOutsideMaintenanceWindows: true }, { afterRunning: 'programRestarts' }), inside), 'run').restart).toEqual({ kind: 'anyTime' });
    // No windows at all: any time.
    expect(expectKind(evaluateAdvertisement(due({}, restarting), context({ now: noon })), 'run').restart).toEqual({ kind: 'anyTime' });
  });
});

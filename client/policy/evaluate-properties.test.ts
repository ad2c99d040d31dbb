import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunWhenModes } from '../../core/api';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { at, context, everyTwoDays, offerBody, otherProgram, weeknights, type BodyParts } from '../../test/helpers/client-policy';
import { seededRandom } from '../../test/helpers/seeded-random';
import { advertisementWindowOf } from './advertisement-times';
import type { AgentEvent, ClientMaintenanceWindow, EvaluationContext, ProgramRun } from './context';
import { evaluateAdvertisement } from './evaluate';
import { windowFit } from './maintenance-window-fit';

// Generated advertisements and machines, checked against what every decision must respect.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

const start = 20261203;
const cases = 400;
const hour = 3_600_000;
const base = at('2026-11-28T00:00:00Z').getTime();

const tokens = [
  everyTwoDays,
  encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-03T15:30', isGmt: true }),
  encodeScheduleToken({ type: 'weekly', start: '2026-11-01T09:00', day: 5 }),
  encodeScheduleToken({ type: 'interval', start: '2026-11-30T00:00', hourSpan: 6 }),
];
const windows: ClientMaintenanceWindow[] = (weeknights.match(/.{16}/g) ?? []).map((token, i) => ({ collectionId: 'A0100020', name: `Night ${i}`, token }));
const noonWindow: ClientMaintenanceWindow = { collectionId: 'A0100021', name: 'Noon', token: encodeScheduleToken({ type: 'interval', start: '2026-11-01T11:00', daySpan: 1, isGmt: true }), durationMinutes: 90 };
const users = ['CONTOSO\\ann', 'CONTOSO\\bob'];

function generate(r: ReturnType<typeof seededRandom>): { parts: BodyParts; context: EvaluationContext } {
  const coin = () => r.next() < 0.5;
  const pick = <T,>(items: readonly T[]): T => items[r.int(items.length)] as T;
  const time = (hours: number) => new Date(base + r.int(hours * 60) * 60_000);
  const wall = (d: Date) => d.toISOString().slice(0, 16);
  const canRunWhen = pick(canRunWhenModes);
  const userContext = canRunWhen === 'userLoggedOn';
  const scheduleCount = r.int(3);
  const present = time(24 * 6);
  const parts: BodyParts = {
    options: {
      mandatory: { asSoonAsPossible: coin(), atLogon: coin(), atLogoff: r.next() < 0.2, onSchedule: scheduleCount > 0, schedulesAreGmt: false },
      ignoreMaintenanceWindows: coin(),
      allowRestartOutsideMaintenanceWindows: coin(),
      allowUsersToRunIndependently: coin(),
      present: { enabled: r.next() < 0.8, isGmt: coin() },
      expiration: { enabled: coin(), isGmt: coin() },
    },
    advertisement: {
      presentTime: wall(present),
      expirationTime: wall(new Date(present.getTime() + (1 + r.int(24 * 8)) * hour)),
      assignedSchedule: Array.from({ length: scheduleCount }, () => pick(tokens)).join(''),
      repeatRunBehavior: pick(['RerunNever', 'RerunAlways', 'RerunIfFail', 'RerunIfSuccess'] as const),
    },
    program: {
      canRunWhen,
      runMode: userContext && coin() ? 'userRights' : 'adminRights',
      assignment: userContext && coin() ? 'oncePerUser' : 'oncePerComputer',
      maximumRunTime: pick([null, 15, 60, 120]),
      afterRunning: pick(['noAction', 'configMgrRestarts', 'programRestarts'] as const),
      runFirst: r.next() < 0.3 ? { packageId: 'A0100002', programName: 'Patch' } : null,
      anyPlatform: r.next() < 0.9,
    },
  };
  if (parts.program?.anyPlatform === false) Object.assign(parts.program, { platforms: [pick(['win7-x64', 'winxp-x86'])] });
  if (parts.program?.runFirst === null) Object.assign(parts.program, { alwaysRunDependent: false });
  else Object.assign(parts.program ?? {}, { alwaysRunDependent: coin() });
  const now = time(24 * 12);
  const history: ProgramRun[] = Array.from({ length: r.int(4) }, () => ({
    advertisementId: pick(['A0120000', 'A0120001']),
    packageId: pick(['A0100001', 'A0100002']),
    programName: pick(['Install', 'Patch']),
    user: coin() ? pick(users) : null,
    at: new Date(now.getTime() - r.int(24 * 10) * hour),
    result: coin() ? 'success' : 'failure',
  }));
  const events: AgentEvent[] = Array.from({ length: r.int(3) }, () => ({ kind: pick(['logon', 'logoff', 'startup'] as const), at: new Date(now.getTime() - r.int(48) * hour), user: pick(users) }));
  return {
    parts,
    context: context({
      now,
      receivedAt: time(24 * 8),
      session: coin() ? { kind: 'none' } : { kind: 'user', user: pick(users) },
      history,
      events,
      maintenanceWindows: pick([[], windows, [noonWindow], [...windows, noonWindow]]),
      programs: r.next() < 0.8 ? [otherProgram('A0100002', 'Patch', { canRunWhen: 'whetherOrNot', runMode: 'adminRights', maximumRunTime: 10 })] : [],
    }),
  };
}

describe('every decision, over generated advertisements and machines', () => {
  it(`holds to the rules (generator started at ${start}, ${cases} cases)`, () => {
    const r = seededRandom(start);
    const kinds = new Map<string, number>();
    for (let i = 0; i < cases; i++) {
      const { parts, context: ctx } = generate(r);
      const body = offerBody(parts);
      const label = `case ${i}`;
      const decision = evaluateAdvertisement(body, ctx);
      kinds.set(decision.kind, (kinds.get(decision.kind) ?? 0) + 1);
      // The same inputs give the same answer.
      expect(evaluateAdvertisement(body, ctx), label).toEqual(decision);
      expect(decision.reason.length, label).toBeGreaterThan(0);
      if (decision.nextEvaluation !== null) expect(decision.nextEvaluation.getTime(), label).toBeGreaterThanOrEqual(ctx.now.getTime());
      const { availableFrom, expiresAt } = advertisementWindowOf(body);
      if ('assignment' in decision) {
        if (decision.kind === 'scheduled') expect(decision.assignment.dueAt.getTime(), label).toBeGreaterThan(ctx.now.getTime());
        else expect(decision.assignment.dueAt.getTime(), label).toBeLessThanOrEqual(ctx.now.getTime());
        if (availableFrom !== null) expect(decision.assignment.dueAt.getTime(), label).toBeGreaterThanOrEqual(availableFrom.getTime());
        if (expiresAt !== null) expect(decision.assignment.dueAt.getTime(), label).toBeLessThan(expiresAt.getTime());
      }
      if (decision.kind !== 'run') continue;
      const program = body.program;
      if (program.kind !== 'computer') throw new Error(label);
      // Runs only in a session the whole chain accepts.
      for (const p of [...decision.runFirst, program]) {
        if (p.canRunWhen === 'noUserLoggedOn') expect(ctx.session.kind, label).toBe('none');
        if (p.canRunWhen === 'userLoggedOn') expect(ctx.session.kind, label).toBe('user');
      }
      // Inside a window long enough, unless the advertisement ignores them.
      if (!parts.options?.ignoreMaintenanceWindows) {
        const minutes = [...decision.runFirst, program].reduce((sum, p) => sum + (p.maximumRunTime ?? 720), 0);
        expect(['noWindows', 'open'], label).toContain(windowFit(ctx.maintenanceWindows, ctx.now, minutes).kind);
      }
      // Once the run is recorded (started now, or the moment it fell due), the same assignment is not run again.
      const startedAt = r.next() < 0.5 ? decision.assignment.dueAt : ctx.now;
      const ran: ProgramRun = { advertisementId: 'A0120000', packageId: 'A0100001', programName: 'Install', user: decision.forUser, at: startedAt, result: 'success' };
      const after = evaluateAdvertisement(body, { ...ctx, history: [...ctx.history, ran] });
      expect(after.kind === 'run' && after.assignment.dueAt.getTime() === decision.assignment.dueAt.getTime(), label).toBe(false);
    }
    // The generator reaches every kind of answer but those it does not set up.
    for (const kind of ['notApplicable', 'notYetAvailable', 'expired', 'available', 'scheduled', 'run', 'waiting', 'maintenanceWindow', 'wontRerun', 'chainFailed']) {
      expect(kinds.get(kind) ?? 0, `${kind} in ${JSON.stringify([...kinds])}`).toBeGreaterThan(0);
    }
  });
});

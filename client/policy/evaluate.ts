import { AdvertFlags, isMandatory } from '../../core/domain/advertisement-flags';
import { unknownRunMinutes } from '../../core/domain/maintenance-windows';
import { advertisementWindowOf, optionsOf } from './advertisement-times';
import { assignmentTimes, type Assignment } from './assignments';
import type { EvaluationContext, ProgramRun, Session } from './context';
import { nextWindowStart, windowFit } from './maintenance-window-fit';
import type { ClientComputerProgram, ClientOfferBody, ClientProgram } from './offer-body-schema';
import { platformProblem } from './platform-check';

/**
 * What the agent does with one advertisement now (docs/client-agent.md#policy-evaluation). The
 * evaluation is pure: the same body and context give the same decision, so the agent may
 * evaluate as often as it likes and acts only on what changed. `nextEvaluation` is when the
 * answer can change without a new event, policy or run (null: only those change it).
 */
export type Decision = { readonly nextEvaluation: Date | null; readonly reason: string } & (
  | { readonly kind: 'softwareDistributionDisabled' }
  /** Status message 10018: the advertisement is rejected, its program cannot run on this platform. */
  | { readonly kind: 'notApplicable'; readonly messageId: 10018 }
  | { readonly kind: 'programDisabled' }
  | { readonly kind: 'notYetAvailable'; readonly availableAt: Date }
  | { readonly kind: 'expired'; readonly expiredAt: Date }
  /** Nothing is due: `listed` says whether Run Advertised Programs shows it for the user to run. */
  | { readonly kind: 'available'; readonly listed: boolean; readonly mandatory: boolean }
  /** A mandatory assignment comes later; the user may run it before then when `listed`. */
  | { readonly kind: 'scheduled'; readonly assignment: Assignment; readonly listed: boolean }
  | {
      readonly kind: 'run';
      readonly assignment: Assignment;
      /** The programs to run first, in order, before this one. */
      readonly runFirst: readonly ClientComputerProgram[];
      /** The user the run is for: a program for every user runs for the one logged on. */
      readonly forUser: string | null;
      readonly restart: RestartRule;
    }
  | { readonly kind: 'waiting'; readonly assignment: Assignment; readonly needs: 'user' | 'noUser' }
  | { readonly kind: 'maintenanceWindow'; readonly assignment: Assignment; readonly opensAt: Date | null }
  | { readonly kind: 'wontRerun'; readonly assignment: Assignment; readonly lastRun: ProgramRun }
  /** The program to run first cannot be run: the assignment fails (its status is a failure). */
  | { readonly kind: 'chainFailed'; readonly assignment: Assignment; readonly missing: { readonly packageId: string; readonly programName: string } }
);

/**
 * When the computer may restart after the run, for a program that restarts it (the agent's
 * restart or the program's own): at any time, before the window it runs in closes, or in the
 * next window when the advertisement runs outside windows but may not restart outside them.
 */
export type RestartRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'anyTime' }
  | { readonly kind: 'withinWindow'; readonly by: Date }
  | { readonly kind: 'nextWindow'; readonly at: Date | null };

/** The suite takes a program of Unknown maximum run time as running up to 720 minutes. */

// IDs, program names and accounts compare in any case, as the suite and Windows compare them.
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameUser = (a: string | null, b: string | null) => (a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase());
const earliest = (...times: (Date | null | undefined)[]): Date | null =>
  times.filter((t): t is Date => t instanceof Date).reduce<Date | null>((min, t) => (min === null || t.getTime() < min.getTime() ? t : min), null);

/** The user a once-per-user program runs for; null for once per computer (its runs count whoever ran them). */
function runUserOf(program: ClientProgram, session: Session): string | null {
  return program.kind === 'computer' && program.assignment === 'oncePerUser' && session.kind === 'user' ? session.user : null;
}

/** This machine's runs of a program (from any advertisement), newest first; per user for a once-per-user program. */
function runsOf(history: readonly ProgramRun[], packageId: string, programName: string, user: string | null): ProgramRun[] {
  return history
    .filter((run) => sameName(run.packageId, packageId) && sameName(run.programName, programName) && (user === null || sameUser(run.user, user)))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Whether the rerun behaviour lets the program run again after `last`, and why not. */
function rerunRefusal(behavior: ClientOfferBody['advertisement']['repeatRunBehavior'], last: ProgramRun | undefined): string | null {
  if (last === undefined) return null;
  const when = last.at.toISOString();
  switch (behavior) {
    case 'RerunAlways':
      return null;
    case 'RerunNever':
      return `The program ran here at ${when} (${last.result}) and the advertisement never reruns it.`;
    case 'RerunIfFail':
      return last.result === 'failure' ? null : `The program succeeded here at ${when} and the advertisement reruns it only after a failure.`;
    case 'RerunIfSuccess':
      return last.result === 'success' ? null : `The program failed here at ${when} and the advertisement reruns it only after a success.`;
  }
}

type Chain = { ok: true; programs: ClientComputerProgram[] } | { ok: false; missing: { packageId: string; programName: string }; reason: string };

/**
 * "Run another program first": the programs to run before this one, deepest first. A program to
 * run first runs once: not when it has already succeeded here, unless the program that needs it
 * says "Always run this program first". Its own program to run first is looked at only when it
 * runs. A program this client's policy does not hold, one that is disabled, one that cannot
 * run on this platform, or a loop makes the chain fail.
 */
function chainOf(program: ClientProgram, context: EvaluationContext): Chain {
  const programs: ClientComputerProgram[] = [];
  const seen = new Set<string>();
  let current = program;
  for (;;) {
    if (current.kind !== 'computer' || current.runFirst === null) return { ok: true, programs: programs.reverse() };
    const ref = current.runFirst;
    const label = `${ref.packageId};;${ref.programName}`;
    const key = label.toLowerCase();
    if (seen.has(key) || (ref.packageId === program.packageId && sameName(ref.programName, program.name))) {
      return { ok: false, missing: ref, reason: `The programs to run first go round in a loop at ${label}.` };
    }
    seen.add(key);
    const found = context.programs.find((p) => sameName(p.packageId, ref.packageId) && sameName(p.name, ref.programName));
    if (found === undefined) return { ok: false, missing: ref, reason: `The program to run first, ${label}, is not in this client's policy.` };
    if (found.kind !== 'computer') return { ok: false, missing: ref, reason: `The program to run first, ${label}, is a program for devices.` };
    if (found.disabled) return { ok: false, missing: ref, reason: `The program to run first, ${label}, is disabled.` };
    const platform = platformProblem(found, context.machine);
    if (platform !== null) return { ok: false, missing: ref, reason: `The program to run first, ${label}, cannot run here: ${platform}` };
    const succeeded = runsOf(context.history, found.packageId, found.name, runUserOf(found, context.session)).some((run) => run.result === 'success');
    if (succeeded && !current.alwaysRunDependent) return { ok: true, programs: programs.reverse() };
    programs.push(found);
    current = found;
  }
}

/** What a program needs of the session: a user for user context, rights or once per user; nobody for "only when no user is logged on". */
function sessionNeed(program: ClientComputerProgram): 'user' | 'noUser' | null {
  if (program.canRunWhen === 'noUserLoggedOn') return 'noUser';
  if (program.canRunWhen === 'userLoggedOn' || program.runMode === 'userRights' || program.assignment === 'oncePerUser') return 'user';
  return null;
}

const restarts = (program: ClientComputerProgram) => program.afterRunning === 'configMgrRestarts' || program.afterRunning === 'programRestarts';

export function evaluateAdvertisement(body: ClientOfferBody, context: EvaluationContext): Decision {
  const { now } = context;
  const ad = body.advertisement;
  const program = body.program;
  if (!body.clientAgent.enabled) return { kind: 'softwareDistributionDisabled', nextEvaluation: null, reason: 'Software distribution to clients is disabled at the site.' };

  const platform = platformProblem(program, context.machine);
  if (platform !== null) return { kind: 'notApplicable', messageId: 10018, nextEvaluation: null, reason: platform };
  // Checked above: from here on the program is one for computers.
  if (program.kind !== 'computer') throw new Error('unreachable: a program for devices is not applicable here');
  if (program.disabled) return { kind: 'programDisabled', nextEvaluation: null, reason: `The program ${program.name} is disabled on clients where it is advertised.` };

  const options = optionsOf(body);
  const window = advertisementWindowOf(body, options);
  if (window.expiresAt !== null && now.getTime() >= window.expiresAt.getTime()) {
    return { kind: 'expired', expiredAt: window.expiresAt, nextEvaluation: null, reason: `The advertisement expired at ${window.expiresAt.toISOString()}.` };
  }
  if (window.availableFrom !== null && now.getTime() < window.availableFrom.getTime()) {
    return { kind: 'notYetAvailable', availableAt: window.availableFrom, nextEvaluation: window.availableFrom, reason: `The advertisement is available from ${window.availableFrom.toISOString()}.` };
  }

  const mandatory = isMandatory(options);
  const listed = (ad.advertFlags & AdvertFlags.NO_DISPLAY) === 0;
  const { latestDue, next } = assignmentTimes(body, options, window, context);
  // The next time the answer changes by itself: the next scheduled assignment or the expiry.
  const upcoming = earliest(next?.dueAt, window.expiresAt);

  const forUser = runUserOf(program, context.session);
  const pending =
    latestDue !== null &&
    !context.history.some(
      (run) => sameName(run.advertisementId, ad.advertisementId) && run.at.getTime() >= latestDue.dueAt.getTime() && (program.assignment !== 'oncePerUser' || sameUser(run.user, forUser)),
    );
  // A once-per-user program waits for a user before it can say whether that user still needs it.
  if (latestDue !== null && pending && program.assignment === 'oncePerUser' && context.session.kind !== 'user') {
    return { kind: 'waiting', assignment: latestDue, needs: 'user', nextEvaluation: upcoming, reason: 'The program runs once for every user who logs on; nobody is logged on.' };
  }

  if (latestDue === null || !pending) {
    if (next !== null) return { kind: 'scheduled', assignment: next, listed, nextEvaluation: upcoming, reason: `The next assignment is at ${next.dueAt.toISOString()} (${next.kind}).` };
    return {
      kind: 'available',
      listed,
      mandatory,
      nextEvaluation: window.expiresAt,
      reason: !mandatory
        ? 'The program is offered; the user may run it.'
        : latestDue === null
          ? 'No assignment has come and none is scheduled: one at logon, at logoff or at start-up waits for its event.'
          : `The latest assignment (${latestDue.kind}, due ${latestDue.dueAt.toISOString()}) has run here, and none is scheduled after it.`,
    };
  }

  const assignment = latestDue;
  const last = runsOf(context.history, program.packageId, program.name, forUser)[0];
  const refusal = rerunRefusal(ad.repeatRunBehavior, last);
  if (refusal !== null && last !== undefined) return { kind: 'wontRerun', assignment, lastRun: last, nextEvaluation: upcoming, reason: refusal };

  const chain = chainOf(program, context);
  if (!chain.ok) return { kind: 'chainFailed', assignment, missing: chain.missing, nextEvaluation: upcoming, reason: chain.reason };

  for (const p of [...chain.programs, program]) {
    const need = sessionNeed(p);
    if (need === 'user' && context.session.kind !== 'user') {
      return { kind: 'waiting', assignment, needs: 'user', nextEvaluation: upcoming, reason: `${p.name} runs only when a user is logged on${p.runMode === 'userRights' ? ", with the user's rights" : ''}; nobody is logged on.` };
    }
    if (need === 'noUser' && context.session.kind === 'user') {
      return { kind: 'waiting', assignment, needs: 'noUser', nextEvaluation: upcoming, reason: `${p.name} runs only when no user is logged on; ${context.session.user} is.` };
    }
  }

  const all = [...chain.programs, program];
  const minutes = all.reduce((sum, p) => sum + (p.maximumRunTime ?? unknownRunMinutes), 0);
  const restartNeeded = all.some(restarts);
  if (options.ignoreMaintenanceWindows) {
    const restart: RestartRule = !restartNeeded
      ? { kind: 'none' }
      : options.allowRestartOutsideMaintenanceWindows || context.maintenanceWindows.length === 0
        ? { kind: 'anyTime' }
        : { kind: 'nextWindow', at: nextWindowStart(context.maintenanceWindows, now) };
    return { kind: 'run', assignment, runFirst: chain.programs, forUser, restart, nextEvaluation: now, reason: runReason(assignment, 'the advertisement ignores maintenance windows') };
  }
  const fit = windowFit(context.maintenanceWindows, now, minutes);
  if (fit.kind === 'closed') {
    const reason =
      fit.opensAt === null
        ? `No maintenance window ahead is long enough for ${minutes} minutes of maximum run time.`
        : `Outside the maintenance windows: the next one long enough for ${minutes} minutes opens at ${fit.opensAt.toISOString()}.`;
    return { kind: 'maintenanceWindow', assignment, opensAt: fit.opensAt, nextEvaluation: earliest(fit.opensAt, upcoming), reason };
  }
  const restart: RestartRule = !restartNeeded
    ? { kind: 'none' }
    : fit.kind === 'noWindows' || options.allowRestartOutsideMaintenanceWindows
      ? { kind: 'anyTime' }
      : { kind: 'withinWindow', by: fit.closesAt };
  return { kind: 'run', assignment, runFirst: chain.programs, forUser, restart, nextEvaluation: now, reason: runReason(assignment, fit.kind === 'open' ? 'inside a maintenance window' : 'no maintenance window applies') };
}

function runReason(assignment: Assignment, where: string): string {
  const what: Record<Assignment['kind'], string> = {
    schedule: `the assignment scheduled for ${assignment.occurrence.toISOString()}`,
    asSoonAsPossible: 'the assignment as soon as possible',
    logon: `the assignment at logon (${assignment.user ?? 'a user'} logged on at ${assignment.occurrence.toISOString()})`,
    logoff: `the assignment at logoff (${assignment.user ?? 'a user'} logged off at ${assignment.occurrence.toISOString()})`,
    startup: `the assignment at system start-up (${assignment.occurrence.toISOString()})`,
  };
  return `Run for ${what[assignment.kind]}, ${where}.`;
}

import { readFileSync } from 'node:fs';
import { cacheFolderOf, readClientConfig, defaultPollingMinutes, type ClientConfig } from '../config/client-config';
import { LogWriter } from '../logs/log-writer';
import type { MpPolicyResponse } from '../../core/api/management-point';
import { readIdentity, type ClientIdentity } from '../mp/client-identity';
import { BadAnswerError, UnreachableError } from '../mp/json-request';
import { ManagementPointClient, MpRefusedError } from '../mp/mp-client';
import type { Decision } from '../policy/evaluate';
import { StatusOutbox } from '../status/status-outbox';
import { AgentMessage, advertisementMessage } from './agent-messages';
import { logFolderOf } from './agent-log';
import { cacheSteps } from './cache-steps';
import { DownloadMonitor } from './download-monitor';
import type { ExecutionSteps } from './execution-steps';
import { collectFacts, type MachineFacts } from './machine-facts';
import { observeEvents } from './observed-events';
import { maxStoredBodies, maxStoredWindows, PolicyStore, type AdvertisementRecord, type PolicyState, type StoredPolicy } from './policy-store';
import { evaluateAll, viewOf, type EvaluatedAdvertisement, type PolicyAdvertisement, type PolicyScope } from './policy-view';
import { ensureRegistered, noteApproval, SiteMismatchError, type RegistrationKind } from './registration';
import { dueNotice, nextNoticeTime, upcomingRuns, type UpcomingRun } from './notifications';
import { runChain, type ActionReport } from './run-assignment';
import { carryOutAfterRunning, defaultAfterRunningCommands, pendingRestart, type AfterRunningOutcome, type PendingRestart } from './after-running';
import { sendOutbox } from './send-outbox';
import { RunHistory } from './run-history';

export interface ClientAgentOptions {
  readonly clientDir: string;
  /** The machine's facts; collected from the OS (and client.json's session) when not given. */
  readonly facts?: (config: ClientConfig) => MachineFacts;
  /** The content and program steps; the download cache and the program runner when not given. */
  readonly steps?: ExecutionSteps;
  /** policyagent.log, execmgr.log and cas.log; in `<clientDir>/logs` when not given. */
  readonly logs?: LogWriter;
  /** Each exchange with the management point, connect to last byte. */
  readonly timeoutMs?: number;
  /** How often, and how far apart, a run that failed with an exit code worth another try is tried again. */
  readonly retry?: { readonly count: number; readonly intervalMs: number };
}

/**
 * CCM_SoftwareDistributionClientConfig's ExecutionFailureRetryCount and
 * ExecutionFailureRetryInterval defaults: a week of tries, ten minutes apart.
 */
export const defaultRetry = { count: 1008, intervalMs: 600_000 } as const;

/** One advertisement as the agent sees it now, for reports, `status` and Run Advertised Programs. */
export interface AdvertisementView {
  readonly advertisementId: string;
  readonly name: string;
  readonly packageId: string;
  readonly packageName: string;
  readonly programName: string;
  readonly commandLine: string;
  readonly scope: PolicyScope;
  readonly decision: Decision;
  readonly lastAction: NonNullable<AdvertisementRecord['lastAction']> | null;
}

export interface PolicyReport {
  readonly changed: boolean;
  readonly version: number;
  /** Offer bodies received in this answer (0 when the version was unchanged). */
  readonly bodies: number;
}

export interface CycleReport {
  readonly at: string;
  readonly registration: { readonly kind: RegistrationKind; readonly why: string | null; readonly resourceId: number; readonly approval: ClientIdentity['approval'] } | null;
  readonly managementPoint: { readonly url: string; readonly reachable: boolean; readonly problem: string | null };
  readonly outbox: { readonly sent: number; readonly remaining: number };
  readonly policy: { readonly machine: PolicyReport | null; readonly user: (PolicyReport & { readonly user: string }) | null };
  /** The acceptance messages this cycle put in the outbox (10002, 10018, 10000). */
  readonly reported: readonly { readonly advertisementId: string; readonly messageId: number; readonly reason: string | null }[];
  readonly advertisements: readonly AdvertisementView[];
  readonly actions: readonly ActionReport[];
  /** The restart or logoff the programs that ran asked for ("After running"), done at the cycle's end; null when none asked. */
  readonly afterRunning: AfterRunningOutcome | null;
  /** A restart the computer still owes its programs (10022, or one not carried out). */
  readonly restartPending: PendingRestart | null;
  /** The earliest time a decision asks to be evaluated again; null: only the next poll or a change. */
  readonly nextEvaluation: string | null;
  readonly pollingMinutes: number;
}

/** The management point stopped the network part of the cycle: why, and whether it is just away. */
class Stop extends Error {
  constructor(
    message: string,
    readonly unreachable: boolean,
  ) {
    super(message);
  }
}

/**
 * The client agent: one cycle (`runCycle`) does everything the agent does on a policy poll, and
 * is testable without timers; the loop (agent-loop.ts) only decides when the next one starts.
 * Every file it keeps is in the client's folder, re-read each cycle, so a command run beside a
 * running agent sees what it did.
 */
export class ClientAgent {
  readonly clientDir: string;
  readonly logs: LogWriter;
  /** This process's downloads, for `courier-client download-monitor`. */
  readonly downloads: DownloadMonitor;
  private stepsMade: ExecutionSteps | undefined;

  constructor(private readonly options: ClientAgentOptions) {
    this.clientDir = options.clientDir;
    this.logs = options.logs ?? new LogWriter({ folder: logFolderOf(options.clientDir) });
    this.downloads = new DownloadMonitor(options.clientDir, this.logs);
    this.stepsMade = options.steps;
  }

  /** Made at the first run, from the configuration then: the cache is opened once and kept. */
  private steps(config: ClientConfig): ExecutionSteps {
    this.stepsMade ??= cacheSteps({ cacheFolder: cacheFolderOf(this.clientDir, config), cacheSizeMb: config.cacheSizeMb, logs: this.logs, monitor: this.downloads });
    return this.stepsMade;
  }

  private factsOf(config: ClientConfig): MachineFacts {
    return (this.options.facts ?? collectFacts)(config);
  }

  private managementPoint(config: ClientConfig): ManagementPointClient {
    const ca = config.caFile === undefined ? undefined : readFileSync(config.caFile, 'utf8');
    return new ManagementPointClient(config.managementPoint, { ...(ca !== undefined ? { ca } : {}), ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}) });
  }

  /** The polling interval: client.json's override, else the site's from registration. */
  pollingMinutes(config: ClientConfig, identity: ClientIdentity | null): number {
    return config.policyPollingMinutes ?? identity?.policyPollingMinutes ?? defaultPollingMinutes;
  }

  /** What the agent knows now without asking the site: for `courier-client status` and Run Advertised Programs. */
  evaluateNow(now: Date): { config: ClientConfig; identity: ClientIdentity | null; facts: MachineFacts; state: PolicyState; evaluated: EvaluatedAdvertisement[]; views: AdvertisementView[]; upcoming: UpcomingRun[]; outbox: number } {
    const config = readClientConfig(this.clientDir);
    const identity = readIdentity(this.clientDir);
    const store = new PolicyStore(this.clientDir);
    const history = new RunHistory(this.clientDir);
    const facts = this.factsOf(config);
    const evaluated = evaluateAll(viewOf(store.state), store.state, facts, history.all(), now);
    return { config, identity, facts, state: store.state, evaluated, views: evaluated.map((e) => viewOfAdvertisement(e, store.state.advertisements)), upcoming: upcomingRuns(evaluated, store.state.advertisements, now), outbox: new StatusOutbox(this.clientDir).count() };
  }

  async runCycle(now: Date): Promise<CycleReport> {
    const config = readClientConfig(this.clientDir);
    const facts = this.factsOf(config);
    const mp = this.managementPoint(config);
    const outbox = new StatusOutbox(this.clientDir);
    const store = new PolicyStore(this.clientDir);
    const history = new RunHistory(this.clientDir);
    for (const problem of [store.problem, history.problem]) if (problem !== null) this.logs.warning('policyagent', problem);

    let identity = readIdentity(this.clientDir);
    let registration: CycleReport['registration'] = null;
    let problem: string | null = null;
    let unreachable = false;
    let flushed = { sent: 0, remaining: outbox.count() };
    const policy: { machine: PolicyReport | null; user: (PolicyReport & { user: string }) | null } = { machine: null, user: null };

    const register = async (afterReset: boolean) => {
      const done = await ensureRegistered(this.clientDir, config, mp, facts, now, afterReset);
      identity = done.identity;
      registration = { kind: done.kind, why: done.why, resourceId: done.identity.resourceId, approval: done.identity.approval };
      if (done.why !== null) this.logs.info('policyagent', `Registered with ${config.managementPoint} as resource ${done.identity.resourceId} (${done.kind}: ${done.why}); approval ${done.identity.approval}.`);
    };
    // One exchange with the management point; a refusal that registering again can mend is mended once.
    const exchange = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof MpRefusedError && error.code === 'UNKNOWN_CLIENT') {
          this.logs.warning('policyagent', `The management point does not know this client's credentials (${error.message}); registering again.`);
          await register(true);
          return work();
        }
        throw error;
      }
    };

    try {
      await register(false);
      flushed = await exchange(() => sendOutbox(outbox, mp, this.logs));
      if (flushed.sent > 0) this.logs.info('policyagent', `Sent ${flushed.sent} status message(s); ${flushed.remaining} wait.`);

      const machineSince = store.state.machine?.version ?? 0;
      const machine = storable(await exchange(() => mp.machinePolicy(machineSince)), 'machine');
      if (identity !== null) identity = noteApproval(this.clientDir, identity, 'approved');
      policy.machine = { changed: machine.changed, version: machine.policyVersion, bodies: machine.changed ? machine.advertisements.length : 0 };
      if (machine.changed) {
        const stored: StoredPolicy = { version: machine.policyVersion, receivedAt: now.toISOString(), bodies: machine.advertisements, maintenanceWindows: machine.maintenanceWindows };
        store.update((state) => ({ ...state, machine: stored }));
        this.logs.info('policyagent', `Machine policy version ${machine.policyVersion} received (was ${machineSince}): ${machine.advertisements.length} advertisement(s), ${machine.maintenanceWindows.length} maintenance window(s).`);
      }

      if (facts.session.kind === 'user') {
        const user = facts.session.user;
        const userSince = store.state.user !== null && store.state.user.user.toLowerCase() === user.toLowerCase() ? store.state.user.version : 0;
        const answer = storable(await exchange(() => mp.userPolicy(user, userSince)), `user (${user})`);
        policy.user = { user, changed: answer.changed, version: answer.policyVersion, bodies: answer.changed ? answer.advertisements.length : 0 };
        if (answer.changed) {
          store.update((state) => ({ ...state, user: { user, version: answer.policyVersion, receivedAt: now.toISOString(), bodies: answer.advertisements, maintenanceWindows: answer.maintenanceWindows } }));
          this.logs.info('policyagent', `User policy version ${answer.policyVersion} for ${user} received: ${answer.advertisements.length} advertisement(s).`);
        }
      } else if (store.state.user !== null) {
        // The user logged off: their advertisements no longer apply on this machine.
        this.logs.info('policyagent', `${store.state.user.user} is no longer logged on; their user policy is set aside.`);
        store.update((state) => ({ ...state, user: null }));
      }
    } catch (error) {
      const stop = this.stopOf(error);
      problem = stop.message;
      unreachable = stop.unreachable;
      if (error instanceof MpRefusedError && identity !== null && (error.code === 'PENDING_APPROVAL' || error.code === 'BLOCKED')) {
        identity = noteApproval(this.clientDir, identity, error.code === 'BLOCKED' ? 'blocked' : 'pending');
      }
      this.logs[stop.unreachable ? 'warning' : 'error']('policyagent', `${problem} The agent works from the policy it has and tries again at the next poll.`);
    }

    // The approval the site answered with in this cycle (policy served, PENDING_APPROVAL, BLOCKED), not the one registration recorded before it.
    const registered = registration as CycleReport['registration'];
    const current = identity as ClientIdentity | null;
    if (registered !== null && current !== null && registered.approval !== current.approval) {
      this.logs.info('policyagent', `The site's approval of this client is now ${current.approval} (was ${registered.approval}).`);
      registration = { ...registered, approval: current.approval };
    }

    const observed = observeEvents(store.state, facts, now);
    store.save(observed.state);
    for (const event of observed.found) this.logs.info('policyagent', `Saw ${event.kind === 'startup' ? 'the system start' : `${event.user ?? ''} ${event.kind === 'logon' ? 'log on' : 'log off'}`} at ${event.at}.`);
    const reported = this.reportNew(store, outbox, config.siteCode, facts, history, now);
    const evaluated = evaluateAll(viewOf(store.state), store.state, facts, history.all(), now);
    for (const item of evaluated) this.noteWaiting(item, store, outbox);
    for (const item of evaluated) this.tellNotice(item, store, now);
    const actions: ActionReport[] = [];
    // Content held for advertisements gone from policy, or expired, is let go before anything downloads.
    const needed = new Set(evaluated.filter((e) => e.decision.kind !== 'expired').map((e) => e.advertisement.body.advertisement.advertisementId));
    await this.steps(config).content.releaseAllExcept?.(needed);
    // Refused (pending, blocked, another site): nothing runs. Away: what is in the cache may run.
    if (identity !== null && (problem === null || unreachable)) {
      for (const item of evaluated) {
        if (item.decision.kind !== 'run') continue;
        const retryAt = retryTimeOf(store.state, item, now);
        if (retryAt !== null) {
          this.logs.info('execmgr', `${item.advertisement.body.advertisement.advertisementId} is tried again at ${retryAt.toISOString()}.`);
          continue;
        }
        const cancelledDue = store.state.advertisements[item.advertisement.body.advertisement.advertisementId]?.cancelledDue;
        if (cancelledDue !== undefined && cancelledDue === item.decision.assignment.dueAt.toISOString()) {
          this.logs.info('execmgr', `${item.advertisement.body.advertisement.advertisementId}: its download for the assignment due at ${cancelledDue} was cancelled; it runs at its next assignment.`);
          continue;
        }
        actions.push(...(await this.runDue(item, evaluated, { mp, outbox, history, store, now, sessionUser: sessionUserOf(facts) })));
      }
    } else {
      for (const item of evaluated) if (item.decision.kind === 'run') this.logs.info('execmgr', `${item.advertisement.body.advertisement.advertisementId} is due but does not run: ${problem ?? 'this client is not registered'}`);
    }

    if (problem === null && outbox.count() > 0) {
      try {
        flushed = await exchange(() => sendOutbox(outbox, mp, this.logs)).then((last) => ({ sent: flushed.sent + last.sent, remaining: last.remaining }));
      } catch (error) {
        const stop = this.stopOf(error);
        problem = stop.message;
        unreachable = stop.unreachable;
        this.logs.warning('policyagent', `${problem} ${outbox.count()} status message(s) wait in the outbox.`);
      }
    }
    flushed = { sent: flushed.sent, remaining: outbox.count() };

    // Pending downloads are those put off in this cycle and those waiting for their time; a cancelled one shows until its advertisement leaves policy.
    const pending = new Set(actions.filter((a) => a.status === 'deferred').map((a) => a.advertisementId));
    for (const id of await this.noteWaitingForTime(evaluated, config)) pending.add(id);
    this.downloads.prune(pending, new Set(evaluated.map((e) => e.advertisement.body.advertisement.advertisementId)));
    const defaults = defaultAfterRunningCommands();
    const afterRunning = await carryOutAfterRunning(
      actions.flatMap((a) => (a.afterRunning !== undefined ? [a.afterRunning] : [])),
      { clientDir: this.clientDir, logs: this.logs, now, bootedAt: facts.bootedAt ?? null, userLoggedOn: facts.session.kind === 'user', restartCommand: config.restartCommand ?? defaults.restart, logoffCommand: config.logoffCommand ?? defaults.logoff },
    );

    const after = evaluateAll(viewOf(store.state), store.state, facts, history.all(), now);
    // A run that waits for its retry asks for that time; other due runs wait for the next poll.
    const next = [...after.map((e) => (e.decision.kind === 'run' ? retryTimeOf(store.state, e, now) : e.decision.nextEvaluation)), nextNoticeTime(after, store.state.advertisements, now)]
      .filter((at): at is Date => at !== null && at.getTime() > now.getTime())
      .reduce<Date | null>((min, at) => (min === null || at.getTime() < min.getTime() ? at : min), null);
    return {
      at: now.toISOString(),
      registration,
      managementPoint: { url: config.managementPoint, reachable: !unreachable, problem },
      outbox: flushed,
      policy,
      reported,
      advertisements: after.map((e) => viewOfAdvertisement(e, store.state.advertisements)),
      actions,
      afterRunning,
      restartPending: pendingRestart(this.clientDir, facts.bootedAt ?? null, this.logs),
      nextEvaluation: next?.toISOString() ?? null,
      pollingMinutes: this.pollingMinutes(config, identity),
    };
  }

  /**
   * A mandatory assignment still to come, or due but outside its maintenance windows, whose
   * content is not in the cache: its download is pending, waiting for its time, as the Program
   * Download Monitor shows it. Answers their advertisements.
   */
  private async noteWaitingForTime(evaluated: readonly EvaluatedAdvertisement[], config: ClientConfig): Promise<string[]> {
    const waiting: string[] = [];
    for (const { advertisement, decision } of evaluated) {
      if (decision.kind !== 'scheduled' && decision.kind !== 'maintenanceWindow') continue;
      const { body } = advertisement;
      if (body.program.kind !== 'computer' || !body.package.containsSourceFiles || body.package.sourceVersion < 1) continue;
      const steps = this.stepsMade ?? this.steps(config);
      const request = { packageId: body.package.packageId, sourceVersion: body.package.sourceVersion, advertisementId: body.advertisement.advertisementId, programName: body.program.name, persist: advertisement.persist };
      if (steps.content.waiting === undefined || steps.content.has === undefined || (await steps.content.has(request))) continue;
      const reason = decision.kind === 'scheduled' ? `The assignment at ${decision.assignment.dueAt.toISOString()} has not come yet; the content is downloaded then.` : decision.reason;
      steps.content.waiting(request, reason, 'time');
      waiting.push(request.advertisementId);
    }
    return waiting;
  }

  private stopOf(error: unknown): Stop {
    if (error instanceof UnreachableError) return new Stop(error.message, true);
    if (error instanceof MpRefusedError || error instanceof BadAnswerError || error instanceof SiteMismatchError) return new Stop(error.message, false);
    // Anything else (a full disk, a bug) is not the management point's doing: the agent must not hide it.
    throw error;
  }

  /**
   * Keeps one record per advertisement in policy (dropping those no longer offered), and puts
   * each new one's acceptance message in the outbox, once: 10002 when it passed the platform
   * checks, 10018 with the reason when it did not, 10000 for a body the agent cannot read. Every
   * message carries the time it was made, not the cycle's: the site orders a client's messages
   * by it to tell the client's state.
   */
  private reportNew(store: PolicyStore, outbox: StatusOutbox, siteCode: string, facts: MachineFacts, history: RunHistory, now: Date): CycleReport['reported'] {
    const view = viewOf(store.state);
    const reported: { advertisementId: string; messageId: number; reason: string | null }[] = [];
    const records: Record<string, AdvertisementRecord> = {};
    const old = store.state.advertisements;
    const evaluated = evaluateAll(view, store.state, facts, history.all(), now);
    for (const { advertisement, decision } of evaluated) {
      const ad = advertisement.body.advertisement;
      const record = old[ad.advertisementId] ?? { firstReceivedAt: now.toISOString(), reported: null };
      if (record.reported !== null) {
        records[ad.advertisementId] = record;
        continue;
      }
      const rejected = decision.kind === 'notApplicable';
      const messageId = rejected ? AgentMessage.rejected : AgentMessage.accepted;
      outbox.add(advertisementMessage(messageId, ad, siteCode, rejected ? decision.reason : ''));
      reported.push({ advertisementId: ad.advertisementId, messageId, reason: rejected ? decision.reason : null });
      this.logs[rejected ? 'warning' : 'info']('policyagent', rejected ? `Advertisement ${ad.advertisementId} (${ad.name}) is rejected (10018): ${decision.reason}` : `Advertisement ${ad.advertisementId} (${ad.name}) received; it passed the platform checks (10002).`);
      records[ad.advertisementId] = { ...record, reported: messageId };
    }
    for (const refused of view.refused) {
      if (refused.advertisementId === null || records[refused.advertisementId] !== undefined) {
        this.logs.error('policyagent', `An offer body is not used: ${refused.reason}`);
        continue;
      }
      const record = old[refused.advertisementId] ?? { firstReceivedAt: now.toISOString(), reported: null };
      if (record.reported === null) {
        outbox.add(advertisementMessage(AgentMessage.bodyUnreadable, { advertisementId: refused.advertisementId, packageId: refused.packageId ?? '', programName: refused.programName ?? '' }, siteCode, refused.reason));
        reported.push({ advertisementId: refused.advertisementId, messageId: AgentMessage.bodyUnreadable, reason: refused.reason });
        this.logs.error('policyagent', `Advertisement ${refused.advertisementId} cannot be read (10000): ${refused.reason}`);
      }
      records[refused.advertisementId] = { ...record, reported: AgentMessage.bodyUnreadable };
    }
    for (const problem of view.refusedWindows) this.logs.warning('policyagent', problem);
    store.update((state) => ({ ...state, advertisements: records }));
    return reported;
  }

  private async runDue(item: EvaluatedAdvertisement, all: readonly EvaluatedAdvertisement[], parts: { mp: ManagementPointClient; outbox: StatusOutbox; history: RunHistory; store: PolicyStore; now: Date; sessionUser: string | null }, confirmDownload?: () => Promise<boolean>, userRun: string | null = null): Promise<ActionReport[]> {
    const { decision, advertisement } = item;
    // A program the user runs early (Run Advertised Programs) runs alone, for the user logged on.
    const chain = decision.kind === 'run' ? decision.runFirst.map((p) => findProgram(all, p.packageId, p.name)).filter((a): a is PolicyAdvertisement => a !== undefined) : [];
    const config = readClientConfig(this.clientDir);
    this.logs.info('execmgr', `${advertisement.body.advertisement.advertisementId}: ${decision.kind === 'run' ? decision.reason : 'run by the user from Run Advertised Programs.'}`);
    const reports = await runChain(chain, advertisement, {
      mp: parts.mp,
      steps: this.steps(config),
      outbox: parts.outbox,
      addRun: (run) => parts.history.add(run),
      logs: this.logs,
      now: parts.now,
      forUser: decision.kind === 'run' ? decision.forUser : userRun,
      sessionUser: parts.sessionUser,
      mayRetry: (advertisementId) => (parts.store.state.advertisements[advertisementId]?.retry?.count ?? 0) < (this.options.retry ?? defaultRetry).count,
      ...(config.mifFolders !== undefined ? { mifFolders: config.mifFolders } : {}),
      ...(config.dpPathMappings !== undefined ? { dpPathMappings: config.dpPathMappings } : {}),
      ...(confirmDownload !== undefined ? { confirmDownload } : {}),
    });
    for (const report of reports) this.noteAction(report, parts.store, parts.outbox, parts.now);
    // A cancelled download puts off this assignment, not the advertisement: the next one runs.
    if (decision.kind === 'run' && reports.some((r) => r.status === 'cancelled')) {
      const id = advertisement.body.advertisement.advertisementId;
      parts.store.update((state) => {
        const record = state.advertisements[id];
        return record === undefined ? state : { ...state, advertisements: { ...state.advertisements, [id]: { ...record, cancelledDue: decision.assignment.dueAt.toISOString() } } };
      });
    }
    return reports;
  }

  /**
   * A mandatory assignment that is due but cannot run now (no user logged on, outside its
   * maintenance windows) is 10060 with the reason, once for each assignment and each reason kind,
   * so the console shows the client waiting rather than still "accepted".
   */
  private noteWaiting({ advertisement, decision }: EvaluatedAdvertisement, store: PolicyStore, outbox: StatusOutbox): void {
    if (decision.kind !== 'waiting' && decision.kind !== 'maintenanceWindow') return;
    const ad = advertisement.body.advertisement;
    const key = `${AgentMessage.waiting} ${decision.kind} ${decision.assignment.dueAt.toISOString()}`;
    const record = store.state.advertisements[ad.advertisementId];
    if (record === undefined || record.lastState === key) return;
    outbox.add(advertisementMessage(AgentMessage.waiting, ad, '', decision.reason));
    store.update((state) => ({ ...state, advertisements: { ...state.advertisements, [ad.advertisementId]: { ...record, lastState: key } } }));
  }

  /**
   * The reminder and the countdown of a mandatory run to come, told in execmgr.log at their time
   * (the loop wakes for them), each once. This build has no desktop to show them on.
   */
  private tellNotice(item: EvaluatedAdvertisement, store: PolicyStore, now: Date): void {
    const notice = dueNotice(item, store.state.advertisements, now);
    if (notice === null) return;
    const ad = item.advertisement.body.advertisement;
    const what = `${ad.advertisementId} (${ad.packageId} ${ad.programName}) runs at ${notice.runAt.toISOString()}`;
    if (notice.reminder !== null) this.logs.info('execmgr', `Reminder: ${what}; reminder of ${notice.reminder.toISOString()}.`);
    if (notice.countdown !== null) this.logs.info('execmgr', `Countdown: ${what}; the ${notice.countdown.minutes}-minute countdown started at ${notice.countdown.start.toISOString()}.`);
    store.update((state) => {
      const record = state.advertisements[notice.advertisementId] ?? { firstReceivedAt: now.toISOString(), reported: null };
      return { ...state, advertisements: { ...state.advertisements, [notice.advertisementId]: { ...record, notified: notice.notified } } };
    });
  }

  /**
   * Keeps the last action for `status`; says 10050 once per content version, and a run put off
   * once per content version: 10062 when its download failed and is tried again, else 10060.
   */
  private noteAction(report: ActionReport, store: PolicyStore, outbox: StatusOutbox, now: Date): void {
    store.update((state) => {
      const record = state.advertisements[report.advertisementId] ?? { firstReceivedAt: now.toISOString(), reported: null };
      const say = (messageId: number) => {
        outbox.add(advertisementMessage(messageId, report, '', report.reason));
        (report.messageIds as number[]).push(messageId);
      };
      let tooLarge = record.tooLargeReported ?? [];
      if (report.status === 'tooLarge' && !tooLarge.includes(report.sourceVersion)) {
        say(AgentMessage.tooLargeForCache);
        tooLarge = [...tooLarge, report.sourceVersion].slice(-100);
      }
      let lastState = record.lastState;
      if (report.status === 'deferred') {
        const messageId = report.downloadFailed === true ? AgentMessage.downloadRetried : AgentMessage.waiting;
        const key = `${messageId} deferred ${report.sourceVersion}`;
        if (lastState !== key) say(messageId);
        lastState = key;
      } else {
        // It ran, or will not: a later wait is news again.
        lastState = undefined;
      }
      // A retry counts tries until the run ends otherwise; a deferred run keeps its count.
      const { intervalMs } = this.options.retry ?? defaultRetry;
      const retry =
        report.status === 'retrying' ? { count: (record.retry?.count ?? 0) + 1, at: new Date(now.getTime() + intervalMs).toISOString() } : report.status === 'deferred' ? record.retry : undefined;
      const { lastState: _old, retry: _retry, ...rest } = record;
      const next: AdvertisementRecord = {
        ...rest,
        lastAction: { at: now.toISOString(), status: report.status, reason: report.reason.slice(0, 4096) },
        ...(tooLarge.length > 0 ? { tooLargeReported: tooLarge } : {}),
        ...(lastState !== undefined ? { lastState } : {}),
        ...(retry !== undefined ? { retry } : {}),
      };
      return { ...state, advertisements: { ...state.advertisements, [report.advertisementId]: next } };
    });
  }

  /**
   * Run Advertised Programs' "Run": one advertisement now, which the user may run (listed, and
   * not yet due or not mandatory), asking before a download unless told to download first.
   */
  async runAdvertised(advertisementId: string, now: Date, confirmDownload: () => Promise<boolean>): Promise<{ reports: ActionReport[]; outbox: { sent: number; remaining: number; problem: string | null } }> {
    const config = readClientConfig(this.clientDir);
    const identity = readIdentity(this.clientDir);
    if (identity === null) throw new Error('This client has not registered yet: run "courier-client policy refresh" first.');
    const { evaluated, facts } = this.evaluateNow(now);
    const item = evaluated.find((e) => e.advertisement.body.advertisement.advertisementId.toUpperCase() === advertisementId.toUpperCase());
    if (item === undefined) throw new Error(`Advertisement ${advertisementId} is not in this client's policy; "courier-client run-advertised-programs" lists those that are.`);
    const { decision } = item;
    const runnable = ((decision.kind === 'available' || decision.kind === 'scheduled') && decision.listed) || decision.kind === 'run';
    if (!runnable) throw new Error(`Advertisement ${advertisementId} cannot be run now (${decision.kind}): ${decision.reason}`);
    const mp = this.managementPoint(config);
    mp.credentials = { resourceId: identity.resourceId, secret: identity.secret };
    const outbox = new StatusOutbox(this.clientDir);
    const store = new PolicyStore(this.clientDir);
    const history = new RunHistory(this.clientDir);
    // A program run once for every user is run, and counted, for the user logged on.
    const program = item.advertisement.body.program;
    const userRun = program.kind === 'computer' && program.assignment === 'oncePerUser' && facts.session.kind === 'user' ? facts.session.user : null;
    const reports = await this.runDue(item, evaluated, { mp, outbox, history, store, now, sessionUser: sessionUserOf(facts) }, confirmDownload, userRun);
    let problem: string | null = null;
    let sent = 0;
    try {
      sent = (await sendOutbox(outbox, mp, this.logs)).sent;
    } catch (error) {
      problem = this.stopOf(error).message;
    }
    return { reports, outbox: { sent, remaining: outbox.count(), problem } };
  }
}

const sessionUserOf = (facts: MachineFacts): string | null => (facts.session.kind === 'user' ? facts.session.user : null);

/** Refuses a policy larger than the store keeps, rather than writing a file it could not read back. */
function storable<T extends MpPolicyResponse>(answer: T, scope: string): T {
  if (answer.changed && (answer.advertisements.length > maxStoredBodies || answer.maintenanceWindows.length > maxStoredWindows)) {
    throw new BadAnswerError(`The management point sent ${scope} policy of ${answer.advertisements.length} advertisements and ${answer.maintenanceWindows.length} maintenance windows; a client keeps at most ${maxStoredBodies} and ${maxStoredWindows}.`);
  }
  return answer;
}

/** When a due run that failed with an exit code worth another try may run again, while that is ahead. */
function retryTimeOf(state: PolicyState, { advertisement }: EvaluatedAdvertisement, now: Date): Date | null {
  const at = state.advertisements[advertisement.body.advertisement.advertisementId]?.retry?.at;
  return at !== undefined && Date.parse(at) > now.getTime() ? new Date(at) : null;
}

function findProgram(all: readonly EvaluatedAdvertisement[], packageId: string, name: string): PolicyAdvertisement | undefined {
  return all.find((e) => e.advertisement.body.program.packageId === packageId && e.advertisement.body.program.name.toLowerCase() === name.toLowerCase())?.advertisement;
}

function viewOfAdvertisement({ advertisement, decision }: EvaluatedAdvertisement, records: Readonly<Record<string, AdvertisementRecord>>): AdvertisementView {
  const { body, scope } = advertisement;
  const ad = body.advertisement;
  return {
    advertisementId: ad.advertisementId,
    name: ad.name,
    packageId: ad.packageId,
    packageName: body.package.name,
    programName: body.program.name,
    commandLine: body.program.commandLine,
    scope,
    decision,
    lastAction: records[ad.advertisementId]?.lastAction ?? null,
  };
}

import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { contentUrl } from '../download/http-get';
import type { RunFrom } from '../execution/run-program';
import { UnreachableError } from '../mp/json-request';
import type { ManagementPointClient } from '../mp/mp-client';
import type { ProgramRun } from '../policy/context';
import type { StatusOutbox } from '../status/status-outbox';
import { AgentMessage, advertisementMessage } from './agent-messages';
import type { AgentLogs } from './agent-log';
import { dpPathOf } from './dp-paths';
import type { ExecutionSteps } from './execution-steps';
import type { PathMapping } from '../../core/domain/path-mappings';
import type { PolicyAdvertisement } from './policy-view';
import type { AfterRunningRequest } from './after-running';

export type ActionStatus =
  /** The program ran and succeeded (10008, 10009, 10022). */
  | 'succeeded'
  /** It ran and failed, or could not start (10006, 10007, 10003). */
  | 'failed'
  /** Still running at its maximum run time; its result is unknown. */
  | 'notMonitored'
  /** Not now, tried again later: no content location, no room in the cache, no runner in this build. */
  | 'deferred'
  /** Content location says not to run (a slow network, no distribution point with the content). */
  | 'notRun'
  /** Larger than the whole cache (10050). */
  | 'tooLarge'
  /** It failed with an exit code worth another try (10063): it runs again after the retry interval. */
  | 'retrying'
  /** The user would not download the content first (Run Advertised Programs), or turned "run when finished" off. */
  | 'declined'
  /** Its download was cancelled from the Program Download Monitor (no status message: the suite has none for it). */
  | 'cancelled';

export interface ActionReport {
  readonly advertisementId: string;
  readonly packageId: string;
  readonly programName: string;
  readonly status: ActionStatus;
  readonly reason: string;
  /** The status messages this run put in the outbox, in order. */
  readonly messageIds: readonly number[];
  /** For `tooLarge`: the content's version, so the agent says 10050 once per version. */
  readonly sourceVersion: number;
  /** For `deferred`: the download failed and is tried again (10062), rather than waiting (10060). */
  readonly downloadFailed?: boolean;
  /** For `succeeded`: the program's "After running" setting and whether its exit code left a restart pending (10022), done at the end of the cycle. */
  readonly afterRunning?: AfterRunningRequest;
}

export interface RunContext {
  readonly mp: ManagementPointClient;
  readonly steps: ExecutionSteps;
  readonly outbox: StatusOutbox;
  readonly addRun: (run: ProgramRun) => void;
  readonly logs: AgentLogs;
  readonly mifFolders?: readonly string[];
  /** The cycle's time: the run is recorded at it, so the evaluation sees it at or after the assignment. */
  readonly now: Date;
  readonly forUser: string | null;
  /** The user logged on now, whose account a program with the user's rights runs in. */
  readonly sessionUser?: string | null;
  /** Asked when the content must be downloaded first; absent, it is downloaded without asking. */
  readonly confirmDownload?: () => Promise<boolean>;
  /** Whether a failure with an exit code worth another try may be tried again for this advertisement. */
  readonly mayRetry: (advertisementId: string) => boolean;
  /** client.json's `dpPathMappings`: where this machine opens DP shares, for a program run from the DP. */
  readonly dpPathMappings?: readonly PathMapping[];
}

/** The suite takes a program of Unknown maximum run time as running up to 720 minutes. */
const unknownRunMinutes = 720;

const isFolder = async (path: string) => {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A DP's content URL as the downloader names it in its retries, so the two can be matched. */
function normalUrl(text: string): string {
  try {
    return contentUrl(text).href;
  } catch {
    return text;
  }
}

/**
 * One program of one advertisement, end to end: content location at the management point, the
 * content into the cache (or none: run from the distribution point, or a package without source
 * files), the program run, its status messages through the outbox and its run
 * in the history. Every way it can stop short is an answer with a reason, never an exception, so
 * one advertisement cannot keep the others from running.
 */
export async function runOne(target: PolicyAdvertisement, context: RunContext): Promise<ActionReport> {
  const { body } = target;
  const ad = body.advertisement;
  const subject = { advertisementId: ad.advertisementId, packageId: ad.packageId, programName: ad.programName };
  const sourceVersion = body.package.sourceVersion;
  const messageIds: number[] = [];
  const answer = (status: ActionStatus, reason: string, downloadFailed = false, afterRunning?: AfterRunningRequest): ActionReport => {
    const log = status === 'succeeded' || status === 'deferred' || status === 'declined' || status === 'cancelled' ? context.logs.info.bind(context.logs) : status === 'notRun' || status === 'notMonitored' || status === 'retrying' ? context.logs.warning.bind(context.logs) : context.logs.error.bind(context.logs);
    log('execmgr', `${ad.advertisementId} (${ad.packageId} ${ad.programName}): ${status}. ${reason}`);
    return { ...subject, status, reason, messageIds, sourceVersion, ...(downloadFailed ? { downloadFailed } : {}), ...(afterRunning !== undefined ? { afterRunning } : {}) };
  };
  const program = body.program;
  if (program.kind !== 'computer') return answer('notRun', 'A program for devices does not run on a computer.');
  const add = (messageId: number, second = '', third = '', time?: Date) => {
    context.outbox.add(advertisementMessage(messageId, subject, second, third, time));
    messageIds.push(messageId);
  };

  const execute = async (startIn: string, runFrom: RunFrom): Promise<ActionReport> => {
    const startedAt = new Date();
    const result = await context.steps.program.run({
      commandLine: program.commandLine,
      startIn,
      runFrom,
      runMode: program.runMode === 'userRights' ? 'userRights' : 'adminRights',
      sessionUser: context.sessionUser ?? null,
      maxRunTimeMs: (program.maximumRunTime ?? unknownRunMinutes) * 60_000,
      pkg: target.mifPackage,
      ...(context.mifFolders !== undefined ? { mifFolders: context.mifFolders } : {}),
    });
    const record = async (outcome: ProgramRun['result']) => {
      context.addRun({ ...subject, user: context.forUser, at: context.now, result: outcome });
      // Only content in the cache is kept locked after a run.
      if (runFrom === 'cache') await context.steps.content.recordRun?.({ packageId: ad.packageId, sourceVersion, advertisementId: ad.advertisementId });
    };
    switch (result.status) {
      case 'deferred':
        return answer('deferred', result.reason);
      case 'notStarted':
        add(AgentMessage.notStarted, '', result.reason);
        await record('failure');
        return answer('failed', `The program could not be started: ${result.reason}`);
      case 'notMonitored':
        add(AgentMessage.started, program.commandLine, '', startedAt);
        // Counted as a failure: its result is unknown, and a failure lets "rerun if failed" try again.
        await record('failure');
        return answer('notMonitored', result.reason);
      case 'ended': {
        add(AgentMessage.started, program.commandLine, '', startedAt);
        if (result.outcome.result === 'failed' && result.outcome.retryLater && context.mayRetry(ad.advertisementId)) {
          // Not in the history: the assignment stays due, and runs again after the retry interval.
          add(AgentMessage.failedWillRetry, String(result.exitCode), result.mifDescription ?? '');
          return answer('retrying', `The program ended with exit code ${result.exitCode}, which is worth another try (10063).`);
        }
        add(result.outcome.messageId, String(result.exitCode), result.mifDescription ?? '');
        await record(result.outcome.result === 'success' ? 'success' : 'failure');
        const how = result.mifDescription === null ? `exit code ${result.exitCode}` : `status MIF: ${result.mifDescription}`;
        if (result.outcome.result !== 'success') return answer('failed', `The program ended (${how}; ${result.outcome.messageId}).`);
        // What "After running" asks is done only after a success: a failed install is not worth a restart.
        const after: AfterRunningRequest = { advertisementId: ad.advertisementId, afterRunning: program.afterRunning, restartPending: result.outcome.restartPending };
        return answer('succeeded', `The program ended (${how}; ${result.outcome.messageId}).`, false, after);
      }
    }
  };

  // A package without source files has no content to locate or download: the command line runs alone.
  if (!body.package.containsSourceFiles) {
    const startIn = program.startIn.trim() === '' ? tmpdir() : program.startIn.trim();
    context.logs.info('execmgr', `${ad.advertisementId}: package ${ad.packageId} has no source files; the program runs in ${startIn} without content.`);
    return execute(startIn, 'noContent');
  }
  if (sourceVersion < 1) return answer('deferred', `Package ${ad.packageId} has no content version on a distribution point yet.`);

  const contentSubject = { packageId: ad.packageId, sourceVersion, advertisementId: ad.advertisementId, programName: ad.programName, optional: context.confirmDownload !== undefined, persist: target.persist };
  let urls: string[];
  const dpNames = new Map<string, string>();
  let offline = false;
  let fromDp: { readonly name: string; readonly path: string; readonly uncPath: string } | null = null;
  try {
    const located = await context.mp.contentLocation({ advertisementId: ad.advertisementId, packageId: ad.packageId, sourceVersion });
    // No DP for this client now (none in its boundaries, none with this version yet, a slow network
    // the advertisement does not run over): the run waits and is tried again each cycle, so the site
    // is told it waits (10060) rather than seeing the client still at "accepted".
    if (located.action === 'doNotRun') {
      context.steps.content.waiting?.(contentSubject, `Content location: ${located.reason}`);
      return answer('deferred', `Content location: ${located.reason}`);
    }
    if (located.action === 'runFromDp') {
      // The advertisement says to run from the distribution point: its package folder is the start-in folder, nothing is downloaded.
      const problems: string[] = [];
      for (const dp of located.dps) {
        const path = dpPathOf(dp.uncPath, context.dpPathMappings ?? []);
        if (!path.ok) problems.push(`${dp.name}: ${path.problem}`);
        else if (!(await isFolder(path.path))) problems.push(`${dp.name}: ${path.path} (${dp.uncPath}) is not a folder this agent can open`);
        else {
          fromDp = { name: dp.name, path: path.path, uncPath: dp.uncPath };
          break;
        }
      }
      if (fromDp === null) return answer('deferred', `The program runs from the distribution point, and none of the ${located.dps.length} content location named can be opened: ${problems.join('; ')}.`);
    }
    urls = located.dps.map((dp) => dp.httpUrl).filter((url): url is string => url !== null);
    for (const dp of located.dps) if (dp.httpUrl !== null) dpNames.set(normalUrl(dp.httpUrl), dp.name);
    if (fromDp === null && urls.length === 0) {
      const reason = `Content location named ${located.dps.length} distribution point(s), none of which serves the content over HTTP. ${located.reason}`;
      context.steps.content.waiting?.(contentSubject, reason);
      return answer('deferred', reason);
    }
  } catch (error) {
    // The management point is away: content already in the cache runs without it, as the suite's client does.
    if (!(error instanceof UnreachableError)) return answer('deferred', `Content location failed: ${describe(error)}`);
    urls = [];
    offline = true;
  }

  if (fromDp !== null) {
    context.logs.info('execmgr', `${ad.advertisementId}: runs from distribution point ${fromDp.name}, ${fromDp.uncPath} (opened as ${fromDp.path}); nothing is downloaded.`);
    return execute(fromDp.path, 'distributionPoint');
  }
  const onDownload = () => add(AgentMessage.downloading, '', `Downloading the content of ${ad.packageId} (source version ${sourceVersion}) from ${urls[0] ?? 'a distribution point'}.`);
  // Once per DP and file: a damaged copy is the site's to repair (a refresh of that DP), and the
  // admin would otherwise learn of it only from the client's cas.log.
  const damaged = new Set<string>();
  const onBadContent = (bad: { readonly url: string; readonly file: string; readonly reason: string }) => {
    const dp = dpNames.get(normalUrl(bad.url)) ?? bad.url;
    if (damaged.has(`${dp}\n${bad.file}`)) return;
    damaged.add(`${dp}\n${bad.file}`);
    add(AgentMessage.damagedContent, dp, `${bad.file}: ${bad.reason}.`);
  };
  const request = { ...contentSubject, urls, onDownload, onBadContent };
  let content = await context.steps.content.fetch({ ...request, download: !offline && context.confirmDownload === undefined });
  if (offline) {
    if (content.status !== 'ready') return answer('deferred', `Content location failed (the management point did not answer) and the content of ${ad.packageId} is not in the cache.`);
    context.logs.info('execmgr', `${ad.advertisementId}: the management point did not answer; the content of ${ad.packageId} is in the cache at ${content.path} and runs from there.`);
  } else if (content.status === 'needsDownload') {
    if (context.confirmDownload === undefined || !(await context.confirmDownload())) return answer('declined', `The content of ${ad.packageId} is not in the cache and was not downloaded.`);
    content = await context.steps.content.fetch({ ...request, download: true });
  }
  switch (content.status) {
    case 'needsDownload':
      return answer('deferred', `The content of ${ad.packageId} is still not in the cache.`);
    case 'deferred':
      if (content.cancelled === true) return answer('cancelled', `${content.reason} A mandatory assignment runs again at its next time.`);
      return answer('deferred', content.reason, content.downloadFailed === true);
    case 'tooLarge':
      return answer('tooLarge', `The content of ${ad.packageId} (${content.sizeBytes} bytes) is larger than the whole cache (${content.cacheBytes} bytes).`);
    case 'ready':
      if (content.runWhenFinished === false) return answer('declined', `The content of ${ad.packageId} was downloaded into the cache at ${content.path}; "run when finished" was turned off, so the program did not run.`);
      break;
  }

  return execute(content.path, 'cache');
}

/**
 * The programs to run first, then the program: each with its own advertisement (for content
 * location and its status messages). A program to run first that fails stops the chain.
 */
export async function runChain(chain: readonly PolicyAdvertisement[], target: PolicyAdvertisement, context: RunContext): Promise<ActionReport[]> {
  const reports: ActionReport[] = [];
  for (const first of chain) {
    const report = await runOne(first, context);
    reports.push(report);
    if (report.status !== 'succeeded') return reports;
  }
  reports.push(await runOne(target, context));
  return reports;
}

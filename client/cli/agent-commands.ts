import type { Command } from 'commander';
import { readClientConfig } from '../config/client-config';
import { pendingRestart } from '../agent/after-running';
import { holdAgentLock, requestRefresh, requestRun, runningAgent, takeRunRequests, watchRefreshRequests } from '../agent/agent-lock';
import { logFolderOf } from '../agent/agent-log';
import { runAgentLoop } from '../agent/agent-loop';
import { ClientAgent, type AdvertisementView, type CycleReport } from '../agent/client-agent';
import type { ActionReport } from '../agent/run-assignment';
import type { UpcomingRun } from '../agent/notifications';
import type { ExecutionSteps } from '../agent/execution-steps';
import type { ClientIo } from './main';

/** What the agent commands need beyond the CLI's own io. */
export interface AgentIo extends ClientIo {
  /** Stops `courier-client agent`; absent, SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
  /** Asks the user a yes/no question on a terminal; absent where nobody can answer. */
  readonly ask?: (question: string) => Promise<boolean>;
  /** The cache and program runner; absent, a run is deferred with why. */
  readonly steps?: ExecutionSteps;
}

/** A mandatory run to come, with when the user is reminded of it next and when its countdown starts. */
function upcomingLine(run: UpcomingRun): string {
  const reminder = run.nextReminder === null ? 'no more reminders' : `next reminder ${run.nextReminder}`;
  const countdown = run.countdownStart === null ? 'no countdown' : `${run.countdownMinutes ?? 0}-minute countdown from ${run.countdownStart}`;
  return `Mandatory: ${run.advertisementId} ${run.name} (${run.packageId} ${run.programName}) runs at ${run.runAt}; ${reminder}; ${countdown}`;
}

function decisionLine(view: AdvertisementView): string {
  return `${view.advertisementId} ${view.name} (${view.packageId} ${view.programName}, ${view.scope}): ${view.decision.kind}: ${view.decision.reason}`;
}

function actionLine(action: ActionReport): string {
  return `${action.advertisementId} (${action.packageId} ${action.programName}): ${action.status}${action.messageIds.length > 0 ? ` [${action.messageIds.join(', ')}]` : ''}: ${action.reason}`;
}

function policyText(label: string, policy: CycleReport['policy']['machine']): string {
  if (policy === null) return '';
  return `${label} policy version ${policy.version}: ${policy.changed ? `received, ${policy.bodies} advertisement(s)` : 'unchanged'}\n`;
}

export function cycleText(report: CycleReport): string {
  const lines: string[] = [];
  const r = report.registration;
  if (r !== null) lines.push(`Registration: ${r.kind}${r.why === null ? '' : ` (${r.why})`}, resource ${r.resourceId}, ${r.approval}`);
  lines.push(`Management point ${report.managementPoint.url}: ${report.managementPoint.problem === null ? 'answered' : report.managementPoint.problem}`);
  lines.push(`Status messages: ${report.outbox.sent} sent, ${report.outbox.remaining} waiting`);
  let text = `${lines.join('\n')}\n${policyText('Machine', report.policy.machine)}${report.policy.user === null ? '' : policyText(`User (${report.policy.user.user})`, report.policy.user)}`;
  for (const item of report.reported) text += `Reported ${item.messageId} for ${item.advertisementId}${item.reason === null ? '' : `: ${item.reason}`}\n`;
  for (const view of report.advertisements) text += `${decisionLine(view)}\n`;
  for (const action of report.actions) text += `Ran ${actionLine(action)}\n`;
  text += `Next evaluation: ${report.nextEvaluation ?? `at the next poll (every ${report.pollingMinutes} minutes)`}\n`;
  return text;
}

/** The programs Run Advertised Programs lists: offered, shown to users, not assigned. */
export function listedPrograms(views: readonly AdvertisementView[]): AdvertisementView[] {
  return views.filter((view) => view.decision.kind === 'available' && view.decision.listed && !view.decision.mandatory);
}

/**
 * `courier-client agent`, `policy refresh`, `status` and `run-advertised-programs`
 * (docs/client-agent.md#the-agent).
 */
export function addAgentCommands(program: Command, policy: Command, io: AgentIo, clientDir: () => string, done: (code: number) => void): void {
  const agentOf = () => new ClientAgent({ clientDir: clientDir(), ...(io.steps !== undefined ? { steps: io.steps } : {}) });
  const act =
    <A extends unknown[]>(work: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      try {
        done(await work(...args));
      } catch (error) {
        io.err(`courier-client: ${error instanceof Error ? error.message : String(error)}\n`);
        done(1);
      }
    };

  program
    .command('agent')
    .description('run the client agent: a policy cycle at every poll and evaluation time, until SIGINT or SIGTERM')
    .action(
      act(async () => {
        const agent = agentOf();
        const config = readClientConfig(agent.clientDir);
        const lock = holdAgentLock(agent.clientDir);
        const controller = new AbortController();
        const signal = io.signal ?? controller.signal;
        const stop = (name: string) => () => {
          agent.logs.info('policyagent', `${name} received: the step in hand finishes, then the agent stops.`);
          controller.abort();
        };
        const onInt = stop('SIGINT');
        const onTerm = stop('SIGTERM');
        if (io.signal === undefined) {
          process.once('SIGINT', onInt);
          process.once('SIGTERM', onTerm);
        }
        io.err(`courier-client agent: management point ${config.managementPoint}; logs in ${logFolderOf(agent.clientDir)}. Ctrl+C stops it.\n`);
        try {
          await runAgentLoop({
            runCycle: async (now) => {
              const report = await agent.runCycle(now);
              // Run Advertised Programs asked of this agent: it owns the cache, so it runs them.
              for (const request of takeRunRequests(agent.clientDir)) {
                try {
                  const done = await agent.runAdvertised(request.advertisementId, new Date(), () => Promise.resolve(request.downloadFirst));
                  for (const action of done.reports) agent.logs.info('execmgr', `Run Advertised Programs: ${actionLine(action)}`);
                } catch (error) {
                  agent.logs.error('execmgr', `Run Advertised Programs: ${error instanceof Error ? error.message : String(error)}`);
                }
              }
              return report;
            },
            logs: agent.logs,
            signal,
            fallbackPollingMinutes: agent.pollingMinutes(config, null),
            onWake: (wake) =>
              watchRefreshRequests(agent.clientDir, (asked) => {
                agent.logs.info('policyagent', asked === 'refresh' ? 'A policy refresh was asked for: the cycle runs now.' : 'Run Advertised Programs asked for a run: a cycle runs now, then it.');
                wake();
              }),
            onCycle: (report) => io.out(`${report.at} cycle: ${report.managementPoint.problem ?? 'management point answered'}; ${report.advertisements.length} advertisement(s), ${report.actions.length} run(s), ${report.outbox.remaining} message(s) waiting; next ${report.nextEvaluation ?? 'at the poll'}\n`),
          });
        } finally {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          agent.downloads.close();
          lock.release();
        }
        return 0;
      }),
    );

  policy
    .command('refresh')
    .description('one agent cycle now: register, send status messages, get policy, evaluate, run what is due')
    .option('--json', 'print the cycle report as JSON')
    .action(
      act(async (options: { json?: boolean }) => {
        const running = runningAgent(clientDir());
        if (running !== null) {
          // The running agent owns the cache and the policy store: it runs the cycle, not this process.
          requestRefresh(clientDir());
          io.out(options.json === true ? `${JSON.stringify({ askedAgent: running })}\n` : `Asked the running client agent (process ${running}) for a cycle now; policyagent.log says what it did.\n`);
          return 0;
        }
        const agent = agentOf();
        // Its downloads end with the cycle: nothing of this process is left for the Program Download Monitor.
        const report = await agent.runCycle(new Date()).finally(() => agent.downloads.close());
        io.out(options.json === true ? `${JSON.stringify(report)}\n` : cycleText(report));
        if (report.managementPoint.problem !== null) {
          io.err(`courier-client: ${report.managementPoint.problem}\n`);
          return 1;
        }
        return 0;
      }),
    );

  program
    .command('status')
    .description("this client's registration, policy, advertisements and outbox, from its own files (no network)")
    .option('--json', 'print JSON')
    .action(
      act(async (options: { json?: boolean }) => {
        const agent = agentOf();
        const { config, identity, facts, state, views, upcoming, outbox } = agent.evaluateNow(new Date());
        const restart = pendingRestart(agent.clientDir, facts.bootedAt ?? null);
        const status = {
          clientDir: agent.clientDir,
          managementPoint: config.managementPoint,
          siteCode: config.siteCode,
          registration: identity === null ? null : { resourceId: identity.resourceId, smsUniqueIdentifier: identity.smsUniqueIdentifier, approval: identity.approval, registeredAt: identity.registeredAt, managementPoint: identity.managementPoint },
          pollingMinutes: agent.pollingMinutes(config, identity),
          policy: {
            machine: state.machine === null ? null : { version: state.machine.version, receivedAt: state.machine.receivedAt },
            user: state.user === null ? null : { user: state.user.user, version: state.user.version, receivedAt: state.user.receivedAt },
          },
          advertisements: views,
          upcoming,
          restartPending: restart,
          outbox,
          logs: logFolderOf(agent.clientDir),
          agentProcess: runningAgent(agent.clientDir),
        };
        if (options.json === true) {
          io.out(`${JSON.stringify(status)}\n`);
          return 0;
        }
        let text = `Client folder ${status.clientDir}; site ${status.siteCode}; management point ${status.managementPoint}\n`;
        text += identity === null ? 'Not registered yet (courier-client policy refresh registers).\n' : `Registered as resource ${identity.resourceId} (${identity.smsUniqueIdentifier}) at ${identity.registeredAt}; ${identity.approval}\n`;
        text += `Machine policy: ${state.machine === null ? 'none yet' : `version ${state.machine.version}, received ${state.machine.receivedAt}`}\n`;
        if (state.user !== null) text += `User policy (${state.user.user}): version ${state.user.version}, received ${state.user.receivedAt}\n`;
        for (const view of views) text += `${decisionLine(view)}${view.lastAction === null ? '' : ` (last: ${view.lastAction.status} at ${view.lastAction.at})`}\n`;
        for (const run of upcoming) text += `${upcomingLine(run)}\n`;
        if (restart !== null) text += `A restart is pending since ${restart.since}, for ${restart.advertisementIds.join(', ')}.\n`;
        text += `Status messages waiting: ${outbox}\nPolling every ${status.pollingMinutes} minutes; logs in ${status.logs}\n`;
        text += status.agentProcess === null ? 'The agent is not running.\n' : `The agent runs (process ${status.agentProcess}).\n`;
        io.out(text);
        return 0;
      }),
    );

  program
    .command('run-advertised-programs')
    .description('the programs users may run (not assigned), or run one now with --run')
    .option('--run <advertisementId>', 'run this advertisement\'s program now')
    .option('--download-first', 'download the content into the cache without asking')
    .option('--json', 'print JSON')
    .action(
      act(async (options: { run?: string; downloadFirst?: boolean; json?: boolean }) => {
        const agent = agentOf();
        const now = new Date();
        if (options.run === undefined) {
          const listed = listedPrograms(agent.evaluateNow(now).views);
          if (options.json === true) io.out(`${JSON.stringify(listed)}\n`);
          else io.out(listed.length === 0 ? 'No programs are available to run.\n' : listed.map((v) => `${v.advertisementId}\t${v.name}\t${v.packageName}\t${v.programName}\t${v.commandLine}\n`).join(''));
          return 0;
        }
        const confirm = async () => {
          if (options.downloadFirst === true) return true;
          if (io.ask === undefined) throw new Error('The content must be downloaded into the cache first; pass --download-first to do so without being asked.');
          return io.ask(`The content of ${options.run ?? ''} must be downloaded into the cache before it runs. Download it now? [y/N] `);
        };
        const running = runningAgent(agent.clientDir);
        if (running !== null) {
          // It owns the download cache: it runs the program, and says how in execmgr.log.
          requestRun(agent.clientDir, { advertisementId: options.run, downloadFirst: options.downloadFirst === true });
          io.out(options.json === true ? `${JSON.stringify({ askedAgent: running, advertisementId: options.run.toUpperCase() })}\n` : `Asked the running client agent (process ${running}) to run ${options.run.toUpperCase()}${options.downloadFirst === true ? ', downloading it first' : ''}; execmgr.log says how it went.\n`);
          return 0;
        }
        // A foreground download shows in the Program Download Monitor while this process runs.
        const result = await agent.runAdvertised(options.run, now, confirm).finally(() => agent.downloads.close());
        if (options.json === true) io.out(`${JSON.stringify(result)}\n`);
        else io.out(`${result.reports.map(actionLine).join('\n')}\nStatus messages: ${result.outbox.sent} sent, ${result.outbox.remaining} waiting${result.outbox.problem === null ? '' : ` (${result.outbox.problem})`}\n`);
        const last = result.reports.at(-1);
        if (last !== undefined && (last.status === 'succeeded' || last.status === 'declined')) return 0;
        io.err(`courier-client: ${options.run} did not run to success: ${last?.reason ?? 'nothing ran'}\n`);
        return 1;
      }),
    );
}

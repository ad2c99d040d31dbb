import type { Command } from 'commander';
import { readDownloads, type DownloadEntry } from '../agent/download-state';
import { requestDownloadControl, withdrawDownloadControl } from '../agent/download-monitor';
import type { ClientIo } from './main';

/** How long a cancel or run-when-finished waits for the downloading process to take it (it looks four times a second). */
const answerWithinMs = 15_000;
const lookEveryMs = 100;

function sizeOf(entry: DownloadEntry): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return entry.totalBytes === null ? `${mb(entry.bytesDone)} of ?` : `${mb(entry.bytesDone)} of ${mb(entry.totalBytes)}`;
}

/** A reason can carry a server's words (an HTTP error): no escape sequences or forged lines reach the terminal. */
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/gu, '?');

function entryLine(entry: DownloadEntry): string {
  const state = entry.state === 'pending' && entry.waitingFor !== null ? `pending (waiting for ${entry.waitingFor === 'distributionPoint' ? 'a distribution point' : entry.waitingFor === 'space' ? 'space in the cache' : 'its time'})` : entry.state;
  const run = entry.mandatory ? 'runs when finished (mandatory)' : entry.runWhenFinished ? 'runs when finished' : 'does not run when finished';
  const from = entry.distributionPoint === null ? '' : ` from ${entry.distributionPoint}`;
  const started = entry.startedAt === null ? '' : `, started ${entry.startedAt}`;
  return `${entry.advertisementId} ${entry.packageId} (version ${entry.sourceVersion}) ${entry.programName}: ${state}, ${sizeOf(entry)}${from}${started}; ${run}${entry.reason === null ? '' : ` — ${printable(entry.reason)}`}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The entry of an advertisement among every process's downloads. */
function find(clientDir: string, advertisementId: string): DownloadEntry | undefined {
  const id = advertisementId.toUpperCase();
  return readDownloads(clientDir).entries.find((e) => e.advertisementId === id);
}

/** Waits until the downloading process shows it took the request (or the download is gone). */
async function answered(clientDir: string, advertisementId: string, took: (entry: DownloadEntry) => boolean): Promise<DownloadEntry | 'gone' | 'timeout'> {
  const until = Date.now() + answerWithinMs;
  while (Date.now() < until) {
    const entry = find(clientDir, advertisementId);
    if (entry === undefined || entry.state === 'stopped') return 'gone';
    if (took(entry)) return entry;
    await sleep(lookEveryMs);
  }
  return 'timeout';
}

/** What can be done to a download now, or why not (the message of the error). */
function underWay(clientDir: string, advertisementId: string, what: string): DownloadEntry {
  const entry = find(clientDir, advertisementId);
  const id = advertisementId.toUpperCase();
  if (entry === undefined) throw new Error(`${id} is not being downloaded, so it cannot ${what}; "courier-client download-monitor" lists the downloads.`);
  if (entry.state === 'downloading' || entry.state === 'verifying') return entry;
  const why = entry.state === 'stopped' ? `the process that downloaded it (${entry.pid}) no longer runs` : entry.state === 'cancelled' ? 'its download was cancelled' : `it is pending${entry.reason === null ? '' : `: ${entry.reason}`}`;
  throw new Error(`${id} is not downloading now (${why}), so it cannot ${what}.`);
}

/**
 * `courier-client download-monitor`: the Program Download Monitor. Lists every pending and
 * running download of the agent (or of a foreground run-advertised-programs), cancels one, and
 * sets whether an available program runs when its download ends (docs/client-agent.md).
 */
export function addDownloadMonitorCommands(program: Command, io: ClientIo, clientDir: () => string, done: (code: number) => void): void {
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
  const monitor = program
    .command('download-monitor')
    .description('the pending and running downloads of content: list them, cancel one, run its program when it ends')
    .option('--json', 'print the downloads as a JSON array')
    .action(
      act((options: { json?: boolean }) => {
        const { entries, problems } = readDownloads(clientDir());
        for (const problem of problems) io.err(`courier-client: ${problem}\n`);
        if (options.json === true) io.out(`${JSON.stringify(entries)}\n`);
        else io.out(entries.length === 0 ? 'No downloads are pending or running.\n' : entries.map((e) => `${entryLine(e)}\n`).join(''));
        return Promise.resolve(0);
      }),
    );

  // `download-monitor cancel X --json`: commander gives --json to the command that declares it first, the list.
  const json = (options: { json?: boolean }) => options.json === true || monitor.opts<{ json?: boolean }>().json === true;

  monitor
    .command('cancel <advertisementId>')
    .description('cancel the download of an advertisement\'s content; the bytes on disk are kept to resume from')
    .option('--json', 'print the cancelled download as JSON')
    .action(
      act(async (advertisementId: string, options: { json?: boolean }) => {
        const entry = underWay(clientDir(), advertisementId, 'be cancelled');
        requestDownloadControl(clientDir(), 'cancel', entry.advertisementId, entry.pid);
        const after = await answered(clientDir(), entry.advertisementId, (e) => e.state === 'cancelled');
        if (after === 'timeout') {
          withdrawDownloadControl(clientDir(), 'cancel', entry.advertisementId);
          throw new Error(`Process ${entry.pid} did not take the cancel of ${entry.advertisementId} within ${answerWithinMs / 1000} s; nothing was cancelled.`);
        }
        if (after === 'gone') {
          withdrawDownloadControl(clientDir(), 'cancel', entry.advertisementId);
          throw new Error(`The download of ${entry.advertisementId} ended before it could be cancelled.`);
        }
        io.out(json(options) ? `${JSON.stringify(after)}\n` : `Cancelled the download of ${after.packageId} for ${after.advertisementId} (${sizeOf(after)} kept to resume from); cas.log says so.\n`);
        return 0;
      }),
    );

  monitor
    .command('run-when-finished <advertisementId>')
    .description('run an available program when its download ends (the default for run-advertised-programs --download-first), or not with --off')
    .option('--off', 'do not run it: only download the content into the cache')
    .option('--json', 'print the download as JSON')
    .action(
      act(async (advertisementId: string, options: { off?: boolean; json?: boolean }) => {
        const entry = underWay(clientDir(), advertisementId, 'change "run when finished"');
        if (entry.mandatory) throw new Error(`${entry.advertisementId} is a mandatory assignment: its program always runs when the download ends.`);
        const on = options.off !== true;
        requestDownloadControl(clientDir(), 'run-when-finished', entry.advertisementId, entry.pid, on);
        const after = await answered(clientDir(), entry.advertisementId, (e) => e.runWhenFinished === on);
        if (after === 'timeout' || after === 'gone') {
          withdrawDownloadControl(clientDir(), 'run-when-finished', entry.advertisementId);
          throw new Error(after === 'gone' ? `The download of ${entry.advertisementId} ended before the change reached it.` : `Process ${entry.pid} did not take the change for ${entry.advertisementId} within ${answerWithinMs / 1000} s.`);
        }
        io.out(json(options) ? `${JSON.stringify(after)}\n` : `${after.advertisementId}: the program ${on ? 'runs' : 'does not run'} when its download finishes.\n`);
        return 0;
      }),
    );
}

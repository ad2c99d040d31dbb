import { Command, CommanderError } from 'commander';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { clientDirOf } from '../config/client-dir';
import { addAgentCommands, type AgentIo } from './agent-commands';
import { cacheFolderOf, readClientConfig, writeClientConfig, type ClientConfigInput } from '../config/client-config';
import { parseStatusMif } from '../mif/parse-mif';
import { addCacheCommands } from './cache-commands';
import { addDownloadMonitorCommands } from './download-monitor-commands';
import { maxMifBytes } from '../mif/status-mif';
import { contextOfFile } from '../policy/context-file';
import { evaluateAdvertisement, type Decision } from '../policy/evaluate';
import { parseOfferBody } from '../policy/offer-body-schema';

export interface ClientIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

interface ConfigureOptions {
  readonly managementPoint: string;
  readonly siteCode: string;
  readonly computerName?: string;
  readonly cacheFolder?: string;
  readonly cacheSize?: string;
  readonly pollingMinutes?: string;
  /** false from --no-session-user (commander's negation of the same option). */
  readonly sessionUser?: string | false;
  readonly json?: boolean;
}

function whole(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new Error(`${option} takes a whole number, not "${text}".`);
  return Number(text);
}

function configure(clientDir: string, options: ConfigureOptions, io: ClientIo): number {
  const session = options.sessionUser === undefined ? undefined : { user: options.sessionUser === false ? null : options.sessionUser };
  const input: ClientConfigInput = {
    managementPoint: options.managementPoint,
    siteCode: options.siteCode,
    ...(options.computerName !== undefined ? { computerName: options.computerName } : {}),
    ...(options.cacheFolder !== undefined ? { cacheFolder: resolve(io.cwd, options.cacheFolder) } : {}),
    ...(options.cacheSize !== undefined ? { cacheSizeMb: whole(options.cacheSize, '--cache-size') } : {}),
    ...(options.pollingMinutes !== undefined ? { policyPollingMinutes: whole(options.pollingMinutes, '--polling-minutes') } : {}),
    ...(session !== undefined ? { session } : {}),
  };
  mkdirSync(clientDir, { recursive: true });
  const saved = writeClientConfig(clientDir, input);
  io.out(options.json === true ? `${JSON.stringify({ clientDir, ...saved })}\n` : `Saved ${resolve(clientDir, 'client.json')}: management point ${saved.managementPoint}, site ${saved.siteCode}, cache ${saved.cacheSizeMb} MB.\n`);
  return 0;
}

function mifParse(file: string, json: boolean, io: ClientIo): number {
  const path = resolve(io.cwd, file);
  // Checked before reading, so a huge file is never loaded into memory.
  if (statSync(path).size > maxMifBytes) throw new Error(`${file}: the file is larger than ${maxMifBytes / 1024} KiB, which no status MIF is; it was not read`);
  const mif = parseStatusMif(readFileSync(path, 'utf8'));
  io.out(json ? `${JSON.stringify(mif)}\n` : `${mif.product} ${mif.version} (${mif.manufacturer}): ${mif.status}${mif.description ? ` — ${mif.description}` : ''}\n`);
  return 0;
}

/** A policy body is a few kilobytes; a context with a long run history a few megabytes at most. */
const maxBodyBytes = 1024 * 1024;
const maxContextBytes = 16 * 1024 * 1024;

/** A JSON file, its size checked before it is read so a huge file is never loaded. */
function readJson(file: string, maxBytes: number, what: string, io: ClientIo): unknown {
  const path = resolve(io.cwd, file);
  if (statSync(path).size > maxBytes) throw new Error(`${file}: the file is larger than ${maxBytes / 1024 / 1024} MiB, which no ${what} is; it was not read`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

function policyCheck(file: string, json: boolean, io: ClientIo): number {
  const body = parseOfferBody(readJson(file, maxBodyBytes, 'offer body', io));
  const ad = body.advertisement;
  io.out(json ? `${JSON.stringify(body)}\n` : `${ad.advertisementId} ${ad.name}: ${ad.packageId} ${body.program.name} (${body.program.kind}), source version ${body.package.sourceVersion}\n`);
  return 0;
}

function decisionText(decision: Decision): string {
  const next = decision.nextEvaluation === null ? 'on the next event, run or policy' : decision.nextEvaluation.toISOString();
  return `${decision.kind}: ${decision.reason}\nEvaluate again: ${next}\n`;
}

function policyEvaluate(file: string, options: { context: string; now?: string; json?: boolean }, io: ClientIo): number {
  const body = parseOfferBody(readJson(file, maxBodyBytes, 'offer body', io));
  const context = contextOfFile(readJson(options.context, maxContextBytes, 'context', io), new Date());
  const now = options.now === undefined ? context.now : new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now ${options.now ?? ''}: not a time (ISO 8601, for example 2026-12-02T08:00:00Z)`);
  const decision = evaluateAdvertisement(body, { ...context, now });
  io.out(options.json === true ? `${JSON.stringify(decision)}\n` : decisionText(decision));
  return 0;
}

/** `courier-client`: answers the exit code; 1 when the input is wrong, 2 for a usage error. */
export async function run(argv: readonly string[], io: ClientIo | AgentIo): Promise<number> {
  let code = 0;
  const program = new Command('courier-client')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .option('--client-dir <folder>', 'the client\'s folder (default: COURIER_CLIENT_DIR, else a per-OS data folder)');
  const clientDir = () => resolve(io.cwd, clientDirOf(program.opts<{ clientDir?: string }>().clientDir, io.env ?? process.env));
  const guarded = (work: () => number) => {
    try {
      code = work();
    } catch (error) {
      io.err(`courier-client: ${error instanceof Error ? error.message : String(error)}\n`);
      code = 1;
    }
  };
  program
    .command('configure')
    .description('save the management point, site code, cache and session settings in client.json')
    .requiredOption('--management-point <url>', 'the management point, such as http://127.0.0.1:8530/')
    .requiredOption('--site-code <code>', 'the site this client is assigned to')
    .option('--computer-name <name>', "register as this computer instead of the host name (a lab playing several computers)")
    .option('--cache-folder <folder>', 'the download cache (default: cache in the client folder)')
    .option('--cache-size <mb>', 'the download cache size in MB (default 5120)')
    .option('--polling-minutes <minutes>', 'ask for policy this often instead of the site\'s setting')
    .option('--session-user <DOMAIN\\name>', 'the logged-on user, where the OS cannot tell')
    .option('--no-session-user', 'nobody is logged on, where the OS cannot tell')
    .option('--json', 'print JSON')
    .action((options: ConfigureOptions) => guarded(() => configure(clientDir(), options, io)));
  program
    .command('mif')
    .description('status MIF files')
    .command('parse <file>')
    .option('--json', 'print JSON')
    .action((file: string, options: { json?: boolean }) => guarded(() => mifParse(file, options.json === true, io)));
  const policy = program.command('policy').description('advertisement policy: refresh it from the management point, check and evaluate bodies');
  policy
    .command('check <body>')
    .description('check an offer body as the management point serves it')
    .option('--json', 'print the body as the agent reads it')
    .action((file: string, options: { json?: boolean }) => guarded(() => policyCheck(file, options.json === true, io)));
  policy
    .command('evaluate <body>')
    .description('what the agent does with the advertisement now')
    .requiredOption('--context <file>', 'the machine, session, history, windows and events (JSON)')
    .option('--now <time>', "the time to evaluate at (default: the context file's now, else the clock)")
    .option('--json', 'print the decision as JSON')
    .action((file: string, options: { context: string; now?: string; json?: boolean }) => guarded(() => policyEvaluate(file, options, io)));
  addCacheCommands(program, io, (result) => (code = result), () => cacheFolderOf(clientDir(), readClientConfig(clientDir())));
  addAgentCommands(program, policy, io, clientDir, (result) => (code = result));
  addDownloadMonitorCommands(program, io, clientDir, (result) => (code = result));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return code;
}

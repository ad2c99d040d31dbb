import { Command, CommanderError } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseStatusMif } from '../mif/parse-mif';
import { maxMifBytes } from '../mif/status-mif';
import { contextOfFile } from '../policy/context-file';
import { evaluateAdvertisement, type Decision } from '../policy/evaluate';
import { parseOfferBody } from '../policy/offer-body-schema';

export interface ClientIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
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
export async function run(argv: readonly string[], io: ClientIo): Promise<number> {
  let code = 0;
  const program = new Command('courier-client').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command('mif')
    .description('status MIF files')
    .command('parse <file>')
    .option('--json', 'print JSON')
    .action((file: string, options: { json?: boolean }) => {
      try {
        code = mifParse(file, options.json === true, io);
      } catch (error) {
        io.err(`courier-client: ${error instanceof Error ? error.message : String(error)}\n`);
        code = 1;
      }
    });
  const policy = program.command('policy').description('advertisement policy bodies');
  const guarded = (work: () => number) => {
    try {
      code = work();
    } catch (error) {
      io.err(`courier-client: ${error instanceof Error ? error.message : String(error)}\n`);
      code = 1;
    }
  };
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
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return code;
}

import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { ApiErrorDto, DeploymentPlanInput, DeploymentResultDto } from '../api';
import { CliFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { jsonErrorOffset } from './json-error-offset';
import { fileFailure } from './pdf-commands';
import { textTable } from './text-table';

/** A plan names at most 1,000 DPs and groups and a collection's rules: a megabyte is far more than any needs. */
export const maxPlanBytes = 1024 * 1024;

/** A plan that cannot be read as one is refused input (exit 1), as a refused definition file is. */
function planFailure(message: string): CliFailure {
  return new CliFailure({ code: 'VALIDATION_FAILED', message, field: 'plan' }, 1);
}

/** Reads standard input up to the cap: a plan piped in (`… | courier deploy -`). */
async function readStdin(chunks: AsyncIterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const part = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    length += part.length;
    if (length > maxPlanBytes) throw planFailure(`The plan on standard input is larger than ${maxPlanBytes} bytes; a deployment plan is not that large.`);
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The plan file's text: a regular file only (a FIFO or a device would never end), within the cap. */
async function readPlanFile(path: string): Promise<string> {
  try {
    const { readBoundedFile } = await import('../content/bounded-file');
    const { localFileAccess } = await import('../content/file-access');
    const bytes = await readBoundedFile(path, maxPlanBytes, 'a deployment plan', 'plan', localFileAccess());
    return new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    throw fileFailure(error);
  }
}

/** What is wrong where the plan stops being JSON: line and column (from 1), and what was found there. */
function jsonProblem(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset === null) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = offset >= text.length ? 'the text ends before the JSON does' : `${JSON.stringify(text.slice(offset, offset + 1))} cannot come here`;
  return ` at line ${line}, column ${column}: ${found}`;
}

/** The plan a command names: a file, or `-` for standard input, read and parsed as JSON (not yet checked against the contract). */
export async function readPlan(plan: string, io: CommandContext['io']): Promise<unknown> {
  const name = plan === '-' ? 'The plan on standard input' : plan;
  const text = plan === '-' ? await readStdin(io.stdin?.() ?? process.stdin) : await readPlanFile(resolve(io.cwd, plan));
  return parsePlan(text, name);
}

export function parsePlan(text: string, name: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw planFailure(`${name} is empty; a deployment plan is a JSON object: {"package": …, "program": …}.`);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const problem = jsonProblem(body);
    throw planFailure(`${name} is not JSON${problem !== '' ? problem : `: ${error instanceof Error ? error.message : String(error)}`}.`);
  }
}

/** The progress page as a table: each step, its outcome, what it does and what became of it. */
export function formatDeployment(result: DeploymentResultDto): string {
  const table = textTable(
    ['Step', 'Outcome', 'What', 'Detail'],
    result.steps.map((step) => [step.step, step.outcome, step.title, step.detail]),
  );
  if (!result.ok) return `${table}\n\nNothing was made.`;
  const made = [
    result.packageId !== null ? `package ${result.packageId}` : null,
    result.programName !== null ? `program "${result.programName}"` : null,
    result.collectionId !== null ? `collection ${result.collectionId}` : null,
    result.advertisementId !== null ? `advertisement ${result.advertisementId}` : null,
  ].filter((part): part is string => part !== null);
  return `${table}\n\nDeployed: ${made.join(', ')}.`;
}

/** `courier deploy PLAN.json`: a Distribute Software plan, made all or nothing (docs/distribute-software.md). */
export function registerDeployCommand(root: Command, { io, withGlobalOptions, withCore, unwrap }: CommandContext): void {
  const deploy = withGlobalOptions(
    root
      .command('deploy')
      .description('make a Distribute Software plan (package, program, DPs, collection, advertisement) all or nothing')
      .argument('<plan>', 'a JSON file of the plan (deployments:run), or - to read it from standard input'),
  );
  deploy.addHelpText(
    'after',
    `
Examples:
  courier deploy viewer-to-pilot.json
  cat plan.json | courier deploy - --json     ({ok, steps [{step, title, outcome, detail, id}], packageId, …, error})

The plan is the deployments:run request (docs/distribute-software.md), for example:
  {"package": {"kind": "existing", "packageId": "A0100001"},
   "program": {"kind": "existing", "programName": "Install"},
   "distributionPoints": ["DP01"],
   "advertisement": {"target": {"kind": "collection", "collectionId": "SMS00001"},
                     "advertisementName": "Viewer to all systems", "assignedTime": "2026-12-24T18:00"}}

Every step is made in one site transaction: when one fails, nothing is made, the table says which
step failed and why, and the exit status is 1. A plan that is not JSON or breaks the contract is
refused before anything is made (exit 1), a file that is not JSON with the line and column.`,
  );
  deploy.action(async (plan: string, _opts: unknown, command: Command) => {
    const request = await readPlan(plan, io);
    return withCore(command, async (core, globals) => {
      const result = unwrap(await core.client['deployments:run'](request as DeploymentPlanInput));
      io.out(globals.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatDeployment(result)}\n`);
      if (!result.ok && result.error !== null) {
        const { code, message, field } = result.error;
        throw new CliFailure({ code: code as ApiErrorDto['code'], message, ...(field !== null ? { field } : {}) }, 1, true);
      }
    });
  });
}

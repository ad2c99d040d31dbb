import { Option, type Command } from 'commander';
import {
  maxStatusPageSize,
  statusSeverities,
  type StatusMessageDto,
  type StatusQueryCriteriaInput,
  type StatusQueryDto,
  type StatusQueryPrompt,
} from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { parseWholeNumber } from './parse-integer';
import { formatStatusMessages } from './status-commands';
import { textTable } from './text-table';

/** --set's names, as the criteria name them and as the other commands' options do. */
const setNames: Readonly<Record<string, StatusQueryPrompt>> = {
  packageid: 'packageId',
  package: 'packageId',
  advertisementid: 'advertisementId',
  advertisement: 'advertisementId',
  machine: 'machine',
  system: 'machine',
  component: 'component',
  distributionpoint: 'distributionPoint',
  dp: 'distributionPoint',
  since: 'since',
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--set package=A0100001` pairs as the prompts' values; a name given twice is refused. */
export function promptValuesOf(pairs: readonly string[]): Partial<Record<StatusQueryPrompt, string>> {
  const values: Partial<Record<StatusQueryPrompt, string>> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at < 0 ? undefined : setNames[pair.slice(0, at).trim().toLowerCase()];
    if (key === undefined) {
      throw usageFailure(`--set takes NAME=VALUE with NAME one of package, advertisement, machine, component, dp or since ("${pair.slice(0, 80)}" given).`);
    }
    if (values[key] !== undefined) throw usageFailure(`--set gives ${key} twice.`);
    values[key] = pair.slice(at + 1);
  }
  return values;
}

/** `--last 12h` / `--last 3d` as a query's time. */
function lastOf(text: string): { kind: 'last'; amount: number; unit: 'hours' | 'days' } {
  const match = /^(\d{1,6})\s*([hd])$/i.exec(text.trim());
  if (!match) throw usageFailure(`--last takes a number of hours or days, such as 12h or 3d ("${text.slice(0, 40)}" given).`);
  return { kind: 'last', amount: Number(match[1]), unit: match[2]?.toLowerCase() === 'h' ? 'hours' : 'days' };
}

function messageIdsOf(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d{1,5}$/.test(part))) {
    throw usageFailure(`--message-id takes message IDs from 0 to 65535, separated by commas, for example 10006,10007 ("${text.slice(0, 80)}" given).`);
  }
  return parts.map(Number);
}

function timeWords(query: StatusQueryDto): string {
  const time = query.criteria.time;
  if (time === undefined) return 'any time';
  if (time.kind === 'since') return `since ${time.since}`;
  if (time.kind === 'last') return `last ${time.amount} ${time.unit}`;
  return 'prompted';
}

export function formatStatusQueries(queries: readonly StatusQueryDto[]): string {
  return textTable(
    ['ID', 'Name', 'Comment', 'Built-in', 'Prompts', 'Time'],
    queries.map((q) => [q.id, q.name, q.comment.replace(/\s+/g, ' '), q.builtIn ? 'yes' : 'no', q.prompts.join(', '), timeWords(q)]),
  );
}

interface CreateOptions {
  name: string;
  comment?: string;
  component?: string;
  messageId?: string;
  severity?: (typeof statusSeverities)[number];
  machine?: string;
  package?: string;
  advertisement?: string;
  dp?: string;
  text?: string;
  since?: string;
  last?: string;
  prompt?: string[];
}

type Promptable = Exclude<StatusQueryPrompt, 'since'>;

function criteriaOf(opts: CreateOptions): StatusQueryCriteriaInput {
  const prompts = (opts.prompt ?? []).map((given) => {
    const key = setNames[given.trim().toLowerCase()];
    if (key === undefined) throw usageFailure(`--prompt names one of package, advertisement, machine, component, dp or since ("${given.slice(0, 40)}" given).`);
    return key;
  });
  const timeGiven = [opts.since !== undefined, opts.last !== undefined, prompts.includes('since')].filter(Boolean).length;
  if (timeGiven > 1) throw usageFailure('Give one of --since, --last and --prompt since.');
  const fields = prompts.filter((key): key is Promptable => key !== 'since');
  return {
    ...(opts.component !== undefined ? { component: opts.component } : {}),
    ...(opts.messageId !== undefined ? { messageIds: messageIdsOf(opts.messageId) } : {}),
    ...(opts.severity !== undefined ? { severity: opts.severity } : {}),
    ...(opts.machine !== undefined ? { machine: opts.machine } : {}),
    ...(opts.package !== undefined ? { packageId: opts.package } : {}),
    ...(opts.advertisement !== undefined ? { advertisementId: opts.advertisement } : {}),
    ...(opts.dp !== undefined ? { distributionPoint: opts.dp } : {}),
    ...(opts.text !== undefined ? { text: opts.text } : {}),
    ...(opts.since !== undefined ? { time: { kind: 'since', since: opts.since } } : {}),
    ...(opts.last !== undefined ? { time: lastOf(opts.last) } : {}),
    ...(prompts.includes('since') ? { time: { kind: 'prompt' } } : {}),
    ...(fields.length > 0 ? { prompts: fields } : {}),
  };
}

/** `courier status query …`: the site's Status Message Queries, listed, made, run and deleted. */
export function registerStatusQueryCommands(status: Command, context: CommandContext): void {
  const { withGlobalOptions, withCore, print, unwrap, io } = context;
  const query = withGlobalOptions(
    status
      .command('query')
      .description('run a status message query (by its ID or name), or list, create and delete queries')
      .argument('[query]', 'the query: its ID (SMS00002, A01Q00001) or its name')
      .option('--set <name=value>', 'a value the query prompts for: package=A0100001, advertisement=…, machine=…, component=…, dp=…, since=… (repeatable)', collect)
      .addOption(new Option('--order <order>', 'newest or oldest first').choices(['newest', 'oldest']).default('newest'))
      .option('--limit <n>', `messages in the page (default 100, at most ${maxStatusPageSize})`, parseWholeNumber)
      .option('--after <cursor>', "start after the previous page: its nextCursor (printed as 'next page: --after …')"),
  );
  query.addHelpText(
    'after',
    `
Examples:
  courier status query list
  courier status query SMS00002 --set package=A0100001 --json
  courier status query "Errors in the Last Day" --limit 500 --after 1764579600000.42
  courier status query create --name "Client failures" --component "Software Distribution" --severity error --prompt advertisement --last 3d
  courier status query delete A01Q00001`,
  );
  query.action((ref: string | undefined, opts: { set?: string[]; order: 'newest' | 'oldest'; limit?: number; after?: string }, command: Command) => {
    if (ref === undefined) throw usageFailure('Name the query to run (courier status query list shows them), or use list, create or delete.');
    const values = promptValuesOf(opts.set ?? []);
    return withCore(command, async (core, globals) => {
      const page = unwrap(
        await core.client['status-queries:run']({
          query: ref,
          values,
          order: opts.order,
          ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
          ...(opts.after !== undefined ? { cursor: opts.after } : {}),
        }),
      );
      print(globals, page, () => formatStatusMessages(page.messages as StatusMessageDto[]));
      if (!globals.json && page.nextCursor !== null) io.err(`courier: more messages match; next page: --after ${page.nextCursor}\n`);
    });
  });

  withGlobalOptions(query.command('list').description('list the status message queries: the built-in ones, then the site\'s own')).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const list = unwrap(await core.client['status-queries:list']({}));
      print(globals, list, () => formatStatusQueries(list));
    }),
  );

  withGlobalOptions(
    query
      .command('create')
      .description('save a status message query')
      .requiredOption('--name <name>', 'the query name')
      .option('--comment <text>', 'what the query is for')
      .option('--component <name>', 'only this component, such as SMS_DISTRIBUTION_MANAGER')
      .option('--message-id <ids>', 'only these message IDs, separated by commas')
      .addOption(new Option('--severity <level>', 'only messages of this severity').choices(statusSeverities))
      .option('--machine <name>', 'only messages reported by this computer')
      .option('--package <package-id>', 'only messages about this package (attribute 400)')
      .option('--advertisement <id>', 'only messages about this advertisement (attribute 401)')
      .option('--dp <nal-path>', 'only messages about this distribution point (attribute 404)')
      .option('--text <words>', 'only messages whose description contains these words')
      .option('--since <time>', 'from this time on, ISO 8601')
      .option('--last <span>', 'the last N hours or days when the query runs: 12h, 3d')
      .option('--prompt <name>', 'ask for this when the query runs: package, advertisement, machine, component, dp or since (repeatable)', collect),
  ).action((opts: CreateOptions, command: Command) => {
    const criteria = criteriaOf(opts);
    return withCore(command, async (core, globals) => {
      const created = unwrap(await core.client['status-queries:create']({ name: opts.name, comment: opts.comment ?? '', criteria }));
      print(globals, created, () => `Created status message query ${created.id} "${created.name}".`);
    });
  });

  withGlobalOptions(query.command('delete').description('delete one of the site\'s own status message queries').argument('<query>', 'its ID or name')).action(
    (ref: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const found = unwrap(await core.client['status-queries:get']({ query: ref }));
        const left = unwrap(await core.client['status-queries:delete']({ query: ref }));
        print(globals, left, () => `Deleted status message query ${found.id} "${found.name}".`);
      }),
  );
}

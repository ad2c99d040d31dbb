import { Option, type Command } from 'commander';
import { maxStatusPageSize, statusSeverities, statusSortColumns, type StatusMessageDto, type StatusMessageQueryInput, type StatusSort, type StatusSortColumn } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { parseWholeNumber } from './parse-integer';
import { registerStatusQueryCommands } from './status-query-commands';
import { registerStatusSummaryCommands } from './status-summary-commands';
import { textTable } from './text-table';

/** How many messages `courier status messages` prints when --limit is not given. */
export const defaultMessageLimit = 50;
/** The most one command prints; it reads them a page at a time. */
export const maxMessageLimit = 100_000;

const severityLabels = { info: 'Information', warning: 'Warning', error: 'Error' } as const;

export function formatStatusMessages(messages: readonly StatusMessageDto[]): string {
  if (messages.length === 0) return 'No status messages match.';
  return textTable(
    ['Severity', 'Time (UTC)', 'Message ID', 'Component', 'Machine', 'Description'],
    messages.map((m) => [severityLabels[m.severity], m.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), String(m.messageId), m.component, m.machine, m.description]),
  );
}

function messageIdsOf(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d{1,5}$/.test(part) || Number(part) > 65535)) {
    throw usageFailure(`--message-id takes message IDs from 0 to 65535, separated by commas, for example 2301,2330 ("${text}" given).`);
  }
  return parts.map(Number);
}

/** `--sort component:desc` as a sort; the direction is ascending when not given, as a first click on a header sorts. */
export function sortOf(text: string): StatusSort {
  const match = /^([A-Za-z]+)(?::(asc|desc))?$/i.exec(text.trim());
  const column = statusSortColumns.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase());
  if (!match || column === undefined) {
    throw usageFailure(`--sort takes a column and, after a colon, asc or desc: one of ${statusSortColumns.join(', ')}, for example component:desc ("${text.slice(0, 40)}" given).`);
  }
  return { column: column satisfies StatusSortColumn, direction: match[2]?.toLowerCase() === 'desc' ? 'desc' : 'asc' };
}

interface MessageOptions {
  component?: string;
  messageId?: string;
  severity?: (typeof statusSeverities)[number];
  package?: string;
  dp?: string;
  machine?: string;
  text?: string;
  since?: string;
  until?: string;
  before?: string;
  siteCode?: string;
  order?: 'newest' | 'oldest';
  sort?: string;
  limit?: number;
  after?: string;
}

/** `courier status messages`: the Status Message Viewer's query, for scripts. */
export function registerStatusCommands(program: Command, context: CommandContext): void {
  const { withGlobalOptions, withCore, print, unwrap, io } = context;
  const status = program.command('status').description('read the status messages the site components report, and their summaries').helpCommand(false);
  const messages = withGlobalOptions(
    status
      .command('messages')
      .description('list status messages, newest first')
      .option('--component <name>', 'only this component, such as SMS_DISTRIBUTION_MANAGER')
      .option('--message-id <ids>', 'only these message IDs, separated by commas (2301,2330)')
      .addOption(new Option('--severity <level>', 'only messages of this severity').choices(statusSeverities))
      .option('--package <package-id>', 'only messages about this package (attribute 400)')
      .option('--dp <nal-path>', 'only messages about this distribution point (attribute 404, its NAL path)')
      .option('--machine <name>', 'only messages reported by this computer')
      .option('--text <words>', 'only messages whose description contains these words (any case)')
      .option('--since <time>', 'from this time on: ISO 8601, such as 2026-12-01 (UTC) or 2026-12-01T08:30:00+01:00')
      .option('--until <time>', 'up to this time, ISO 8601')
      .option('--before <time>', 'before this time (exclusive), ISO 8601: with --since, a viewing period')
      .option('--site-code <code>', 'only messages reported at this site')
      .addOption(new Option('--order <order>', 'newest or oldest first').choices(['newest', 'oldest']).default('newest'))
      .option('--sort <column[:asc|desc]>', `sort by ${statusSortColumns.join(', ')} (ascending unless :desc; description sorts by message ID); replaces --order`)
      .option('--limit <n>', `print at most this many (default ${defaultMessageLimit}, at most ${maxMessageLimit})`, parseWholeNumber)
      .option('--after <cursor>', "start after the last message printed before: the cursor printed as 'next page: --after …'"),
  );
  messages.addHelpText(
    'after',
    `
Examples:
  courier status messages --component SMS_DISTRIBUTION_MANAGER --severity error
  courier status messages --package A0100001 --since 2026-12-01 --json
  courier status messages --message-id 2330,2328 --order oldest --limit 500
  courier status messages --limit 500 --after 1764579600000.42      (the next 500)
  courier status messages --since 2026-12-01 --before 2026-12-02 --sort component
  courier status messages --sort messageId:desc --severity error`,
  );
  messages.action((opts: MessageOptions, command: Command) => {
    const limit = opts.limit ?? defaultMessageLimit;
    if (limit < 1 || limit > maxMessageLimit) throw usageFailure(`--limit is a whole number from 1 to ${maxMessageLimit} (${limit} given).`);
    const query: StatusMessageQueryInput = {
      ...(opts.component !== undefined ? { component: opts.component } : {}),
      ...(opts.messageId !== undefined ? { messageIds: messageIdsOf(opts.messageId) } : {}),
      ...(opts.severity !== undefined ? { severity: opts.severity } : {}),
      ...(opts.package !== undefined ? { packageId: opts.package } : {}),
      ...(opts.dp !== undefined ? { distributionPoint: opts.dp } : {}),
      ...(opts.machine !== undefined ? { machine: opts.machine } : {}),
      ...(opts.text !== undefined ? { text: opts.text } : {}),
      ...(opts.since !== undefined ? { since: opts.since } : {}),
      ...(opts.until !== undefined ? { until: opts.until } : {}),
      ...(opts.before !== undefined ? { before: opts.before } : {}),
      ...(opts.siteCode !== undefined ? { siteCode: opts.siteCode } : {}),
      order: opts.order ?? 'newest',
      ...(opts.sort !== undefined ? { sort: sortOf(opts.sort) } : {}),
    };
    return withCore(command, async (core, globals) => {
      const found: StatusMessageDto[] = [];
      let cursor: string | undefined = opts.after;
      while (found.length < limit) {
        const page = unwrap(
          await core.client['status:messages']({ ...query, limit: Math.min(maxStatusPageSize, limit - found.length), ...(cursor !== undefined ? { cursor } : {}) }),
        );
        found.push(...page.messages);
        cursor = page.nextCursor ?? undefined;
        if (page.nextCursor === null) break;
      }
      print(globals, found, () => formatStatusMessages(found));
      // On stderr, so --json's output stays the array it always was.
      if (cursor !== undefined && found.length >= limit) io.err(`courier: more messages match; next page: --after ${cursor}\n`);
    });
  });
  registerStatusSummaryCommands(status, context);
  registerStatusQueryCommands(status, context);
}

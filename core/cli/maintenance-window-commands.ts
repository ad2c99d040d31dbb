import type { Command } from 'commander';
import type { ResourceMaintenanceWindowsDto } from '../api';
import type { CommandContext } from './command-context';
import { parseWholeNumber } from './parse-integer';
import { resolveResource } from './resource-commands';
import { textTable } from './text-table';

export function formatMaintenanceWindows(found: ResourceMaintenanceWindowsDto): string {
  if (found.windows.length === 0) return `No maintenance window applies to resource ${found.resourceId} after ${found.after}${found.before ? ` and before ${found.before}` : ''}: programs may run at any time.`;
  const table = textTable(
    ['Start', 'End', 'Collection', 'Window', 'Minutes'],
    found.windows.map((w) => [w.start, w.end, `${w.collectionId} ${w.collectionName}`, w.windowName, String(w.durationMinutes)]),
  );
  const periods = found.periods.map((p) => `  ${p.start} – ${p.end}`).join('\n');
  return `Maintenance windows of resource ${found.resourceId}:\n${table}\n\nOpen (their union):\n${periods}`;
}

/** `courier collection windows --resource NAME --next 5` (docs/collections.md#maintenance-windows-of-a-resource). */
export function registerCollectionWindowsCommand(collection: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  withGlobalOptions(
    collection
      .command('windows')
      .description('the maintenance windows that apply to a resource: those of every collection it is a member of, and their union')
      .requiredOption('--resource <resource>', 'a resource ID, or a name (any case)')
      .option('--next <count>', 'how many window occurrences to list (default 5)', parseWholeNumber)
      .option('--after <time>', 'windows open at or after this time (ISO 8601; default now)')
      .option('--before <time>', 'windows opening before this time (ISO 8601)'),
  ).action((opts: { resource: string; next?: number; after?: string; before?: string }, command: Command) =>
    withCore(command, async (core, globals) => {
      const resourceId = await resolveResource(core, opts.resource, unwrap);
      const found = unwrap(
        await core.client['collections:maintenance-windows']({
          resourceId,
          ...(opts.next !== undefined ? { count: opts.next } : {}),
          ...(opts.after !== undefined ? { after: opts.after } : {}),
          ...(opts.before !== undefined ? { before: opts.before } : {}),
        }),
      );
      print(globals, found, () => formatMaintenanceWindows(found));
    }),
  );
}

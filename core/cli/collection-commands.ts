import { InvalidArgumentError, type Command } from 'commander';
import type { CollectionChanges, CollectionRuleInput, MaintenanceWindowInput } from '../api';
import type { Core } from '../core';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { maxPreviewMembers } from '../api';
import { formatCollection, formatCollectionDeleted, formatCollectionList, formatMembers, formatMembershipUpdates, formatPreview } from './format-collection';
import { parseWholeNumber } from './parse-integer';
import { collect } from './repeatable';
import { registerCollectionWindowsCommand } from './maintenance-window-commands';
import { resolveResource } from './resource-commands';

/** `--window NAME=TOKEN/MINUTES[/disabled]`: one maintenance window. */
function parseWindow(text: string, previous: MaintenanceWindowInput[] = []): MaintenanceWindowInput[] {
  const match = /^(.+)=([0-9A-Fa-f]{16})\/(\d{1,4})(\/disabled)?$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('A maintenance window is NAME=TOKEN/MINUTES, for example "Nightly=00012CC0001A2000/120" (add /disabled to keep it off).');
  return [...previous, { name: match[1] ?? '', schedule: match[2] ?? '', durationMinutes: Number(match[3]), enabled: match[4] === undefined }];
}

async function rulesFrom(core: Core, unwrap: CommandContext['unwrap'], direct: readonly string[] = [], queries: readonly string[] = [], queryName?: string): Promise<CollectionRuleInput[]> {
  const rules: CollectionRuleInput[] = [];
  for (const text of direct) rules.push({ kind: 'direct', resourceId: await resolveResource(core, text, unwrap) });
  queries.forEach((query, index) => {
    const name = queryName !== undefined && queries.length === 1 ? queryName : `Query ${index + 1}`;
    rules.push({ kind: 'query', name, query });
  });
  return rules;
}

interface CreateOptions {
  readonly name: string;
  readonly comment?: string;
  readonly limitTo?: string;
  readonly parent?: string;
  readonly direct?: string[];
  readonly query?: string[];
  readonly schedule?: string;
  readonly window?: MaintenanceWindowInput[];
}

interface UpdateOptions {
  readonly name?: string;
  readonly comment?: string;
  readonly limitTo?: string | false;
  readonly schedule?: string | false;
  readonly window?: MaintenanceWindowInput[];
  readonly windows?: false;
  readonly linkUnder?: string[];
  readonly unlinkFrom?: string[];
}

/**
 * `courier collection create|list|show|members|update|update-membership|add-rule|remove-rule|delete`
 * (docs/collections.md#the-cli).
 */
export function registerCollectionCommands(root: Command, context: CommandContext): void {
  const { withGlobalOptions, withCore, print, unwrap } = context;
  const collection = root.command('collection').description('create collections of resources, change their rules and update their membership').helpCommand(false);
  registerCollectionWindowsCommand(collection, context);

  const create = withGlobalOptions(
    collection
      .command('create')
      .description('create a collection; its membership is evaluated at once when its rules can be')
      .requiredOption('--name <name>', 'up to 127 characters, unique at the site')
      .option('--comment <text>', 'up to 255 characters')
      .option('--limit-to <collection-id>', 'members must also be members of this collection')
      .option('--parent <collection-id>', 'create it as a subcollection of this one')
      .option('--direct <resource...>', 'direct rules: resource IDs or names (several after one --direct, or --direct again)')
      .option('--query <wql>', 'a query rule: select … from SMS_R_System where … (repeat for more)', collect)
      .option('--schedule <token>', 'the membership update schedule, a 16-hex-digit schedule token')
      .option('--window <NAME=TOKEN/MINUTES>', 'a maintenance window (repeat for more)', parseWindow),
  );
  create.addHelpText(
    'after',
    `
Examples:
  courier collection create --name Pilot --direct PC0001 16777218 --json
  courier collection create --name "XP workstations" --limit-to SMS00001 \\
      --query 'select * from SMS_R_System where OperatingSystemNameandVersion like "%5.1%"'
  courier collection create --name Sales --parent A0100010 --window "Nightly=00012CC0001A2000/120"`,
  );
  create.action((opts: CreateOptions, command: Command) =>
    withCore(command, async (core, globals) => {
      const rules = await rulesFrom(core, unwrap, opts.direct, opts.query);
      const created = unwrap(
        await core.client['collections:create']({
          name: opts.name,
          ...(opts.comment !== undefined ? { comment: opts.comment } : {}),
          ...(opts.limitTo !== undefined ? { limitToCollectionId: opts.limitTo } : {}),
          ...(opts.parent !== undefined ? { parentCollectionId: opts.parent } : {}),
          rules,
          ...(opts.schedule !== undefined ? { membershipSchedule: opts.schedule } : {}),
          ...(opts.window !== undefined ? { maintenanceWindows: opts.window } : {}),
        }),
      );
      print(globals, created, () => `Created collection ${created.collectionId} (${created.name}).\n\n${formatCollection(created)}`);
    }),
  );

  withGlobalOptions(collection.command('list').description('list the collections')).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const list = unwrap(await core.client['collections:list']({}));
      print(globals, list, () => formatCollectionList(list));
    }),
  );

  withGlobalOptions(collection.command('show').description('show a collection: rules, limit, tree, schedule, windows').argument('<collection-id>', 'for example A0100010')).action(
    (collectionId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const found = unwrap(await core.client['collections:get']({ collectionId }));
        print(globals, found, () => formatCollection(found));
      }),
  );

  withGlobalOptions(collection.command('members').description('list the members as of the last membership update').argument('<collection-id>', 'for example SMS00001')).action(
    (collectionId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const members = unwrap(await core.client['collections:members']({ collectionId }));
        print(globals, members, () => formatMembers(collectionId.toUpperCase(), members));
      }),
  );

  withGlobalOptions(
    collection
      .command('preview')
      .description('the members rules would give now, without saving anything (the query editor\'s preview)')
      .option('--query <wql>', 'a query rule: select … from SMS_R_System where … (repeat for more)', collect)
      .option('--direct <resource...>', 'direct rules: resource IDs or names')
      .option('--limit-to <collection-id>', 'members must also be members of this collection')
      .option('--limit <n>', `how many members to list (1–${maxPreviewMembers}); the count is of all of them`, parseWholeNumber, 50),
  ).action((opts: { query?: string[]; direct?: string[]; limitTo?: string; limit: number }, command: Command) =>
    withCore(command, async (core, globals) => {
      const limit = opts.limit;
      const rules = await rulesFrom(core, unwrap, opts.direct, opts.query);
      if (rules.length === 0) throw usageFailure('Give at least one rule to preview: --query "select …" or --direct RESOURCE.');
      const preview = unwrap(await core.client['collections:preview']({ rules, limit, ...(opts.limitTo !== undefined ? { limitToCollectionId: opts.limitTo } : {}) }));
      print(globals, preview, () => formatPreview(preview));
    }),
  );

  withGlobalOptions(
    collection
      .command('update-membership')
      .description('Update Collection Membership: evaluate the rules now (the limiting collections first)')
      .argument('<collection-id>', 'for example A0100010')
      .option('--subcollections', 'also every collection below it, linked ones included'),
  ).action((collectionId: string, opts: { subcollections?: boolean }, command: Command) =>
    withCore(command, async (core, globals) => {
      const updates = unwrap(await core.client['collections:update-membership']({ collectionId, includeSubcollections: opts.subcollections === true }));
      print(globals, updates, () => formatMembershipUpdates(updates));
    }),
  );

  const update = withGlobalOptions(
    collection
      .command('update')
      .description('change the settings given: name, comment, limit, schedule, maintenance windows, links')
      .argument('<collection-id>', 'for example A0100010')
      .option('--name <name>', 'a new name')
      .option('--comment <text>', 'a new comment')
      .option('--limit-to <collection-id>', 'limit the members to this collection\'s')
      .option('--no-limit-to', 'no limiting collection')
      .option('--schedule <token>', 'the membership update schedule (a schedule token)')
      .option('--no-schedule', 'no membership update schedule')
      .option('--window <NAME=TOKEN/MINUTES>', 'the maintenance windows, replacing all (repeat for more)', parseWindow)
      .option('--no-windows', 'remove every maintenance window')
      .option('--link-under <collection-id>', 'also show it under this collection (repeat for more)', collect)
      .option('--unlink-from <collection-id>', 'remove its link under this collection (repeat for more)', collect),
  );
  update.action((collectionId: string, opts: UpdateOptions, command: Command) => {
    if (opts.window !== undefined && opts.windows === false) throw usageFailure('--window and --no-windows cannot go together.');
    return withCore(command, async (core, globals) => {
      const changes: { -readonly [K in keyof CollectionChanges]: CollectionChanges[K] } = {};
      if (opts.name !== undefined) changes.name = opts.name;
      if (opts.comment !== undefined) changes.comment = opts.comment;
      if (opts.limitTo !== undefined) changes.limitToCollectionId = opts.limitTo === false ? null : opts.limitTo;
      if (opts.schedule !== undefined) changes.membershipSchedule = opts.schedule === false ? null : opts.schedule;
      if (opts.window !== undefined) changes.maintenanceWindows = opts.window;
      if (opts.windows === false) changes.maintenanceWindows = [];
      if (opts.linkUnder !== undefined || opts.unlinkFrom !== undefined) {
        const current = unwrap(await core.client['collections:get']({ collectionId }));
        const unlink = new Set((opts.unlinkFrom ?? []).map((id) => id.toUpperCase()));
        changes.linkedUnder = [...new Set([...current.linkedUnder, ...(opts.linkUnder ?? []).map((id) => id.toUpperCase())])].filter((id) => !unlink.has(id));
      }
      if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one setting (see courier collection update --help).');
      const updated = unwrap(await core.client['collections:update']({ collectionId, changes }));
      print(globals, updated, () => `Updated collection ${updated.collectionId} (${updated.name}).\n\n${formatCollection(updated)}`);
    });
  });

  withGlobalOptions(
    collection
      .command('add-rule')
      .description('add a direct rule (a resource) or a query rule')
      .argument('<collection-id>', 'for example A0100010')
      .option('--direct <resource...>', 'direct rules: resource IDs or names')
      .option('--query <wql>', 'select … from SMS_R_System where …')
      .option('--rule-name <name>', 'the query rule\'s name (default: Query 1)'),
  ).action((collectionId: string, opts: { direct?: string[]; query?: string; ruleName?: string }, command: Command) => {
    if ((opts.direct === undefined) === (opts.query === undefined)) throw usageFailure('Give --direct RESOURCE or --query "select …" (one kind of rule at a time).');
    return withCore(command, async (core, globals) => {
      const rules = await rulesFrom(core, unwrap, opts.direct, opts.query !== undefined ? [opts.query] : [], opts.ruleName);
      let result = unwrap(await core.client['collections:get']({ collectionId }));
      for (const rule of rules) result = unwrap(await core.client['collections:add-rule']({ collectionId, rule }));
      print(globals, result, () => `Added ${rules.length} rule${rules.length === 1 ? '' : 's'} to collection ${result.collectionId} (${result.name}).\n\n${formatCollection(result)}`);
    });
  });

  withGlobalOptions(
    collection
      .command('remove-rule')
      .description('remove a rule: the direct rule of a resource, or a rule by name')
      .argument('<collection-id>', 'for example A0100010')
      .option('--direct <resource>', 'the resource ID or name of a direct rule')
      .option('--rule-name <name>', 'the rule\'s name, any case'),
  ).action((collectionId: string, opts: { direct?: string; ruleName?: string }, command: Command) => {
    if ((opts.direct === undefined) === (opts.ruleName === undefined)) throw usageFailure('Give --direct RESOURCE or --rule-name NAME (one of them).');
    return withCore(command, async (core, globals) => {
      const which = opts.direct !== undefined ? { resourceId: await resolveResource(core, opts.direct, unwrap) } : { ruleName: opts.ruleName ?? '' };
      const result = unwrap(await core.client['collections:remove-rule']({ collectionId, ...which }));
      print(globals, result, () => `Removed the rule from collection ${result.collectionId} (${result.name}).\n\n${formatCollection(result)}`);
    });
  });

  withGlobalOptions(
    collection
      .command('delete')
      .description('delete a collection and its own subcollections at once; collections linked under it are only unlinked')
      .argument('<collection-id>', 'for example A0100010')
      .option('--with-advertisements', 'also delete the advertisements that target it or its subcollections (else a targeted collection is refused)'),
  ).action((collectionId: string, opts: { withAdvertisements?: boolean }, command: Command) =>
    withCore(command, async (core, globals) => {
      const deleted = unwrap(await core.client['collections:delete']({ collectionId, deleteAdvertisements: opts.withAdvertisements === true }));
      print(globals, deleted, () => formatCollectionDeleted(deleted));
    }),
  );
}

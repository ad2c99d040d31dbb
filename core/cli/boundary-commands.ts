import type { Command } from 'commander';
import type { BoundaryKind, ContentLocationDto, SiteBoundaryDto } from '../api';
import { CliFailure, usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { commandWords } from './command-words';
import { parseWholeNumber } from './parse-integer';
import { textFields, textTable } from './text-table';
import type { Core } from '../core';

const prefixes: readonly (readonly [string, BoundaryKind])[] = [
  ['subnet:', 'ipSubnet'],
  ['range:', 'ipRange'],
  ['adsite:', 'adSite'],
];
const specForm = 'subnet:10.1.0.0/16, range:10.1.0.1-10.1.0.200 or adsite:Default-First-Site-Name';

/** subnet:…, range:…, adsite:…: the kind by its prefix; the value is the site's to check, as the console's is. */
function specOf(spec: string): { kind: BoundaryKind; value: string } {
  const text = spec.trim();
  const found = prefixes.find(([prefix]) => text.slice(0, prefix.length).toLowerCase() === prefix);
  if (!found) throw usageFailure(`"${text}" is not a boundary: write ${specForm}.`);
  return { kind: found[1], value: text.slice(found[0].length) };
}

const kindWords: Readonly<Record<BoundaryKind, string>> = { ipSubnet: 'subnet', ipRange: 'range', adSite: 'adsite' };
const specText = (b: SiteBoundaryDto) => `${kindWords[b.kind]}:${b.value}`;

/** The option a field of `courier boundary …` or `courier content locate` came from. */
export function boundaryFlagForField(argv: readonly string[], field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const [group, command] = commandWords(argv);
  const key = field.replace(/^changes\./, '');
  if (group === 'boundary') return ({ value: command === 'set' ? '--value' : '<boundary>', description: '--description', connection: '--slow', id: '<boundary>' } as Record<string, string>)[key];
  if (group === 'content' && command === 'locate') return ({ client: '--client', packageId: '--package', advertisementId: '--advertisement', sourceVersion: '--source-version' } as Record<string, string>)[key];
  return undefined;
}

function formatBoundaries(list: readonly SiteBoundaryDto[]): string {
  if (list.length === 0) return 'The site has no boundaries: every client is outside them (courier boundary add subnet:10.1.0.0/16).';
  return textTable(['ID', 'Boundary', 'Network', 'Description'], list.map((b) => [String(b.id), specText(b), b.connection, b.description]));
}

export function formatLocation(l: ContentLocationDto): string {
  const head = textFields([
    ['Client', `${l.client.name} (${l.client.resourceId}), ${l.client.ipAddresses.join(', ') || 'no IP address'}${l.client.adSite ? `, AD site ${l.client.adSite}` : ''}`],
    ['Package', `${l.packageId} version ${l.sourceVersion}${l.advertisementId ? ` for ${l.advertisementId}` : ''}`],
    ['Network', l.network === 'none' ? 'in no site boundary' : l.network],
    ['Action', l.action],
    ['Why', l.reason],
  ]);
  if (l.dps.length === 0) return head;
  return `${head}\n\n${textTable(['Distribution point', 'Via', 'Path', 'URL'], l.dps.map((dp) => [dp.name, dp.via, dp.uncPath, dp.httpUrl ?? '']))}`;
}

/** A boundary named by its ID or as it is written (subnet:10.1.0.0/16). */
async function boundaryId(core: Core, given: string, unwrap: CommandContext['unwrap']): Promise<number> {
  if (/^\d+$/.test(given.trim())) return Number(given);
  const { kind, value } = specOf(given);
  const list = unwrap(await core.client['site-boundaries:list']({}));
  const wanted = value.trim().toLowerCase();
  const found = list.find((b) => b.kind === kind && b.value.toLowerCase() === wanted);
  if (!found) throw new CliFailure({ code: 'NOT_FOUND', message: `The site has no boundary ${given.trim()}; see courier boundary list.` }, 1);
  return found.id;
}

interface AddOptions {
  readonly description?: string;
  readonly slow?: boolean;
}

interface SetOptions extends AddOptions {
  readonly value?: string;
  readonly fast?: boolean;
}

/** `courier boundary list|add|remove|set`: Site Settings › Boundaries. */
export function registerBoundaryCommands(root: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const group = root.command('boundary').description("the site's boundaries: where its clients are, on fast or slow networks").helpCommand(false);
  withGlobalOptions(group.command('list').description('list the site boundaries')).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const list = unwrap(await core.client['site-boundaries:list']({}));
      print(globals, list, () => formatBoundaries(list));
    }),
  );
  withGlobalOptions(
    group
      .command('add')
      .description('add a site boundary')
      .argument('<boundary>', specForm)
      .option('--description <text>', 'what the boundary is')
      .option('--slow', 'a slow or unreliable network (default: fast, a LAN)'),
  ).action((spec: string, opts: AddOptions, command: Command) => {
    const { kind, value } = specOf(spec);
    return withCore(command, async (core, globals) => {
      const created = unwrap(await core.client['site-boundaries:create']({ kind, value, description: opts.description ?? '', connection: opts.slow ? 'slow' : 'fast' }));
      print(globals, created, () => `Added boundary ${created.id}: ${specText(created)} (${created.connection}).`);
    });
  });
  withGlobalOptions(group.command('remove').description('remove a site boundary').argument('<boundary>', 'its ID or the boundary as written (subnet:10.1.0.0/16)')).action(
    (given: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const left = unwrap(await core.client['site-boundaries:delete']({ id: await boundaryId(core, given, unwrap) }));
        print(globals, left, () => formatBoundaries(left));
      }),
  );
  withGlobalOptions(
    group
      .command('set')
      .description("change a site boundary's value, description or network")
      .argument('<boundary>', 'its ID or the boundary as written (subnet:10.1.0.0/16)')
      .option('--value <boundary>', `the new boundary: ${specForm}`)
      .option('--description <text>', 'what the boundary is')
      .option('--fast', 'a fast network (LAN)')
      .option('--slow', 'a slow or unreliable network'),
  ).action((given: string, opts: SetOptions, command: Command) => {
    if (opts.fast && opts.slow) throw usageFailure('A boundary is either --fast or --slow, not both.');
    const next = opts.value === undefined ? undefined : specOf(opts.value);
    const changes = {
      ...(next && { kind: next.kind, value: next.value }),
      ...(opts.description !== undefined && { description: opts.description }),
      ...(opts.fast && { connection: 'fast' as const }),
      ...(opts.slow && { connection: 'slow' as const }),
    };
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give --value, --description, --fast or --slow.');
    return withCore(command, async (core, globals) => {
      const updated = unwrap(await core.client['site-boundaries:update']({ id: await boundaryId(core, given, unwrap), changes }));
      print(globals, updated, () => `Updated boundary ${updated.id}: ${specText(updated)} (${updated.connection}).`);
    });
  });

  const content = root.command('content').description('where clients take package content from').helpCommand(false);
  withGlobalOptions(
    content
      .command('locate')
      .description("the distribution points a client would be given for a package's content, in order, and why")
      .requiredOption('--client <name|id>', 'the client: its resource name or ID')
      .requiredOption('--package <id>', 'the package ID')
      .option('--advertisement <id>', "the advertisement whose network options and fallback apply (default: download, not on slow networks, no fallback)")
      .option('--source-version <n>', "the source version the client needs (default: the package's current one)", parseWholeNumber),
  ).action((opts: { client: string; package: string; advertisement?: string; sourceVersion?: number }, command: Command) =>
    withCore(command, async (core, globals) => {
      const located = unwrap(
        await core.client['content:locate']({
          client: opts.client,
          packageId: opts.package,
          ...(opts.advertisement !== undefined && { advertisementId: opts.advertisement }),
          ...(opts.sourceVersion !== undefined && { sourceVersion: opts.sourceVersion }),
        }),
      );
      print(globals, located, () => formatLocation(located));
    }),
  );
}

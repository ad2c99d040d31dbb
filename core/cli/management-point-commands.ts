import { Option, type Command } from 'commander';
import type { MpClientDetailDto, MpClientDto, MpSettingsChanges, MpSettingsDto, MpStatusDto } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { commandWords } from './command-words';
import { parseWholeNumber } from './parse-integer';
import { textFields, textTable } from './text-table';

const flags: Readonly<Record<keyof MpSettingsChanges, string>> = {
  address: '--address',
  port: '--port',
  certificateFile: '--certificate',
  keyFile: '--key',
  approval: '--approval',
};

/** The option a field of `courier mp set` came from; undefined for other commands. */
export function managementPointFlagForField(argv: readonly string[], field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const words = commandWords(argv);
  if (words[0] === 'client' && field === 'client') return '<client>';
  if (words[0] !== 'mp') return undefined;
  return flags[field.replace(/^changes\./, '') as keyof typeof flags];
}

export function formatMpSettings(s: MpSettingsDto, status: MpStatusDto | null): string {
  const fields: [string, string][] = [
    ['Address', s.address],
    ['Port', s.port === 0 ? '0 (any free port)' : String(s.port)],
    ['Protocol', s.certificateFile ? 'HTTPS' : 'HTTP'],
    ['Certificate file', s.certificateFile ?? '(none)'],
    ['Key file', s.keyFile ?? '(none)'],
    ['Client approval', s.approval],
  ];
  if (status) {
    fields.push(['Running', status.running ? `yes, at ${status.url}` : status.error ? `no: ${status.error}` : 'no']);
    fields.push(['Last request', status.lastRequestAt ?? 'never']);
    fields.push(['Clients', `${status.clients.total} (${status.clients.approved} approved, ${status.clients.pending} pending, ${status.clients.blocked} blocked)`]);
    fields.push(['Refused uploads', status.refused.uploads === 0 ? 'none' : `${status.refused.uploads} (${status.refused.messages} messages)`]);
    const last = status.refused.recent[0];
    if (last) fields.push(['Last refused', `${last.lastRefusedAt} ${last.client} (${last.reason}): ${last.lastDetail}`]);
  }
  return textFields(fields);
}

function formatClient(c: MpClientDetailDto): string {
  const list = (values: readonly string[]) => (values.length === 0 ? '(none)' : values.join(', '));
  return textFields([
    ['Name', c.name],
    ['Resource ID', String(c.resourceId)],
    ['SMS unique identifier', c.smsUniqueIdentifier ?? '(none)'],
    ['Domain', c.domain ?? '(none)'],
    ['Operating system', c.operatingSystem ?? '(not reported)'],
    ['Platform', c.platform ?? '(not reported)'],
    ['Client version', c.clientVersion ?? '(not reported)'],
    ['IP addresses', list(c.ipAddresses)],
    ['IP subnets', list(c.ipSubnets)],
    ['AD site', c.adSiteName ?? '(none)'],
    ['Logged-on users', list(c.loggedOnUsers)],
    ['Approval', c.approval + (c.secretReset ? ' (secret reset)' : '')],
    ['Registered', c.registeredAt],
    ['Last contact', c.lastContactAt ?? 'never'],
    ['Policy version', c.policyVersion === 0 ? '0 (no policy)' : String(c.policyVersion)],
  ]);
}

function formatClients(clients: readonly MpClientDto[]): string {
  if (clients.length === 0) return 'No clients.';
  return textTable(
    ['Resource', 'Name', 'Approval', 'Registered', 'Last contact'],
    clients.map((c) => [String(c.resourceId), c.name, c.secretReset ? `${c.approval} (secret reset)` : c.approval, c.registeredAt, c.lastContactAt ?? 'never']),
  );
}

/** A resource ID when all digits, else the client's name. */
function clientArgument(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

interface SetOptions {
  readonly address?: string;
  readonly port?: number;
  readonly certificate?: string;
  readonly key?: string;
  readonly approval?: 'automatic' | 'manual';
}

/** `courier mp show|set` and `courier client list|approve|block|unblock|reset` (docs/management-point.md). */
export function registerManagementPointCommands(root: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const mp = root.command('mp').description("show and change the management point's settings").helpCommand(false);

  withGlobalOptions(mp.command('show').description("show the management point's settings and whether it runs")).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const settings = unwrap(await core.client['management-point:get']({}));
      const status = unwrap(await core.client['management-point:status']({}));
      print(globals, { settings, status }, () => formatMpSettings(settings, status));
    }),
  );

  const set = withGlobalOptions(
    mp
      .command('set')
      .description("change the management point's settings; the others stay, and the running service listens again with them")
      .option('--address <ip>', 'the address it listens on (127.0.0.1 by default; 0.0.0.0 for every interface)')
      .option('--port <n>', 'its port (8580 by default; 0 for any free one)', parseWholeNumber)
      .option('--certificate <file>', "a PEM certificate file on the site server: with --key, HTTPS ('' clears it)")
      .option('--key <file>', "the certificate's PEM private key file ('' clears it)")
      .addOption(new Option('--approval <how>', 'whether new clients are approved at once or wait for an admin').choices(['automatic', 'manual'])),
  );
  set.addHelpText('after', '\nExample:\n  courier mp set --address 0.0.0.0 --port 8580 --certificate /etc/courier/mp.crt --key /etc/courier/mp.key --approval manual');
  set.action((opts: SetOptions, command: Command) => {
    const changes: MpSettingsChanges = {
      ...(opts.address !== undefined && { address: opts.address }),
      ...(opts.port !== undefined && { port: opts.port }),
      ...(opts.certificate !== undefined && { certificateFile: opts.certificate === '' ? null : opts.certificate }),
      ...(opts.key !== undefined && { keyFile: opts.key === '' ? null : opts.key }),
      ...(opts.approval !== undefined && { approval: opts.approval }),
    };
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one setting (see courier mp set --help).');
    return withCore(command, async (core, globals) => {
      const settings = unwrap(await core.client['management-point:update']({ changes }));
      print(globals, settings, () => `Updated the management point.\n\n${formatMpSettings(settings, null)}`);
    });
  });

  const client = root.command('client').description("the management point's clients: list, approve, block, reset").helpCommand(false);
  withGlobalOptions(client.command('list').description('list the registered clients by name').option('--pending', 'only those waiting for approval').option('--blocked', 'only blocked ones')).action(
    (opts: { pending?: boolean; blocked?: boolean }, command: Command) => {
      if (opts.pending && opts.blocked) throw usageFailure('Give --pending or --blocked, not both.');
      const approval = opts.pending ? ('pending' as const) : opts.blocked ? ('blocked' as const) : undefined;
      return withCore(command, async (core, globals) => {
        const clients = unwrap(await core.client['mp-clients:list'](approval === undefined ? {} : { approval }));
        print(globals, clients, () => formatClients(clients));
      });
    },
  );
  withGlobalOptions(client.command('show').description("one client's registration, approval and policy version").argument('<client>', 'its name or resource ID')).action(
    (name: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const detail = unwrap(await core.client['mp-clients:get']({ client: clientArgument(name) }));
        print(globals, detail, () => formatClient(detail));
      }),
  );
  const actions = [
    ['approve', 'approve a client waiting for approval'],
    ['block', 'block a client: the management point refuses it until unblocked'],
    ['unblock', 'unblock a client (approved again, or pending under manual approval)'],
  ] as const;
  for (const [action, description] of actions) {
    withGlobalOptions(client.command(action).description(description).argument('<client>', 'its name or resource ID')).action((name: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const row = unwrap(await core.client['mp-clients:set-approval']({ client: clientArgument(name), action }));
        print(globals, row, () => `${row.name} (resource ${row.resourceId}) is ${row.approval}.`);
      }),
    );
  }
  withGlobalOptions(client.command('reset').description("forget a client's secret: its next registration is accepted without one").argument('<client>', 'its name or resource ID')).action(
    (name: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const row = unwrap(await core.client['mp-clients:reset']({ client: clientArgument(name) }));
        print(globals, row, () => `The secret of ${row.name} (resource ${row.resourceId}) is forgotten; it registers again without one.`);
      }),
  );
}

import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sourcePathFormOf, type ContentServiceDto, type ContentServiceSetInput } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { commandWords } from './command-words';
import { parseWholeNumber } from './parse-integer';
import { textFields } from './text-table';

type Changes = ContentServiceSetInput['changes'];

const flags: Readonly<Record<keyof Changes, string>> = {
  address: '--address',
  port: '--port',
  certificate: '--certificate',
  key: '--key',
  clientUrl: '--client-url',
};

/** The option a field of `courier content-service set` came from; undefined for other commands. */
export function contentServiceFlagForField(argv: readonly string[], field: string | undefined): string | undefined {
  if (field === undefined || commandWords(argv)[0] !== 'content-service') return undefined;
  return flags[field.replace(/^changes\./, '') as keyof typeof flags];
}

export function formatContentService(s: ContentServiceDto): string {
  return textFields([
    ['Component', s.component],
    ['Listens at', `${s.address} port ${s.port === 0 ? '0 (any free port)' : s.port}`],
    ['Protocol', s.certificate === null ? 'HTTP' : 'HTTPS'],
    ['Certificate', s.certificate ?? '(none)'],
    ['Private key', s.key ?? '(none)'],
    ['Client URL', s.clientUrl ?? "(each DP's server name and the port)"],
    ['Running at', s.listeningUrl === null ? '(not running: `courier serve`, `courier site run` or the console runs it)' : `${s.listeningUrl} since ${s.listeningSince ?? '?'}`],
  ]);
}

interface SetOptions {
  readonly address?: string;
  readonly port?: number;
  readonly certificate?: string;
  readonly key?: string;
  readonly http?: boolean;
  /** false: --no-client-url. */
  readonly clientUrl?: string | false;
}

/** `courier content-service show|set`: the HTTP(S) side of BITS-enabled distribution points. */
export function registerContentServiceCommands(root: Command, { io, withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const group = root.command('content-service').description('show and change the content service that serves BITS-enabled distribution points over HTTP').helpCommand(false);
  withGlobalOptions(group.command('show').description("show the content service's settings and where it runs")).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const settings = unwrap(await core.client['content-service:get']({}));
      print(globals, settings, () => formatContentService(settings));
    }),
  );
  const set = withGlobalOptions(
    group
      .command('set')
      .description("change the content service's settings; the others stay")
      .option('--address <addr>', 'address to listen at: 127.0.0.1 (default), 0.0.0.0 or :: for every interface, or a host name')
      .option('--port <n>', 'port to listen at, 0 for any free port (default)', parseWholeNumber)
      .option('--certificate <pem>', 'certificate (PEM) for HTTPS, with --key')
      .option('--key <pem>', 'its private key (PEM, unencrypted)')
      .option('--http', 'drop the certificate and key: plain HTTP')
      .option('--client-url <url>', 'the base URL clients are given, such as http://dp01.contoso.com:8080')
      .option('--no-client-url', "build client URLs from each DP's server name and the port"),
  );
  set.addHelpText('after', '\nExample:\n  courier content-service set --address 0.0.0.0 --port 8080 --client-url http://site01.contoso.com:8080');
  set.action((opts: SetOptions, command: Command) => {
    if (opts.http && (opts.certificate !== undefined || opts.key !== undefined)) throw usageFailure('--http drops the certificate and key; it cannot come with --certificate or --key.');
    const file = (path: string) => (sourcePathFormOf(path) !== null ? path : resolve(io.cwd, path));
    const changes: Changes = {
      ...(opts.address !== undefined && { address: opts.address }),
      ...(opts.port !== undefined && { port: opts.port }),
      ...(opts.certificate !== undefined && { certificate: file(opts.certificate) }),
      ...(opts.key !== undefined && { key: file(opts.key) }),
      ...(opts.http && { certificate: null, key: null }),
      ...(typeof opts.clientUrl === 'string' && { clientUrl: opts.clientUrl }),
      ...(opts.clientUrl === false && { clientUrl: null }),
    };
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one setting (see courier content-service set --help).');
    return withCore(command, async (core, globals) => {
      const settings = unwrap(await core.client['content-service:set']({ changes }));
      print(globals, settings, () => `Updated the content service; it listens again at its next poll.\n\n${formatContentService(settings)}`);
    });
  });
}

import { parseArgs } from 'node:util';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** As given on the command line; the environment and the default are applied later. */
  readonly dataDir: string | undefined;
  readonly staticDir: string | undefined;
  readonly help: boolean;
}

export const defaultPort = 4817;

export const serveUsage = `Usage: courier serve [options]      (in a checkout: npm run serve [-- options])

Serves the Courier console to a browser on this computer.

Options:
  --port N          port to listen on (default ${defaultPort}; 0 picks a free port)
  --host ADDR       address to bind (default 127.0.0.1). Anything other than the loopback lets
                    anyone who can reach the address and has the token administer the site.
  --data-dir DIR    the site's data directory (default: $COURIER_DATA_DIR, else the per-user
                    Courier folder)
  --static-dir DIR  the built console to serve (default: the one installed with Courier)
  --no-build        npm run serve only: do not rebuild the console first, even when it is
                    out of date
  -h, --help        show this help
`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return Number(text);
}

/** Parses the arguments after `courier serve` (`npm run serve --`); throws UsageError with a one-line message. */
export function parseServeOptions(argv: readonly string[]): ServeOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
        // Handled by scripts/serve.mjs before the host starts; accepted here so it passes through.
        build: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const { values } = parsed;
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address, for example 127.0.0.1.');
  if (values['data-dir'] === '') throw new UsageError('--data-dir needs a directory.');
  return {
    port: values.port === undefined ? defaultPort : parsePort(values.port),
    host,
    dataDir: values['data-dir'],
    staticDir: values['static-dir'],
    help: values.help ?? false,
  };
}

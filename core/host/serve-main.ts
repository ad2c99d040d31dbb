import { hostname } from 'node:os';
import { CourierError } from '../api';
import { createCore, resolveDataDir, type Core } from '../core';
import { startComponentRunner, type ComponentRunner } from '../index';
import { isLoopbackHost, urlAuthority } from './request-guards';
import { parseServeOptions, serveUsage, UsageError } from './serve-options';
import { startHost, type RunningHost } from './start-host';

function fail(message: string, exitCode: number): number {
  process.stderr.write(`courier serve: ${message.split('\n')[0]}\n`);
  return exitCode;
}

function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use; choose another with --port N (0 picks a free one).`;
  if (code === 'EADDRNOTAVAIL') return `${host} is not an address of this computer.`;
  if (code === 'EACCES') return `not allowed to listen on port ${port}; choose a port above 1023.`;
  return `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

export interface ServeStart {
  /** The built console, where it is installed (dist/renderer); --static-dir overrides it. */
  readonly consoleDir: string;
  /** The built-in package definitions, where they are installed. */
  readonly definitionsDir: string;
  /** The compiled worker of the site components, where it is installed; from the sources the runner finds its own. */
  readonly componentWorker?: string;
  /** Runs once the options are known to be good; false stops the start (exit 1). */
  readonly beforeStart?: (options: { readonly staticDirGiven: boolean }) => boolean;
}

/**
 * `courier serve` and `npm run serve`: opens the site, serves the console and the API until
 * Ctrl-C or SIGTERM. Resolves with an exit code when it stops before serving (help, bad options,
 * a busy port), or with `running` once it serves; it then exits from the signal handler after
 * closing the host and the core.
 */
export async function serve(argv: readonly string[], start: ServeStart): Promise<number | 'running'> {
  const { consoleDir, definitionsDir, componentWorker, beforeStart } = start;
  let options;
  try {
    options = parseServeOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message} (see --help)`, 2);
    throw error;
  }
  if (options.help) {
    process.stdout.write(serveUsage);
    return 0;
  }
  // The build runs only after the options are known to be good, and can veto the start.
  if (beforeStart && !beforeStart({ staticDirGiven: options.staticDir !== undefined })) return 1;

  const dataDir = resolveDataDir(options.dataDir, process.env);
  let core: Core;
  try {
    core = createCore({ dataDir, definitionsDir });
  } catch (error) {
    return fail(error instanceof CourierError || error instanceof Error ? error.message : String(error), 1);
  }

  let host: RunningHost;
  try {
    host = await startHost({ core, port: options.port, host: options.host, staticDir: options.staticDir ?? consoleDir });
  } catch (error) {
    core.close();
    return fail(describeListenError(error, options.host, options.port), 1);
  }

  // The site components run beside the console, in their own threads; a CLI command starts none.
  const components: ComponentRunner = startComponentRunner({ dataDir, ...(componentWorker === undefined ? {} : { workerEntry: componentWorker }) });

  const { siteCode, siteName } = core.site;
  // 0.0.0.0 is where the server listens, not an address a browser elsewhere can open.
  const shownUrl = options.host === '0.0.0.0' || options.host === '::' ? `http://${urlAuthority(hostname(), host.port)}/` : host.url;
  const banner = [
    `Courier console for site ${siteCode} (${siteName}) at ${shownUrl}?token=${host.token}`,
    `Data directory: ${dataDir}`,
    ...(isLoopbackHost(options.host)
      ? []
      : [
          `Warning: listening on ${options.host}, not only on this computer. Anyone who can reach this address and has ` +
            `the token can administer site ${siteCode}, and the connection is not encrypted.`,
        ]),
    'Press Ctrl-C to stop.',
  ];
  // One write, so whoever reads the output gets the address and the data directory together.
  process.stdout.write(`${banner.join('\n')}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(130);
    }
    stopping = true;
    void Promise.all([host.close(), components.stop()]).then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 'running';
}


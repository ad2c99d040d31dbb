import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { handleApi } from './api-routes';
import { EventJournal } from './event-journal';
import { checkRequestSource, urlAuthority } from './request-guards';
import { sendError } from './send';
import { setSecurityHeaders } from './security-headers';
import { createSessionToken } from './session-token';
import { serveStatic } from './static-files';

export interface HostOptions {
  readonly core: Pick<Core, 'invoke' | 'on'>;
  /** 0 picks a free port; the returned url has the real one. */
  readonly port: number;
  /** Defaults to the loopback: anyone who reaches the address and has the token administers the site. */
  readonly host?: string;
  /** The renderer build (dist/renderer). */
  readonly staticDir: string;
  /** A fixed token for tests; normally a fresh random one per run. */
  readonly token?: string;
}

export interface RunningHost {
  /** http://host:port/ without the token. */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Ends open event streams and stops listening. Does not close the core: its owner does. */
  close(): Promise<void>;
}

export const defaultHost = '127.0.0.1';

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const host = options.host ?? defaultHost;
  const token = options.token ?? createSessionToken();
  const streams = new Set<() => void>();
  const journal = new EventJournal(options.core);
  const context = {
    core: options.core,
    journal,
    token,
    trackStream(end: () => void) {
      streams.add(end);
      return () => streams.delete(end);
    },
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://courier.invalid');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    const source = checkRequestSource(req, host);
    if (!source.ok) {
      if (isApi) sendError(res, 'FORBIDDEN', source.message);
      else {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(source.message);
      }
      return;
    }
    if (isApi) await handleApi(req, res, url, context);
    else await serveStatic(req, res, options.staticDir, url.pathname);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 'INTERNAL', 'The site server failed to handle the request.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlAuthority(host, port)}/`,
    token,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const end of [...streams]) end();
        journal.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still in flight get a moment to finish; a keep-alive socket must not hold
        // shutdown hostage until its timeout.
        setTimeout(() => server.closeAllConnections(), 250).unref();
      });
      return closing;
    },
  };
}
